#pragma once
// `conflictmap serve`: previewing a web folder on localhost.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_serve_command(const CommonOptions& common);

}  // namespace conflictmap::cli
