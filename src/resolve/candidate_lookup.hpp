#pragma once
// Gazetteer candidates for the words of one name, as the resolver and its context anchors ask for them.
#include <optional>
#include <string>
#include <vector>

#include "core/place.hpp"
#include "core/resolution.hpp"
#include "core/script.hpp"
#include "gazetteer/gazetteer.hpp"
#include "resolve/name_index.hpp"

namespace conflictmap {

// A name's keys and its words as written, computed once however many lookups use them.
struct NameQuery {
  NameKeys keys;           // with feature words stripped (their kind in keys.kind_hint)
  std::string word_form;   // the words joined: equal word forms are exact matches
  static NameQuery of(const std::vector<std::string>& words, Script script);
};

struct CandidateLookup {
  const NameIndex& index;
  const Gazetteer& gazetteer;

  // Candidates by name alone, best per place; a feature word in the name ("airbase") sets *kind_hint.
  std::vector<Candidate> candidates(const std::vector<std::string>& words, Script script,
                                    std::optional<PlaceKind>* kind_hint, double min_fuzzy = 0.6,
                                    bool fuzzy = true) const;
  std::vector<Candidate> candidates(const NameQuery& query, std::optional<PlaceKind>* kind_hint,
                                    double min_fuzzy = 0.6, bool fuzzy = true) const;
};

}  // namespace conflictmap
