#pragma once
// `conflictmap web`: a self-contained web map folder.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_web_command(const CommonOptions& common);

}  // namespace conflictmap::cli
