#pragma once
// `conflictmap ingest`: event tables (ACLED, UCDP GED, mapped CSV, OGR) into events.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_ingest_command(const CommonOptions& common);

}  // namespace conflictmap::cli
