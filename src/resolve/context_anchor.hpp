#pragma once
// Context placed on the map. A clause such as "in the Kobani countryside", "12 km north of Aleppo" or a
// governorate column becomes an Anchor: an admin unit candidates should lie in, and a point they should lie
// near or in a direction from. Anchors then raise or lower each candidate's score.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/geo.hpp"
#include "core/resolution.hpp"
#include "gazetteer/gazetteer.hpp"
#include "resolve/candidate_lookup.hpp"
#include "resolve/location_parser.hpp"

namespace conflictmap {

// A context clause placed on the map: the area or point the head must be in or near.
struct Anchor {
  std::size_t place = 0;
  int admin_level = 0;          // 1–3 when the anchor is an admin unit: candidates must share its P-code
  std::string admin_code;
  std::optional<LatLon> point;  // a settlement (or the unit's own point) to measure distance and bearing from
  double radius_km = 30;
  std::optional<double> bearing_deg;
  std::optional<double> distance_km;
  bool weak_admin = false;      // "north of Aleppo" may cross into the next governorate
  bool region = false;          // "Aleppo countryside", a governorate column: the area, not the town
  std::optional<std::size_t> settlement;  // the town the point belongs to, when one was matched
  bool named_region = false;    // the "settlement" is a named region ("the Ghab plain"): finer than a governorate
  std::optional<std::size_t> capital;     // for a governorate: its capital city
  std::string label;
};

// What context did to one candidate: penalties multiply, bonuses add up to a cap, so context can choose
// between equally named places but cannot make a weak name match look certain.
struct ContextEffect {
  double penalty = 1.0;
  double bonus = 0.0;
  bool explain = true;  // write the reasons into the candidate (people read them; extraction does not)
  static constexpr double kMaxBonus = 0.08;
  // Not clamped: ties at the top must still be broken by context and prominence; output clamps to [0, 1].
  double apply(double base) const { return base * penalty + std::min(bonus, kMaxBonus); }
};

int admin_level_of(PlaceKind kind);
std::string bearing_name(double bearing);

// Places one context segment. Places named inside a string must agree with the `regions` given beside it;
// `capitals` maps a governorate's P-code to its capital, where ACLED places governorate-level answers.
Anchor make_anchor(const LocationSegment& segment, const CandidateLookup& lookup, Script script,
                   const std::vector<Anchor>& regions, const std::unordered_map<std::string, std::size_t>& capitals);
bool anchor_usable(const Anchor& anchor);
// How well a candidate sits with one anchor; the reasons go to c.reason for --json readers.
void apply_anchor(Candidate& c, const Place& place, const Anchor& anchor, const Gazetteer& gazetteer,
                  ContextEffect& effect);
// How precisely an anchor places an unknown name: a town named in the string, then the smallest unit.
int anchor_specificity(const Anchor& anchor);

}  // namespace conflictmap
