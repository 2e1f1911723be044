#include "resolve/candidate_lookup.hpp"

namespace conflictmap {

NameQuery NameQuery::of(const std::vector<std::string>& words, Script script) {
  return {make_name_keys_from_words(script, words, true), join_words(words)};
}

namespace {
// The digit runs of a folded name, each closed by a space: "hill 800" → "800 ".
std::string numbers_in(std::string_view folded) {
  std::string numbers;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] < '0' || folded[i] > '9') continue;
    while (i < folded.size() && folded[i] >= '0' && folded[i] <= '9') numbers.push_back(folded[i++]);
    numbers.push_back(' ');
  }
  return numbers;
}
}  // namespace

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
  // "Brigade 113" is not Brigade 13, nor "Hill 800" Hill 880: a name's numbers are never respelt
  const std::string numbers = numbers_in(query.keys.folded);
  for (const auto& hit : hits) {
    if (!numbers.empty() && numbers_in(index.entry(hit.entry).keys.folded) != numbers) continue;
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
