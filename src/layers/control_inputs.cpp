#include "layers/control_inputs.hpp"

#include <fmt/format.h>

#include "io/input_error.hpp"
#include "layers/geos_context.hpp"

namespace conflictmap {

namespace {

std::string settlement_key(const std::string& place_id, LatLon point) {
  return place_id.empty() ? coordinate_key(point) : place_id;
}

std::optional<CivilDate> event_date(const Event& event) {
  if (event.date.precision == TimePrecision::Undated || !event.date.date.valid()) return std::nullopt;
  return event.date.date;
}

}  // namespace

std::string ControlInputs::summary() const {
  std::string text = fmt::format("{} territorial events, {} clashes, {} baseline places", territorial, clashes, baseline_rows);
  if (region_level) text += fmt::format("; {} territorial events placed only at a region left out", region_level);
  if (unplaced) text += fmt::format("; {} without a place left out", unplaced);
  if (!unknown_controllers.empty()) {
    text += fmt::format("; {} with a controller the palette lacks left out (first: {})", unknown_controllers.size(),
                        unknown_controllers.front());
  }
  return text;
}

void add_event_reports(const EventBatches& events, const Gazetteer& gazetteer, const ControllerPalette& palette,
                       ControlInputs& inputs) {
  for (const Event& event : events) {
    const bool territorial = is_territorial(event.type) && !event.new_controller.empty();
    const bool clash = event.type == SubEventType::ArmedClash;
    if (!territorial && !clash) continue;
    if (!event.place.has_point()) {
      ++inputs.unplaced;
      continue;
    }
    // A region is no settlement: "IS advanced in the northern countryside" moves no village.
    bool region = event.place.precision >= 3;
    if (auto index = gazetteer.find(event.place.place_id)) region = region || is_admin_unit(gazetteer.at(*index).kind);
    if (region) {
      inputs.region_level += territorial;
      continue;
    }
    ControlReport report;
    report.settlement = settlement_key(event.place.place_id, event.place.point);
    report.name = event.place.name.empty() ? event.place.written : event.place.name;
    report.point = event.place.point;
    report.date = event_date(event);
    report.document = event.provenance.document;
    report.event_id = event.id;
    if (territorial) {
      const ControllerCategory* category = palette.find(event.new_controller);
      if (!category) {
        inputs.unknown_controllers.push_back(fmt::format("event {}: '{}'", event.id, event.new_controller));
        continue;
      }
      report.kind = ControlReportKind::Territorial;
      report.category = category->value;
      ++inputs.territorial;
    } else {
      report.kind = ControlReportKind::Clash;
      ++inputs.clashes;
    }
    inputs.reports.push_back(std::move(report));
    inputs.placed_events.push_back(&event);
  }
}

void add_baseline_reports(const ControlBaseline& baseline, const Gazetteer& gazetteer, const ControllerPalette& palette,
                          std::optional<CivilDate> default_date, ControlInputs& inputs) {
  auto category_of = [&](const std::string& controller, long line) {
    const ControllerCategory* category = palette.find(controller);
    if (!category) {
      throw InputError(baseline.source, line, "controller",
                       "'" + controller + "' is no category of the palette (a code, label or actor of controllers.tsv)");
    }
    return category->value;
  };
  auto date_of = [&](const std::optional<CivilDate>& date, long line) {
    if (date) return *date;
    if (default_date) return *default_date;
    throw InputError(baseline.source, line, "date", "is empty: give the baseline's date with --baseline-date");
  };
  for (const auto& row : baseline.places) {
    ControlReport report;
    report.kind = ControlReportKind::Baseline;
    report.category = category_of(row.controller, row.line);
    report.date = date_of(row.date, row.line);
    report.document = baseline.source;
    report.name = row.name;
    std::optional<LatLon> point = row.point;
    if (!row.place_id.empty()) {
      if (auto index = gazetteer.find(row.place_id)) {
        const Place& place = gazetteer.at(*index);
        point = LatLon{place.lat, place.lon};
        if (report.name.empty()) report.name = place.display_name();
      } else if (!point) {
        throw InputError(baseline.source, row.line, "place_id", "'" + row.place_id + "' is not in the gazetteer");
      }
    }
    report.point = *point;
    report.settlement = settlement_key(row.place_id, *point);
    inputs.reports.push_back(std::move(report));
    ++inputs.baseline_rows;
  }
  if (baseline.polygons.empty()) return;
  // Polygons give their controller to every settlement of the gazetteer they cover.
  GeosContext geos;
  const auto h = geos.handle();
  for (const auto& polygon : baseline.polygons) {
    const std::uint8_t category = category_of(polygon.controller, polygon.feature);
    const CivilDate date = date_of(polygon.date, polygon.feature);
    auto area = geometry_from_wkb(geos, polygon.wkb);
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, area.get());
    for (const Place& place : gazetteer.places()) {
      if (!is_settlement(place.kind)) continue;
      auto point = own(geos, GEOSGeom_createPointFromXY_r(h, place.lon, place.lat), "a point");
      if (GEOSPreparedIntersects_r(h, prepared, point.get()) != 1) continue;
      ControlReport report;
      report.kind = ControlReportKind::Baseline;
      report.category = category;
      report.date = date;
      report.document = baseline.source;
      report.name = place.display_name();
      report.point = {place.lat, place.lon};
      report.settlement = place.id;
      inputs.reports.push_back(std::move(report));
      ++inputs.baseline_rows;
    }
    GEOSPreparedGeom_destroy_r(h, prepared);
  }
}

}  // namespace conflictmap
