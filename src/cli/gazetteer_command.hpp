#pragma once
// `conflictmap gazetteer`: build, import or describe a gazetteer.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_gazetteer_command(const CommonOptions& common);

}  // namespace conflictmap::cli
