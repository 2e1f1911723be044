#include "names/spelling_cost_learning.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace conflictmap {

namespace {

constexpr std::size_t kLongest = 60;

bool in_alphabet(SpellingScript script, unsigned char c) {
  if (script == SpellingScript::Arabic) return c >= 0x80;
  return c >= 'a' && c <= 'z';
}

// Probabilities of the memoryless edits. A substitution is conditioned on the letter read (keeping it is
// the substitution of a letter by itself); an insertion on the place it is made in, per opportunity: any
// gap between letters for a plain insertion, a letter for its double, a word's end for a final letter.
struct EditModel {
  std::vector<double> substitute = std::vector<double>(256 * 256, 0.0);
  std::array<std::vector<double>, kInsertionPlaces> insert{std::vector<double>(256, 0.0), std::vector<double>(256, 0.0),
                                                          std::vector<double>(256, 0.0)};
  double sub(unsigned char x, unsigned char y) const { return substitute[x * 256 + y]; }
  double ins(unsigned char c, InsertionPlace p) const { return insert[static_cast<int>(p)][c]; }
};

struct EditCounts {
  std::vector<double> substitute = std::vector<double>(256 * 256, 0.0);
  std::array<std::vector<double>, kInsertionPlaces> insert{std::vector<double>(256, 0.0), std::vector<double>(256, 0.0),
                                                          std::vector<double>(256, 0.0)};
  std::array<double, kInsertionPlaces> opportunities{};
};

// Adds one pair's expected edit counts (forward–backward over the (|a|+1) x (|b|+1) lattice).
void count_pair(const EditModel& model, const std::string& a, const std::string& b, EditCounts& counts) {
  const std::size_t n = a.size(), m = b.size(), w = m + 1;
  std::vector<double> forward((n + 1) * w, 0.0), backward((n + 1) * w, 0.0);
  std::vector<double> delete_a(n), insert_b(m);
  for (std::size_t i = 0; i < n; ++i) delete_a[i] = model.ins(a[i], insertion_place(a, i));
  for (std::size_t j = 0; j < m; ++j) insert_b[j] = model.ins(b[j], insertion_place(b, j));
  forward[0] = 1.0;
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = 0; j <= m; ++j) {
      double f = forward[i * w + j];
      if (i > 0) f += forward[(i - 1) * w + j] * delete_a[i - 1];
      if (j > 0) f += forward[i * w + j - 1] * insert_b[j - 1];
      if (i > 0 && j > 0) f += forward[(i - 1) * w + j - 1] * model.sub(a[i - 1], b[j - 1]);
      forward[i * w + j] = f;
    }
  }
  const double total = forward[n * w + m];
  if (!(total > 0.0) || !std::isfinite(total)) return;
  backward[n * w + m] = 1.0;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      double g = backward[i * w + j];
      if (i < n) g += backward[(i + 1) * w + j] * delete_a[i];
      if (j < m) g += backward[i * w + j + 1] * insert_b[j];
      if (i < n && j < m) g += backward[(i + 1) * w + j + 1] * model.sub(a[i], b[j]);
      backward[i * w + j] = g;
    }
  }
  for (std::size_t i = 0; i <= n; ++i) {
    for (std::size_t j = 0; j <= m; ++j) {
      const double f = forward[i * w + j];
      if (f == 0.0) continue;
      if (i < n) {
        const auto place = insertion_place(a, i);
        counts.insert[static_cast<int>(place)][static_cast<unsigned char>(a[i])] += f * delete_a[i] * backward[(i + 1) * w + j] / total;
      }
      if (j < m) {
        const auto place = insertion_place(b, j);
        counts.insert[static_cast<int>(place)][static_cast<unsigned char>(b[j])] += f * insert_b[j] * backward[i * w + j + 1] / total;
      }
      if (i < n && j < m) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[j]);
        counts.substitute[x * 256 + y] += f * model.sub(x, y) * backward[(i + 1) * w + j + 1] / total;
      }
    }
  }
}

// Where each insertion could have been made, in a pair's two spellings.
void count_opportunities(const std::string& s, EditCounts& counts) {
  counts.opportunities[static_cast<int>(InsertionPlace::Plain)] += static_cast<double>(s.size() + 1);
  counts.opportunities[static_cast<int>(InsertionPlace::Doubled)] += static_cast<double>(s.size());
  counts.opportunities[static_cast<int>(InsertionPlace::Final)] += 1.0;
}

EditModel starting_model(const std::vector<unsigned char>& alphabet) {
  EditModel model;
  const double letters = static_cast<double>(alphabet.size());
  for (const auto x : alphabet) {
    for (const auto y : alphabet) model.substitute[x * 256 + y] = x == y ? 0.9 : 0.1 / letters;
    for (auto& place : model.insert) place[x] = 0.01 / letters;
  }
  return model;
}

EditModel next_model(const EditCounts& counts, const std::vector<unsigned char>& alphabet, double prior) {
  EditModel model;
  for (const auto x : alphabet) {
    double row = 0;
    for (const auto y : alphabet) row += counts.substitute[x * 256 + y] + counts.substitute[y * 256 + x] + prior;
    for (const auto y : alphabet) {
      model.substitute[x * 256 + y] = (counts.substitute[x * 256 + y] + counts.substitute[y * 256 + x] + prior) / row;
    }
  }
  for (int p = 0; p < kInsertionPlaces; ++p) {
    const double opportunities = std::max(1.0, counts.opportunities[p]);
    for (const auto c : alphabet) model.insert[p][c] = (counts.insert[p][c] + prior) / opportunities;
  }
  return model;
}

}  // namespace

void learn_spelling_costs(SpellingCosts& costs, SpellingScript script, const std::vector<SpellingPair>& pairs,
                          const SpellingLearning& settings) {
  std::vector<const SpellingPair*> usable;
  std::array<bool, 256> seen{};
  for (const auto& pair : pairs) {
    if (pair.a == pair.b || pair.a.size() > kLongest || pair.b.size() > kLongest) continue;
    const auto fits = [&](const std::string& s) {
      return std::all_of(s.begin(), s.end(), [&](char c) { return in_alphabet(script, static_cast<unsigned char>(c)); });
    };
    if (!fits(pair.a) || !fits(pair.b)) continue;
    usable.push_back(&pair);
    for (const char c : pair.a + pair.b) seen[static_cast<unsigned char>(c)] = true;
  }
  if (usable.empty()) return;
  std::vector<unsigned char> alphabet;
  for (int c = 0; c < 256; ++c) {
    if (seen[c]) alphabet.push_back(static_cast<unsigned char>(c));
  }
  EditModel model = starting_model(alphabet);
  EditCounts counts;
  for (int round = 0; round < settings.rounds; ++round) {
    counts = EditCounts();
    for (const auto* pair : usable) {
      count_pair(model, pair->a, pair->b, counts);
      count_pair(model, pair->b, pair->a, counts);
      count_opportunities(pair->a, counts);
      count_opportunities(pair->b, counts);
    }
    model = next_model(counts, alphabet, settings.prior_count);
  }
  // cost = log(keep / edit) / log(1 / rare): an edit as likely as keeping the letter would be free, one no
  // more likely than `rare` costs 1
  const double scale = std::log(1.0 / settings.rare);
  const auto cost_of = [&](double keep, double edit) {
    if (edit <= 0.0) return 1.0;
    return std::clamp(std::log(std::max(keep, edit) / edit) / scale, settings.cheapest, 1.0);
  };
  for (const auto x : alphabet) {
    for (const auto y : alphabet) {
      if (x >= y) continue;
      // against how often both letters are kept: an edit of a rare letter is not cheap only because the
      // letter itself is rare
      const double together = counts.substitute[x * 256 + y] + counts.substitute[y * 256 + x];
      if (together < settings.least_evidence) continue;
      const double kept = std::sqrt(counts.substitute[x * 256 + x] * counts.substitute[y * 256 + y]);
      const double cost = cost_of(kept, together / 2);
      if (cost < 1.0) costs.set_substitution(script, x, y, cost);
    }
    for (int p = 0; p < kInsertionPlaces; ++p) {
      if (p == static_cast<int>(InsertionPlace::Final) && !settings.learn_final_letters) continue;
      if (counts.insert[p][x] < settings.least_evidence) continue;
      const double cost = cost_of(1.0, model.insert[p][x]);
      if (cost < 1.0) costs.set_insertion(script, x, static_cast<InsertionPlace>(p), cost);
    }
  }
}

}  // namespace conflictmap
