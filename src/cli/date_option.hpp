#pragma once
// A date given on the command line (--date, --from, --as-of, …): empty means not given, anything else must be
// YYYY-MM-DD, or the command fails naming the option.
#include <optional>
#include <string>

#include "core/event.hpp"

namespace conflictmap {

std::optional<CivilDate> date_option(const std::string& text, const char* option);

}  // namespace conflictmap
