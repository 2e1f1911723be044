#pragma once
// The one dynamic programme behind every weighted spelling comparison: Damerau–Levenshtein over bytes with
// costs the caller supplies.
#include <algorithm>
#include <string_view>
#include <vector>

namespace conflictmap {

// Weighted Damerau–Levenshtein distance over three rows (the one before last for transpositions), on the
// stack unless a string is unusually long. `substitution(a, i, b, j)` gives the cost of writing b[j] for a[i]
// (a caller may treat some places apart, such as a last letter), `indel(s, i)`
// the cost of the letter s[i] that the other spelling lacks (a caller may look at its neighbours: a doubled
// letter or a last letter is often cheaper), `transposition` the cost of two neighbouring letters swapped.
template <typename Substitution, typename Indel>
double weighted_distance(std::string_view a, std::string_view b, Substitution substitution, Indel indel,
                         double transposition) {
  const std::size_t width = b.size() + 1;
  double stack_rows[4 * 64];
  std::vector<double> heap_rows;
  double* rows = stack_rows;
  if (width > 64) {
    heap_rows.resize(4 * width);
    rows = heap_rows.data();
  }
  double* before = rows;
  double* previous = rows + width;
  double* current = rows + 2 * width;
  double* insert_b = rows + 3 * width;  // b's letters' costs once, not once per row
  for (std::size_t j = 0; j < b.size(); ++j) insert_b[j] = indel(b, j);
  current[0] = 0;
  for (std::size_t j = 1; j <= b.size(); ++j) current[j] = current[j - 1] + insert_b[j - 1];
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::swap(before, previous);
    std::swap(previous, current);
    const char ai = a[i - 1];
    const double delete_a = indel(a, i - 1);
    current[0] = previous[0] + delete_a;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      double best = std::min({previous[j] + delete_a, current[j - 1] + insert_b[j - 1],
                              previous[j - 1] + substitution(a, i - 1, b, j - 1)});
      if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1] && ai != a[i - 2]) {
        best = std::min(best, before[j - 2] + transposition);
      }
      current[j] = best;
    }
  }
  return current[b.size()];
}

}  // namespace conflictmap
