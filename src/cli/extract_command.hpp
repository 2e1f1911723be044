#pragma once
// `conflictmap extract`: located, dated, typed events from reports.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_extract_command(const CommonOptions& common);

}  // namespace conflictmap::cli
