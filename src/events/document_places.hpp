#pragma once
// Where a report's names lie, worked out once per report: the governorate most of its names share, the places
// it names that only one place bears (so near each other), the area each sentence or else the report writes
// ("Aleppo northern countryside"), and one answer per spelling and context, since names recur.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/resolution.hpp"
#include "events/place_mentions.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap {

struct ResolvedMention {
  PlaceMention mention;
  Resolution resolution;
  bool resolved = false;
};

class DocumentPlaces {
 public:
  // Reads the mentions of every sentence of a report, in order, and resolves its areas (without context) in place.
  DocumentPlaces(const Resolver& resolver, const std::vector<std::vector<ResolvedMention>*>& sentences);
  // What places the names of sentence `s`: the report's governorate and places, and its area.
  const ResolveContext& context(std::size_t s) const { return contexts_[s]; }
  // Resolves a mention of sentence `s`, once. A name is resolved only when a verb claims it: most sentences tell
  // no event, and resolving is the costly part of extraction.
  void resolve(ResolvedMention& mention, std::size_t s);

 private:
  const Resolution& answer(const std::string& text, const ResolveContext& where);
  const Resolver& resolver_;
  std::vector<ResolveContext> contexts_;
  std::vector<ResolveContext> fallbacks_;  // the same without the report's governorate and neighbours
  std::map<std::pair<std::string, std::string>, Resolution> answers_;
};

}  // namespace conflictmap
