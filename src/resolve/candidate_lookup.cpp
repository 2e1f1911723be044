#include "resolve/candidate_lookup.hpp"

namespace conflictmap {

std::vector<Candidate> CandidateLookup::candidates(const std::vector<std::string>& words, Script script,
                                                   std::optional<PlaceKind>* kind_hint, double min_fuzzy,
                                                   bool fuzzy) const {
    auto keys = make_name_keys_from_words(script, words, true);
    if (keys.empty()) return {};
    if (kind_hint && keys.kind_hint) *kind_hint = keys.kind_hint;
    std::vector<Candidate> out;
    for (const auto& hit : index.lookup(keys, join_words(words), min_fuzzy, fuzzy)) {
      const auto& entry = index.entry(hit.entry);
      Candidate c;
      c.place = entry.place;
      c.name = entry.name;
      c.score = hit.similarity;
      c.match = hit.match;
      out.push_back(std::move(c));
    }
    return out;
}

}  // namespace conflictmap
