#include "layers/strike_selection.hpp"

#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "core/parallel.hpp"

namespace conflictmap {

namespace {

double imprecision_radius(const Event& event, const StrikeSelection& selection, const AdminAreaLookup& admin_area) {
  std::optional<double> area;
  if (admin_area && !event.place.place_id.empty()) area = admin_area(event.place.place_id);
  if (area && *area > 0) return std::sqrt(*area / std::numbers::pi);
  switch (event.place.precision) {
    case 1: return 0.0;
    case 2: return selection.near_radius_m;
    default: return selection.region_radius_m;
  }
}

}  // namespace

std::string StrikeSelectionReport::summary() const {
  std::string text = fmt::format("{} strike events selected (total weight {:.6g})", selected.size(), total_weight);
  auto add = [&](std::size_t n, const char* why) {
    if (n) text += fmt::format("; {} {}", n, why);
  };
  add(wrong_type, "of other types left out");
  add(other_actor, "by other actors left out");
  add(outside_window, "outside the date window left out");
  add(undated, "undated left out (a date window or decay needs dates)");
  add(no_place, "without a point left out");
  add(zero_weight, "of zero weight left out");
  return text;
}

namespace {

StrikeSelectionReport select_from(const std::vector<Event>& events, const StrikeSelection& selection,
                                  const AdminAreaLookup& admin_area) {
  StrikeSelectionReport report;
  const bool needs_date = selection.from || selection.to || selection.as_of || selection.half_life_days > 0;
  for (const Event& event : events) {
    if (!selection.types.contains(event.type)) {
      ++report.wrong_type;
      continue;
    }
    if (!selection.actors.empty() && !selection.actors.contains(event.actor1.canonical)) {
      ++report.other_actor;
      continue;
    }
    const bool dated = event.date.precision != TimePrecision::Undated && event.date.date.valid();
    if (needs_date && !dated) {
      ++report.undated;
      continue;
    }
    if (dated) {
      const auto day = event.date.date.days();
      if ((selection.from && day < selection.from->days()) || (selection.to && day > selection.to->days()) ||
          (selection.as_of && day > selection.as_of->days())) {
        ++report.outside_window;
        continue;
      }
    }
    if (!event.place.has_point()) {
      ++report.no_place;
      continue;
    }
    double weight = event.count.value_or(1) + selection.fatality_weight * event.fatalities.value_or(0);
    if (selection.half_life_days > 0 && selection.as_of) {
      const double age = double(selection.as_of->days() - event.date.date.days());
      weight *= std::exp2(-age / selection.half_life_days);
    }
    if (!(weight > 0)) {
      ++report.zero_weight;
      continue;
    }
    const double r = imprecision_radius(event, selection, admin_area);
    report.selected.push_back({&event, weight, std::sqrt(selection.bandwidth_m * selection.bandwidth_m + r * r)});
    report.total_weight += weight;
  }
  return report;
}

}  // namespace

std::optional<SubEventType> strike_type_named(const std::string& name) {
  if (name == "air") return SubEventType::AirDroneStrike;
  if (name == "shelling") return SubEventType::ShellingArtilleryMissile;
  if (name == "explosive") return SubEventType::RemoteExplosive;
  if (name == "suicide") return SubEventType::SuicideBomb;
  return parse_sub_event_type(name);
}

StrikeSelectionReport select_strikes(const EventBatches& events, const StrikeSelection& selection,
                                     const AdminAreaLookup& admin_area) {
  // Batches on every core, then joined in reading order: the same selection, and a total weight summed batch
  // by batch, which depends on how the events were read but not on the number of threads.
  std::vector<StrikeSelectionReport> reports(events.batch_count());
  run_items_on_threads(reports.size(), available_cores(), [&](std::size_t b) {
    reports[b] = select_from(events.batch(b), selection, admin_area);
  });
  StrikeSelectionReport joined;
  std::size_t selected = 0;
  for (const auto& report : reports) selected += report.selected.size();
  joined.selected.reserve(selected);
  for (const auto& report : reports) {
    joined.selected.insert(joined.selected.end(), report.selected.begin(), report.selected.end());
    joined.wrong_type += report.wrong_type;
    joined.other_actor += report.other_actor;
    joined.outside_window += report.outside_window;
    joined.undated += report.undated;
    joined.no_place += report.no_place;
    joined.zero_weight += report.zero_weight;
    joined.total_weight += report.total_weight;
  }
  return joined;
}

StrikeSelectionReport select_strikes(const std::vector<Event>& events, const StrikeSelection& selection,
                                     const AdminAreaLookup& admin_area) {
  return select_from(events, selection, admin_area);
}

}  // namespace conflictmap
