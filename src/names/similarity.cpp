#include "names/similarity.hpp"

#include "names/weighted_distance.hpp"

#include <algorithm>
#include <iterator>
#include <cstdint>
#include <vector>

namespace conflictmap {

namespace {

// Myers' bit-parallel Levenshtein distance: one machine word holds a column, so names of up to 64 bytes
// cost a few operations per byte of the other string.
int bit_parallel_distance(std::string_view pattern, std::string_view text) {
  // the letters' bit masks; only the pattern's entries are set, and they are cleared again on the way out,
  // so no call pays for clearing all 256
  thread_local std::uint64_t peq[256] = {};
  struct ClearOnExit {
    std::string_view pattern;
    ~ClearOnExit() {
      for (const char c : pattern) peq[static_cast<unsigned char>(c)] = 0;
    }
  } clear{pattern};
  for (std::size_t i = 0; i < pattern.size(); ++i) peq[static_cast<unsigned char>(pattern[i])] |= 1ULL << i;
  std::uint64_t pv = ~0ULL;
  std::uint64_t mv = 0;
  int score = static_cast<int>(pattern.size());
  const std::uint64_t last = 1ULL << (pattern.size() - 1);
  for (char c : text) {
    const std::uint64_t eq = peq[static_cast<unsigned char>(c)];
    const std::uint64_t xv = eq | mv;
    const std::uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    std::uint64_t ph = mv | ~(xh | pv);
    std::uint64_t mh = pv & xh;
    if (ph & last) ++score;
    if (mh & last) --score;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  return score;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (b.empty()) return static_cast<int>(a.size());
  if (b.size() <= 64) return bit_parallel_distance(b, a);
  std::vector<int> row(b.size() + 1);  // only unusually long strings come here
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

double edit_similarity(std::string_view a, std::string_view b) {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 1.0;
  return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longer);
}

}  // namespace conflictmap

namespace conflictmap {

namespace {

double substitution_cost(char a, char b, bool arabic_letters) {
  if (a == b) return 0.0;
  if (a > b) std::swap(a, b);
  switch (a) {
    case 'D': if (b == 'Z' || b == 'T') return 0.4; break;
    case 'C': if (b == 'S') return 0.4; break;
    case 'S': if (b == 'T' || b == 'Z') return 0.5; break;
    case 'G': if (b == 'K' || b == 'J') return 0.4; break;
    case 'H': if (b == 'X') return 0.4; break;
    case 'K': if (b == 'X') return 0.5; break;
    case 'B': if (b == 'F') return 0.5; break;
    case 'J': if (b == 'Z') return 0.6; break;
    default: break;
  }
  if (arabic_letters) {
    // letters one stroke apart that differ only in their dots: a slip of the pen or of OCR
    switch (a) {
      case 'H': if (b == 'J') return 0.5; break;   // ح ج
      case 'J': if (b == 'X') return 0.5; break;   // ج خ
      case 'B': if (b == 'N' || b == 'T') return 0.5; break;  // ب ن ت
      case 'N': if (b == 'T') return 0.5; break;
      case 'R': if (b == 'Z') return 0.5; break;   // ر ز
      case 'F': if (b == 'K') return 0.6; break;   // ف ق
      default: break;
    }
  }
  return 1.0;
}

double indel_cost(char c) { return (c == 'H' || c == 'W' || c == 'Y') ? 0.5 : 1.0; }

// The costs above as lookup tables for the letters skeletons use (ASCII), so the distance's inner loop makes
// no branches on the letters: codes into kCosts, one table without and one with the Arabic dot rule.
constexpr double kCosts[] = {0.0, 0.4, 0.5, 0.6, 1.0};
struct CostTables {
  std::uint8_t substitution[2][128][128];
  double indel[128];
  CostTables() {
    for (int arabic = 0; arabic < 2; ++arabic) {
      for (int x = 0; x < 128; ++x) {
        for (int y = 0; y < 128; ++y) {
          const double cost = substitution_cost(char(x), char(y), arabic == 1);
          substitution[arabic][x][y] = std::uint8_t(std::find(std::begin(kCosts), std::end(kCosts), cost) - std::begin(kCosts));
        }
      }
    }
    for (int x = 0; x < 128; ++x) indel[x] = indel_cost(char(x));
  }
};
const CostTables& cost_tables() {
  static const CostTables tables;
  return tables;
}

bool all_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace


double skeleton_distance(std::string_view a, std::string_view b, bool arabic_letters) {
  if (all_ascii(a) && all_ascii(b)) {  // skeletons are: the costs come from the tables
    const CostTables& t = cost_tables();
    const auto& table = t.substitution[arabic_letters ? 1 : 0];
    return weighted_distance(
        a, b,
        [&](std::string_view x, std::size_t i, std::string_view y, std::size_t j) {
          return kCosts[table[std::uint8_t(x[i])][std::uint8_t(y[j])]];
        },
        [&](std::string_view s, std::size_t i) { return t.indel[std::uint8_t(s[i])]; }, 0.6);
  }
  return weighted_distance(
      a, b,
      [&](std::string_view x, std::size_t i, std::string_view y, std::size_t j) {
        return substitution_cost(x[i], y[j], arabic_letters);
      },
      [](std::string_view s, std::size_t i) { return indel_cost(s[i]); }, 0.6);
}

double skeleton_similarity(std::string_view a, std::string_view b, bool arabic_letters) {
  const std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 1.0;
  return std::max(0.0, 1.0 - skeleton_distance(a, b, arabic_letters) / static_cast<double>(longer));
}

}  // namespace conflictmap
