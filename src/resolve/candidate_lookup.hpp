#pragma once
// Gazetteer candidates for the words of one name, as the resolver and its context anchors ask for them.
#include <optional>
#include <string>
#include <vector>

#include "core/place.hpp"
#include "core/resolution.hpp"
#include "gazetteer/gazetteer.hpp"
#include "resolve/name_index.hpp"
#include "resolve/script.hpp"

namespace conflictmap {

struct CandidateLookup {
  const NameIndex& index;
  const Gazetteer& gazetteer;

  // Candidates by name alone, best per place; a feature word in the name ("airbase") sets *kind_hint.
  std::vector<Candidate> candidates(const std::vector<std::string>& words, Script script,
                                    std::optional<PlaceKind>* kind_hint, double min_fuzzy = 0.6,
                                    bool fuzzy = true) const;
};

}  // namespace conflictmap
