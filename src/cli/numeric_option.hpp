#pragma once
// Numeric options that must be finite and in range: CLI11's own range checks let NaN through (every comparison
// with it is false), and an infinite cell size or weight makes no layer. The error names the option.
#include <CLI/CLI.hpp>

namespace conflictmap {

// A finite number of at least `low` (or above it, when `strictly`) and at most `high`.
CLI::Validator finite_number(double low, double high, bool strictly_above_low = false);

}  // namespace conflictmap
