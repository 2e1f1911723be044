#pragma once
// What the resolver answers: ranked candidates with a score, how they matched, and an ACLED-style precision.
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.hpp"

namespace conflictmap {

enum class MatchKind { Exact, Normalised, Fuzzy, Context };

// ACLED geo_precision: 1 the named place itself, 2 near it or part of a region, 3 only a larger region.
enum class Precision { Place = 1, Near = 2, Region = 3 };

enum class ResolutionStatus {
  Resolved,    // a confident answer
  Ambiguous,   // a best guess, but other places fit nearly as well
  RegionOnly,  // the name is unknown; only its context (a region or a nearby place) is placed
  Unresolved   // nothing to place
};

std::string_view to_string(MatchKind kind);
std::string_view to_string(ResolutionStatus status);

struct Candidate {
  std::size_t place = 0;     // index into the gazetteer
  std::string matched_name;  // the gazetteer name that matched (filled in for the candidates returned)
  double score = 0.0;        // in [0, 1]
  MatchKind match = MatchKind::Fuzzy;
  std::string reason;        // how context changed the score, for people reading --json
  bool outside_context = false;  // lies outside a unit the context names
  std::size_t name = 0;          // index of the matched name in the place's names
};

struct Resolution {
  std::string query;
  ResolutionStatus status = ResolutionStatus::Unresolved;
  Precision precision = Precision::Region;
  LatLon point;              // meaningful unless Unresolved
  double score = 0.0;
  MatchKind match = MatchKind::Fuzzy;
  std::vector<Candidate> candidates;  // best first; the answer's place is candidates[0] unless RegionOnly
  std::string place_id;
  std::string place_name;
  std::string note;          // e.g. "12 km north of Aleppo"
  // Other places more than 25 km from the answer that the name alone fits as well (similarity >= 0.9): how
  // much the answer rests on context and prominence rather than on the name.
  std::size_t namesakes = 0;
  // A reading that left words of the string unread is never surer than this, however its name matched.
  double ceiling = 1.0;

  bool has_point() const { return status != ResolutionStatus::Unresolved; }
};

}  // namespace conflictmap
