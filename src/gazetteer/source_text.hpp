#pragma once
// Small helpers the source readers share: numbers, points and names as published tables write them.
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "core/place.hpp"
#include "io/delimited_table.hpp"

namespace conflictmap::source_text {

std::optional<double> parse_number(const std::string& text);
// The record's point; an InputError naming the file, line and column when a coordinate is not one.
std::pair<double, double> parse_point(const TableRecord& record, const DelimitedTable& table, std::size_t lat_col,
                                      std::size_t lon_col);
std::string trim(std::string text);
// "Suran (Al Bab)" names the place as "Suran"; the brackets only tell same-named places apart.
std::string without_brackets(const std::string& name);
std::optional<std::size_t> first_column(const DelimitedTable& table, std::initializer_list<const char*> names);
// Adds a name, and the parts of a compound label: "Jabar Gharbi (West Jabar)" is also "Jabar Gharbi" and
// "West Jabar"; OCHA's "Firazdaq - Arsalan Tash" joins two villages' names; a slash joins two names of one place. With `brackets_name_parent`,
// "Qosour (Deir-ez-Zor)" names Qosour in Deir-ez-Zor, as OCHA reference names do.
void add_name_and_parts(Place& place, const std::string& text, const std::string& lang, const std::string& tag,
                        bool brackets_name_parent = false);
// "ar" for Arabic script, "latn" otherwise.
std::string lang_of(const std::string& name);

}  // namespace conflictmap::source_text
