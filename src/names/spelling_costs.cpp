#include "names/spelling_costs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <ostream>
#include <vector>

#include "io/input_error.hpp"
#include "names/similarity.hpp"
#include "names/weighted_distance.hpp"

namespace conflictmap {

namespace {

constexpr const char* kScriptNames[kSpellingScripts] = {"latin", "arabic"};
constexpr const char* kInsertionNames[kInsertionPlaces] = {"insert", "insert-doubled", "insert-final"};
constexpr double kTransposition = 0.6;

// A letter as the file writes it: itself for printable ASCII, the Arabic letter its code stands for.
std::string letter_text(SpellingScript script, unsigned char letter) {
  if (script == SpellingScript::Arabic && letter >= 0x80) {
    const char32_t c = 0x0620 + (letter - 0x80);
    std::string out;
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    return out;
  }
  return std::string(1, static_cast<char>(letter));
}

bool parse_letter(SpellingScript script, std::string_view text, unsigned char& letter) {
  if (text.size() == 1 && static_cast<unsigned char>(text[0]) > 0x20 && static_cast<unsigned char>(text[0]) < 0x7F) {
    letter = static_cast<unsigned char>(text[0]);
    return true;
  }
  if (script == SpellingScript::Arabic && text.size() == 2) {
    const auto lead = static_cast<unsigned char>(text[0]), tail = static_cast<unsigned char>(text[1]);
    if ((lead & 0xE0) != 0xC0 || (tail & 0xC0) != 0x80) return false;
    const char32_t c = ((lead & 0x1F) << 6) | (tail & 0x3F);
    if (c < 0x0620 || c >= 0x0620 + 0x80) return false;
    letter = static_cast<unsigned char>(0x80 + (c - 0x0620));
    return true;
  }
  return false;
}

}  // namespace

const SpellingCosts& levenshtein_costs() {
  static const SpellingCosts every_edit_costs_one;
  return every_edit_costs_one;
}

InsertionPlace insertion_place(std::string_view spelling, std::size_t i) {
  const char c = spelling[i];
  if ((i > 0 && spelling[i - 1] == c) || (i + 1 < spelling.size() && spelling[i + 1] == c)) return InsertionPlace::Doubled;
  if (i + 1 == spelling.size()) return InsertionPlace::Final;
  return InsertionPlace::Plain;
}

SpellingCosts::SpellingCosts() : tables_(std::make_unique<std::array<Table, kSpellingScripts>>()) {
  for (auto& t : *tables_) {
    for (int x = 0; x < 256; ++x) {
      for (int y = 0; y < 256; ++y) t.substitution[x][y] = x == y ? 0.0f : 1.0f;
    }
    for (auto& row : t.insertion) std::fill(std::begin(row), std::end(row), 1.0f);
  }
}

SpellingCosts::SpellingCosts(const SpellingCosts& other)
    : tables_(std::make_unique<std::array<Table, kSpellingScripts>>(*other.tables_)), learned_(other.learned_) {}

SpellingCosts& SpellingCosts::operator=(const SpellingCosts& other) {
  if (this != &other) {
    tables_ = std::make_unique<std::array<Table, kSpellingScripts>>(*other.tables_);
    learned_ = other.learned_;
  }
  return *this;
}

void SpellingCosts::set_substitution(SpellingScript script, unsigned char a, unsigned char b, double cost) {
  if (a == b) return;
  const auto value = static_cast<float>(std::clamp(cost, 0.0, 1.0));
  table(script).substitution[a][b] = value;
  table(script).substitution[b][a] = value;
  if (value < 1.0f) learned_[static_cast<int>(script)] = true;
}

void SpellingCosts::set_insertion(SpellingScript script, unsigned char letter, InsertionPlace place, double cost) {
  const auto value = static_cast<float>(std::clamp(cost, 0.0, 1.0));
  table(script).insertion[static_cast<int>(place)][letter] = value;
  if (value < 1.0f) learned_[static_cast<int>(script)] = true;
}

double SpellingCosts::distance(SpellingScript script, std::string_view a, std::string_view b) const {
  const Table& t = table(script);
  return weighted_distance(
      a, b,
      [&](std::string_view x, std::size_t i, std::string_view y, std::size_t j) {
        // a different last letter is a different ending ("Tuqla", "Tuqli"), which tells names apart
        if (x[i] != y[j] && (i + 1 == x.size() || j + 1 == y.size())) return 1.0;
        return double(t.substitution[std::uint8_t(x[i])][std::uint8_t(y[j])]);
      },
      [&](std::string_view s, std::size_t i) {
        return double(t.insertion[static_cast<int>(insertion_place(s, i))][std::uint8_t(s[i])]);
      },
      kTransposition);
}

double SpellingCosts::similarity(SpellingScript script, std::string_view a, std::string_view b) const {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 1.0;
  if (a == b) return 1.0;
  if (!learned(script)) return edit_similarity(a, b);  // Levenshtein's, bit-parallel
  // Each learned edit is one writers make, but a spelling that changes more than a third of the letters is
  // another word, however cheap each change ("mushat" is not "machit", for all that u/a, s/c and a/i are
  // common respellings): such a pair keeps Levenshtein's similarity.
  const int edits = edit_distance(a, b);
  if (3 * static_cast<std::size_t>(edits) > longer) return 1.0 - static_cast<double>(edits) / static_cast<double>(longer);
  return std::max(0.0, 1.0 - distance(script, a, b) / static_cast<double>(longer));
}

void SpellingCosts::write(std::ostream& out) const {
  out << kSpellingCostsHeader << '\n';
  for (int s = 0; s < kSpellingScripts; ++s) {
    const auto script = static_cast<SpellingScript>(s);
    const Table& t = table(script);
    for (int x = 0; x < 256; ++x) {
      for (int y = x + 1; y < 256; ++y) {
        if (t.substitution[x][y] < 1.0f) {
          out << fmt::format("{}\tsubstitute\t{}\t{}\t{:.3f}\n", kScriptNames[s], letter_text(script, x),
                             letter_text(script, y), t.substitution[x][y]);
        }
      }
    }
    for (int p = 0; p < kInsertionPlaces; ++p) {
      for (int x = 0; x < 256; ++x) {
        if (t.insertion[p][x] < 1.0f) {
          out << fmt::format("{}\t{}\t{}\t\t{:.3f}\n", kScriptNames[s], kInsertionNames[p], letter_text(script, x),
                             t.insertion[p][x]);
        }
      }
    }
  }
}

SpellingCosts SpellingCosts::read(const std::string& text, const std::string& file) {
  SpellingCosts costs;
  std::size_t position = 0;
  long line_number = 0;
  while (position < text.size()) {
    auto end = text.find('\n', position);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + position, end - position);
    position = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1) {
      if (line != kSpellingCostsHeader) {
        throw InputError(file, 1, "", fmt::format("unexpected header; the file starts with '{}'", kSpellingCostsHeader));
      }
      continue;
    }
    if (line.empty()) continue;
    std::vector<std::string_view> f;
    for (std::size_t start = 0;;) {
      const auto tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (f.size() != 5) throw InputError(file, line_number, "", fmt::format("has {} fields, a line has 5", f.size()));
    const auto script_at = std::find(std::begin(kScriptNames), std::end(kScriptNames), f[0]);
    if (script_at == std::end(kScriptNames)) {
      throw InputError(file, line_number, "script", fmt::format("'{}' is not a script (latin, arabic)", f[0]));
    }
    const auto script = static_cast<SpellingScript>(script_at - std::begin(kScriptNames));
    double cost = 0;
    const auto [cost_end, error] = std::from_chars(f[4].data(), f[4].data() + f[4].size(), cost);
    if (error != std::errc() || cost_end != f[4].data() + f[4].size() || !(cost > 0.0 && cost <= 1.0)) {
      throw InputError(file, line_number, "cost", fmt::format("'{}' is not a cost in (0, 1]", f[4]));
    }
    unsigned char letter = 0, other = 0;
    if (!parse_letter(script, f[2], letter)) {
      throw InputError(file, line_number, "letter", fmt::format("'{}' is not one letter of the script", f[2]));
    }
    if (f[1] == "substitute") {
      if (!parse_letter(script, f[3], other) || other == letter) {
        throw InputError(file, line_number, "other", fmt::format("'{}' is not another letter of the script", f[3]));
      }
      costs.set_substitution(script, letter, other, cost);
      continue;
    }
    const auto place_at = std::find(std::begin(kInsertionNames), std::end(kInsertionNames), f[1]);
    if (place_at == std::end(kInsertionNames) || !f[3].empty()) {
      throw InputError(file, line_number, "edit",
                       fmt::format("'{}' is not an edit (substitute, insert, insert-doubled, insert-final; only a substitution has another letter)", f[1]));
    }
    costs.set_insertion(script, letter, static_cast<InsertionPlace>(place_at - std::begin(kInsertionNames)), cost);
  }
  if (line_number == 0) throw InputError(file, 1, "", "empty; the file starts with its header");
  return costs;
}

}  // namespace conflictmap
