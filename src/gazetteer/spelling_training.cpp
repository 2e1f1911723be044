#include "gazetteer/spelling_training.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "names/name_keys.hpp"
#include "names/similarity.hpp"

namespace conflictmap {

namespace {
// A capital with forty spellings in a dozen languages would teach more about itself than about respelling.
constexpr std::size_t kMostSpellingsPerPlace = 12;
}  // namespace

// FNV-1a: the split must stay the same from build to build, which the lookup tables' hash does not promise
bool held_out_from_spelling_training(std::string_view place_id) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : place_id) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash % 10 == 0;
}

std::vector<SpellingPair> spelling_training_pairs(const Gazetteer& gazetteer, SpellingScript script) {
  const Script wanted = script == SpellingScript::Arabic ? Script::Arabic : Script::Latin;
  std::vector<SpellingPair> pairs;
  std::vector<std::string> spellings;
  for (const auto& place : gazetteer.places()) {
    if (held_out_from_spelling_training(place.id)) continue;
    // a region's names are its descriptions too ("Qalamoun Mountains"), not respellings of one word
    if (place.kind == PlaceKind::Region) continue;
    spellings.clear();
    for (const auto& name : place.names) {
      const auto keys = make_name_keys(name.text);
      if (keys.script == wanted && !keys.compact.empty()) spellings.push_back(keys.compact);
    }
    std::sort(spellings.begin(), spellings.end());
    spellings.erase(std::unique(spellings.begin(), spellings.end()), spellings.end());
    if (spellings.size() > kMostSpellingsPerPlace) spellings.resize(kMostSpellingsPerPlace);
    for (std::size_t i = 0; i < spellings.size(); ++i) {
      for (std::size_t j = i + 1; j < spellings.size(); ++j) {
        if (edit_similarity(spellings[i], spellings[j]) >= 0.5) pairs.push_back({spellings[i], spellings[j]});
      }
    }
  }
  return pairs;
}

SpellingCosts learn_gazetteer_spelling_costs(const Gazetteer& gazetteer, const SpellingLearning& settings) {
  // Latin only: Arabic spellings of one place differ in little that folding leaves, so what costs learned
  // from them forgive mostly brings other places' names closer; measured with bench_spelling_holdout
  // --held-out-places, Arabic names fared worse with them than with Levenshtein's costs.
  SpellingCosts costs;
  learn_spelling_costs(costs, SpellingScript::Latin, spelling_training_pairs(gazetteer, SpellingScript::Latin), settings);
  return costs;
}

}  // namespace conflictmap
