#include "cli/numeric_option.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace conflictmap {

CLI::Validator finite_number(double low, double high, bool strictly_above_low) {
  const std::string description =
      fmt::format("a finite number {} {:g}{}", strictly_above_low ? "above" : "of at least", low,
                  std::isfinite(high) ? fmt::format(" and at most {:g}", high) : "");
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size()) return "'" + text + "' is not a number";
        if (!std::isfinite(value)) return "'" + text + "' is not finite: give " + description;
        if (value < low || (strictly_above_low && value == low) || value > high) {
          return "'" + text + "' is out of range: give " + description;
        }
        return {};
      },
      description);
}

}  // namespace conflictmap
