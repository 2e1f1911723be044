#include "resolve/candidate_lookup.hpp"

namespace conflictmap {

NameQuery NameQuery::of(const std::vector<std::string>& words, Script script) {
  return {make_name_keys_from_words(script, words, true), join_words(words)};
}

std::vector<Candidate> CandidateLookup::candidates(const std::vector<std::string>& words, Script script,
                                                   std::optional<PlaceKind>* kind_hint, double min_fuzzy,
                                                   bool fuzzy) const {
  return candidates(NameQuery::of(words, script), kind_hint, min_fuzzy, fuzzy);
}

std::vector<Candidate> CandidateLookup::candidates(const NameQuery& query, std::optional<PlaceKind>* kind_hint,
                                                   double min_fuzzy, bool fuzzy) const {
  if (query.keys.empty()) return {};
  if (kind_hint && query.keys.kind_hint) *kind_hint = query.keys.kind_hint;
  const auto hits = index.lookup(query.keys, query.word_form, min_fuzzy, fuzzy);
  std::vector<Candidate> out;
  out.reserve(hits.size());
  for (const auto& hit : hits) {
    Candidate c;
    c.place = hit.place;
    c.name = hit.name;
    c.score = hit.similarity;
    c.match = hit.match;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace conflictmap
