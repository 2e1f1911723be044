#pragma once
// Which events a density layer counts and how much each weighs. An event's weight is its strike count
// (1 when none is stated), plus fatalities times a chosen factor, halved every half-life before the as-of
// date. An imprecise place spreads the same weight wider: its bandwidth becomes sqrt(h² + r²), where r is
// 0 at precision 1, the near radius at precision 2, and at precision 3 (or for an admin unit as the place)
// the radius of a circle as large as that unit, or the region radius when its area is unknown.
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/event_batches.hpp"

namespace conflictmap {

struct StrikeSelection {
  std::set<SubEventType> types{SubEventType::AirDroneStrike, SubEventType::ShellingArtilleryMissile};
  std::set<std::string> actors;        // canonical actor1 names; empty: any
  std::optional<CivilDate> from, to;   // inclusive window
  std::optional<CivilDate> as_of;      // events after it are left out; the decay counts back from it
  double half_life_days = 0;           // 0: no decay
  double fatality_weight = 0;
  double bandwidth_m = 10000;
  double near_radius_m = 5000;         // precision 2
  double region_radius_m = 25000;      // precision 3 without a known area
};

struct SelectedStrike {
  const Event* event = nullptr;
  double weight = 0;
  double bandwidth_m = 0;
};

struct StrikeSelectionReport {
  std::vector<SelectedStrike> selected;
  std::size_t wrong_type = 0, other_actor = 0, outside_window = 0, undated = 0, no_place = 0, zero_weight = 0;
  double total_weight = 0;
  std::string summary() const;
};

// The area in m² of an admin unit, by place id; nullopt when unknown or the id is no admin unit. Batches are
// selected on several threads at once, so the lookup must be safe to call from them.
using AdminAreaLookup = std::function<std::optional<double>(const std::string& place_id)>;

// A type as the density options name it: air, shelling, explosive, suicide, or an ACLED sub-event type name.
std::optional<SubEventType> strike_type_named(const std::string& name);

StrikeSelectionReport select_strikes(const EventBatches& events, const StrikeSelection& selection,
                                     const AdminAreaLookup& admin_area);
StrikeSelectionReport select_strikes(const std::vector<Event>& events, const StrikeSelection& selection,
                                     const AdminAreaLookup& admin_area);

}  // namespace conflictmap
