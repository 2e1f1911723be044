#pragma once
// Resolves a place string, in any spelling or script, to a gazetteer place with a score, a precision and
// ranked candidates, using the context the string carries and any context the caller adds.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/geo.hpp"
#include "core/resolution.hpp"
#include "core/script.hpp"
#include "gazetteer/gazetteer.hpp"

namespace conflictmap {

struct ResolveContext {
  // Free-text context: a governorate column, "--context 'northern countryside of Aleppo'", a report's region.
  std::vector<std::string> texts;
  // Points of other places the same document names: nearby candidates are preferred.
  std::vector<LatLon> nearby;
  // Say in each candidate why context moved it (for people reading `resolve`); batch callers skip the text.
  bool explain = true;
};

struct ResolverOptions {
  double confident_score = 0.70;  // below this a candidate is never given as resolved
  double guess_score = 0.55;      // below this there is no best guess at all
  std::size_t max_candidates = 5;
  // A namesake more than 10 km away whose score is within this of the best makes the answer ambiguous.
  double rival_margin = 0.03;
};

class NameIndex;
struct ParsedLocation;
class PlaceProximity;

class Resolver {
 public:
  explicit Resolver(const Gazetteer& gazetteer, ResolverOptions options = {});
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  Resolution resolve(std::string_view text, const ResolveContext& context = {}) const;
  const Gazetteer& gazetteer() const { return gazetteer_; }
  // True when some gazetteer name has this spelling once folded (words as key_words gives them).
  bool knows_name(const std::vector<std::string>& words, Script script) const;
  // Places a whole text names by spelling alone (exact or normalised, no fuzzy matching, no context): cheap
  // enough for statistics such as which governorate a report is about.
  std::vector<std::size_t> places_named(std::string_view text) const;

  // True when the text, read alone (no context), resolves confidently to the place itself by its spelling
  // (exact or normalised, never fuzzy): a name extraction may take though no gazetteer spelling matches.
  // Remembered per thread, as extraction asks it of the same words again and again.
  bool places_by_spelling(std::string_view text) const;
  // The same, also when namesakes leave it ambiguous: a name written beside a place names some place by its
  // spelling, and the report's context tells which.
  bool names_places_by_spelling(std::string_view text) const;
  // True when the text, read alone, names a region ("the Ghab plain", "جبال القلمون") by its spelling: an
  // area that locates the places a sentence names in it, and is the event's place only when none is named.
  bool names_region(std::string_view text) const;

  // Places within `radius_km` of a point, nearest first (a Boost.Geometry rtree).
  std::vector<std::size_t> places_near(LatLon point, double radius_km) const;

 private:
  Resolution resolve_alone(std::string_view text) const;  // no context, no reasons
  // The answer with its similarity as score, before calibration (see score_calibration).
  Resolution resolve_by_similarity(std::string_view text, const ResolveContext& context) const;
  std::vector<std::size_t> places_named_uncached(std::string_view text) const;
  Resolution resolve_parsed(std::string_view text, const ParsedLocation& parsed, const ResolveContext& context) const;
  std::vector<std::size_t> split_trailing_place(ParsedLocation& parsed) const;
  bool keep_known_prefix(ParsedLocation& parsed) const;
  const Gazetteer& gazetteer_;
  ResolverOptions options_;
  std::unique_ptr<NameIndex> index_;
  std::unique_ptr<PlaceProximity> proximity_;
  std::unordered_map<std::string, std::size_t> capitals_;  // admin1 P-code → its capital
  // What ranking reads of every candidate place, side by side: a Place spans several cache lines and a
  // lookup ranks dozens of namesakes, so reading each one's record costs more than the ranking itself.
  struct PlaceFacts {
    PlaceKind kind = PlaceKind::Other;
    bool official = false;         // an OCHA P-code, not a map mark's id
    bool secondary = false;        // only secondary sources attest it
    double population_term = 0;    // the prominence bonuses, in the order ranking adds them
    double sources_term = 0;
    LatLon point;
  };
  std::vector<PlaceFacts> facts_;
  // Whether each name of each place comes only from a secondary source: names of place p start at
  // first_name_[p] in secondary_name_.
  std::vector<std::uint32_t> first_name_;
  std::vector<bool> secondary_name_;
  std::uint64_t serial_;  // tells this resolver's cached context apart from another's at the same address
};

}  // namespace conflictmap
