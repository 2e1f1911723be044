#pragma once
// The gazetteer's own spellings as training pairs for learned spelling costs: the names one place is given by
// its sources (OCHA's English and reference names, GeoNames', Who's On First's variants, the map marks) are
// spellings of one name wherever they are close enough to be.
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "names/spelling_cost_learning.hpp"

namespace conflictmap {

// True for the tenth of places (by a hash of the id, so fixed for a place) whose spellings are never
// learned from: the held-out share that measures the learned costs (bench_spelling_holdout --held-out-places).
bool held_out_from_spelling_training(std::string_view place_id);

// Pairs of a place's distinct spellings in one script that are alike enough (plain similarity of the compact
// keys ≥ 0.5) to be one name respelt rather than two names, over every place not held out; in a fixed order.
std::vector<SpellingPair> spelling_training_pairs(const Gazetteer& gazetteer, SpellingScript script);

// Costs learned from the gazetteer's pairs of Latin spellings (Arabic ones keep Levenshtein's; see the source).
SpellingCosts learn_gazetteer_spelling_costs(const Gazetteer& gazetteer, const SpellingLearning& settings = {});

}  // namespace conflictmap
