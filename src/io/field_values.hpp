#pragma once
// Reading values out of table fields the same way everywhere: strict numbers, and coordinates in range.
#include <optional>
#include <string>
#include <string_view>

namespace conflictmap {

// The whole text as a finite number, or nullopt ("12a", "", "nan" are not numbers).
std::optional<double> parse_number(std::string_view text);

// An empty text is no value; anything else must be a number, or an InputError names the file, line, field.
std::optional<double> optional_number(std::string_view text, const std::string& source, long line, const char* field);

// Latitude in [-90, 90] and longitude in [-180, 180], or an InputError naming the file, line and field.
void require_coordinates(double lat, double lon, const std::string& source, long line);

}  // namespace conflictmap
