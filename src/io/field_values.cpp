#include "io/field_values.hpp"

#include <charconv>
#include <cmath>

#include "io/input_error.hpp"

namespace conflictmap {

std::optional<double> parse_number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> optional_number(std::string_view text, const std::string& source, long line, const char* field) {
  if (text.empty()) return std::nullopt;
  // as strtod reads it: leading blanks and a plus sign are allowed
  std::string_view digits = text;
  while (!digits.empty() && (digits.front() == ' ' || digits.front() == '\t')) digits.remove_prefix(1);
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const auto value = parse_number(digits);
  if (!value) throw InputError(source, line, field, "'" + std::string(text) + "' is not a number");
  return value;
}

void require_coordinates(double lat, double lon, const std::string& source, long line) {
  if (lat < -90 || lat > 90) throw InputError(source, line, "latitude", "is outside [-90, 90]");
  if (lon < -180 || lon > 180) throw InputError(source, line, "longitude", "is outside [-180, 180]");
}

}  // namespace conflictmap
