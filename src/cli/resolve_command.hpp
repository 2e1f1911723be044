#pragma once
// `conflictmap resolve`: place names to places, one name or a CSV of them.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_resolve_command(const CommonOptions& common);

}  // namespace conflictmap::cli
