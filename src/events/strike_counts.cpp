#include "events/strike_counts.hpp"

#include <algorithm>

namespace conflictmap {

std::optional<int> count_before(const std::vector<Token>& tokens, std::size_t trigger, const Lexicon& lexicon) {
  for (std::size_t back = 1; back <= 3 && back <= trigger; ++back) {
    const std::size_t at = trigger - back;
    std::size_t width = 0;
    if (auto n = read_number(tokens, at, lexicon, true, &width); n && at + width == trigger) return n;
    if (auto m = lexicon.match_at(tokens, at, lexicon.vague_kinds()); m && m->last == trigger) {
      return static_cast<int>(m->phrase->value);
    }
  }
  return std::nullopt;
}

std::optional<int> fatalities_in(const std::vector<Token>& tokens, const Lexicon& lexicon) {
  std::optional<int> total;
  const auto death = lexicon.mask({"death"});
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!lexicon.match_at(tokens, i, death)) continue;
    for (std::size_t j = (i >= 5 ? i - 5 : 0); j < std::min(tokens.size(), i + 4); ++j) {
      if (j == i) continue;
      std::size_t width = 0;
      if (auto n = read_number(tokens, j, lexicon, true, &width)) {
        total = total.value_or(0) + *n;
        j += width - 1;
      }
    }
    if (total) return total;
  }
  return total;
}

std::vector<std::pair<std::size_t, int>> strike_shares(const std::vector<Token>& tokens, const Lexicon& lexicon) {
  std::vector<std::pair<std::size_t, int>> shares;
  for (const auto& m : lexicon.find(tokens, lexicon.mask({"of_them"}))) {
    std::size_t width = 0;
    for (std::size_t back = 1; back <= 2 && back <= m.first; ++back) {
      if (auto n = read_number(tokens, m.first - back, lexicon, true, &width)) {
        shares.emplace_back(m.first, *n);
        break;
      }
    }
  }
  return shares;
}

std::map<std::size_t, int> share_per_place(const std::vector<std::pair<std::size_t, int>>& shares,
                                           const std::vector<std::size_t>& place_starts, std::size_t sentence_end) {
  std::map<std::size_t, int> share_of;  // by index into place_starts
  for (std::size_t sh = 0; sh < shares.size(); ++sh) {
    const std::size_t from = shares[sh].first;
    const std::size_t to = sh + 1 < shares.size() ? shares[sh + 1].first : sentence_end;
    std::vector<std::size_t> inside;
    for (std::size_t p = 0; p < place_starts.size(); ++p) {
      if (place_starts[p] >= from && place_starts[p] < to) inside.push_back(p);
    }
    for (const auto p : inside) share_of[p] = std::max(1, shares[sh].second / static_cast<int>(inside.size()));
  }
  return share_of;
}

}  // namespace conflictmap
