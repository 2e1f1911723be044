#pragma once
// `conflictmap density`: the strike density layer, its isobands and their styles.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_density_command(const CommonOptions& common);

}  // namespace conflictmap::cli
