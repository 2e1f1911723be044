#pragma once
// Snapshot dates: "2017-07-01", a list "2017-01-01,2017-07-01", or a range with a step
// "2017-01-01..2017-12-01/1m" (steps in d, w, m or y; a month step keeps the day of the month, clamped).
#include <string_view>
#include <vector>

#include "core/event.hpp"

namespace conflictmap {

// Throws std::invalid_argument with the reason; the dates come out ascending, without repeats.
std::vector<CivilDate> parse_date_series(std::string_view text);

}  // namespace conflictmap
