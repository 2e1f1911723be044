#include "gazetteer/source_text.hpp"

#include <charconv>

#include "core/script.hpp"
#include "io/input_error.hpp"

namespace conflictmap::source_text {


std::optional<double> parse_number(const std::string& text) {
  double value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  while (begin < end && *begin == ' ') ++begin;
  const auto [stop, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

std::pair<double, double> parse_point(const TableRecord& record, const DelimitedTable& table, std::size_t lat_col,
                                      std::size_t lon_col) {
  const auto lat = parse_number(record.fields[lat_col]);
  const auto lon = parse_number(record.fields[lon_col]);
  if (!lat || *lat < -90 || *lat > 90) {
    throw InputError(table.source, record.line, table.header[lat_col],
                     "'" + record.fields[lat_col] + "' is not a latitude");
  }
  if (!lon || *lon < -180 || *lon > 180) {
    throw InputError(table.source, record.line, table.header[lon_col],
                     "'" + record.fields[lon_col] + "' is not a longitude");
  }
  return {*lat, *lon};
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string without_brackets(const std::string& name) {
  const auto open = name.find(" (");
  return open == std::string::npos ? name : trim(name.substr(0, open));
}

std::optional<std::size_t> first_column(const DelimitedTable& table, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto index = table.find_column(name)) return index;
  }
  return std::nullopt;
}

void add_name_and_parts(Place& place, const std::string& text, const std::string& lang, const std::string& tag,
                        bool brackets_name_parent) {
  const auto open = text.find(" (");
  const auto close = text.rfind(')');
  const bool bracketed = open != std::string::npos && close != std::string::npos && close > open;
  if (bracketed && brackets_name_parent) {
    place.add_name({trim(text.substr(0, open)), lang, tag});
    return;
  }
  place.add_name({text, lang, tag});
  if (bracketed) {
    place.add_name({trim(text.substr(0, open)), lang, tag});
    place.add_name({trim(text.substr(open + 2, close - open - 2)), lang, tag});
  }
  // "الراموسة/ المنطقة الصناعية": a slash joins another name for the same place
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    place.add_name({trim(text.substr(0, slash)), lang, tag});
    place.add_name({trim(text.substr(slash + 1)), lang, tag});
  }
  std::size_t start = 0;
  if (text.find(" - ") == std::string::npos) return;
  while (start < text.size()) {
    auto end = text.find(" - ", start);
    if (end == std::string::npos) end = text.size();
    place.add_name({trim(text.substr(start, end - start)), lang, tag});
    start = end + 3;
  }
}

std::string lang_of(const std::string& name) {
  return detect_script(name) == Script::Arabic ? "ar" : "latn";
}

}  // namespace conflictmap::source_text
