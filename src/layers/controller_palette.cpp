#include "layers/controller_palette.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "io/input_error.hpp"

namespace conflictmap {

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool same_words(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<std::array<std::uint8_t, 4>> parse_hex_colour(std::string_view text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  std::array<std::uint8_t, 4> rgba{0, 0, 0, 255};
  for (int c = 0; c < 3; ++c) {
    int value = 0;
    for (int d = 0; d < 2; ++d) {
      const char ch = char(std::tolower(static_cast<unsigned char>(text[1 + 2 * c + d])));
      const int digit = std::isdigit(static_cast<unsigned char>(ch)) ? ch - '0' : (ch >= 'a' && ch <= 'f') ? ch - 'a' + 10 : -1;
      if (digit < 0) return std::nullopt;
      value = value * 16 + digit;
    }
    rgba[c] = std::uint8_t(value);
  }
  return rgba;
}

std::string hex_colour(const std::array<std::uint8_t, 4>& rgba) {
  return fmt::format("#{:02x}{:02x}{:02x}", rgba[0], rgba[1], rgba[2]);
}

ControllerPalette ControllerPalette::parse(std::string_view text, const std::string& origin) {
  ControllerPalette palette;
  std::set<int> values;
  std::set<std::string> codes;
  long line_number = 0;
  bool header_seen = false;
  for (std::string_view line : split(text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trimmed(line).empty() || line.front() == '#') continue;
    const auto fields = split(line, '\t');
    if (!header_seen) {
      header_seen = true;
      if (fields.size() < 4 || trimmed(fields[0]) != "value" || trimmed(fields[1]) != "code") {
        throw InputError(origin, line_number, "", "the header must be: value, code, label, colour, actors");
      }
      continue;
    }
    if (fields.size() < 4) throw InputError(origin, line_number, "", "needs at least 4 tab-separated fields");
    ControllerCategory category;
    const std::string value_text(trimmed(fields[0]));
    int value = 0;
    try {
      std::size_t used = 0;
      value = std::stoi(value_text, &used);
      if (used != value_text.size()) throw std::invalid_argument("");
    } catch (const std::exception&) {
      throw InputError(origin, line_number, "value", "'" + value_text + "' is not a number");
    }
    if (value < 1 || value > 254) throw InputError(origin, line_number, "value", "must be in 1-254 (0 is unknown)");
    if (!values.insert(value).second) throw InputError(origin, line_number, "value", "is used twice");
    category.value = std::uint8_t(value);
    category.code = std::string(trimmed(fields[1]));
    if (category.code.empty()) throw InputError(origin, line_number, "code", "is empty");
    if (!codes.insert(category.code).second) throw InputError(origin, line_number, "code", "is used twice");
    category.label = std::string(trimmed(fields[2]));
    if (category.label.empty()) category.label = category.code;
    const auto colour = parse_hex_colour(trimmed(fields[3]));
    if (!colour) throw InputError(origin, line_number, "colour", "must be #rrggbb");
    category.rgba = *colour;
    if (fields.size() > 4) {
      for (auto actor : split(fields[4], ';')) {
        if (!trimmed(actor).empty()) category.actors.emplace_back(trimmed(actor));
      }
    }
    palette.categories_.push_back(std::move(category));
  }
  if (!codes.contains(std::string(kContestedCode))) {
    throw InputError(origin, 0, "code", "no category has the code 'contested'");
  }
  return palette;
}

const ControllerCategory* ControllerPalette::by_value(std::uint8_t value) const {
  for (const auto& category : categories_) {
    if (category.value == value) return &category;
  }
  return nullptr;
}

const ControllerCategory* ControllerPalette::find(std::string_view name) const {
  name = trimmed(name);
  if (name.empty()) return nullptr;
  for (const auto& category : categories_) {
    if (same_words(category.code, name) || same_words(category.label, name)) return &category;
  }
  for (const auto& category : categories_) {
    for (const auto& actor : category.actors) {
      if (same_words(actor, name)) return &category;
    }
  }
  return nullptr;
}

const ControllerCategory& ControllerPalette::contested() const { return *find(kContestedCode); }

}  // namespace conflictmap
