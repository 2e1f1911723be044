#pragma once
// Learning what spelling edits cost from pairs of spellings of one place: a stochastic edit distance
// (memoryless edits, as Ristad and Yianilos put it) fitted by expectation–maximisation. Each round aligns
// every pair in all ways at once (forward–backward over the edit lattice), counts how often each edit is
// expected, and turns the counts into probabilities. An edit's cost is then how much less likely it is than
// keeping a letter, on a scale where `rare` (the probability of an edit no writer makes on purpose) costs 1.
#include <string>
#include <utility>
#include <vector>

#include "names/spelling_costs.hpp"

namespace conflictmap {

struct SpellingPair {
  std::string a;  // compact keys of one script (see SpellingScript)
  std::string b;
};

struct SpellingLearning {
  int rounds = 6;
  double rare = 1e-3;         // an edit this likely (or less) costs 1
  double cheapest = 0.15;     // no edit costs less: two spellings that differ are never equal
  double prior_count = 0.5;   // added to every edit's count, so that an edit seen once is not certain
  double least_evidence = 3;  // an edit expected fewer times than this in the pairs keeps cost 1
  // A last letter more or less is counted apart from other insertions but keeps cost 1 unless this is set:
  // endings tell names apart ("Suran" and "Surana" are two villages), and a cheap final letter made such
  // pairs namesakes (bench_spelling_holdout --held-out-places gained on every pair without it).
  bool learn_final_letters = false;
};

// Costs for one script learned from its pairs (both orders are used: the costs are symmetric). Pairs of
// equal spellings, or longer than 60 letters, teach nothing and are skipped, and so do pairs with a
// character outside the script's letters (a-z; Arabic letters): digits are never respelt.
void learn_spelling_costs(SpellingCosts& costs, SpellingScript script, const std::vector<SpellingPair>& pairs,
                          const SpellingLearning& settings = {});

}  // namespace conflictmap
