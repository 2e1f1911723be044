#pragma once
// `conflictmap control`: control zones on a date, from territorial events and a baseline.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_control_command(const CommonOptions& common);

}  // namespace conflictmap::cli
