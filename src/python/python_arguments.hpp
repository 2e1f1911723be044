#pragma once
// Arguments from Python checked as the commands check their options: a bad value is a ValueError naming the
// argument.
#include <optional>
#include <string>

#include "core/event.hpp"

namespace conflictmap::python {

// A date "YYYY-MM-DD"; nothing for None or "".
std::optional<CivilDate> date_argument(const std::optional<std::string>& text, const char* argument);
// threads=None: every core.
unsigned thread_count(std::optional<int> threads);
// A finite number of at least `low` (or above it, when `strictly`).
double finite_at_least(double value, double low, const char* argument, bool strictly = false);

}  // namespace conflictmap::python
