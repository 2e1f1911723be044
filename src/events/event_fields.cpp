#include "events/event_fields.hpp"

#include <cmath>

namespace conflictmap {

const std::vector<EventField>& event_fields() {
  using enum EventFieldKind;
  static const std::vector<EventField> fields = {
      {"event_id", Text},        {"event_date", Text},        {"time_precision", Integer},
      {"event_type", Text},      {"sub_event_type", Text},    {"actor1", Text},
      {"actor2", Text},          {"location", Text},          {"latitude", Real},
      {"longitude", Real},       {"geo_precision", Integer},  {"fatalities", Integer},
      {"notes", Text},           {"actor1_written", Text},    {"actor2_written", Text},
      {"place_id", Text},        {"location_written", Text},  {"strike_count", Integer},
      {"new_controller", Text},  {"date_written", Text},      {"source_document", Text},
      {"span_start", Integer},   {"span_end", Integer},       {"source_line", Integer},
  };
  return fields;
}

double rounded_coordinate(double degrees) { return std::round(degrees * 1e7) / 1e7; }

std::vector<EventFieldValue> event_field_values(const Event& e) {
  auto text = [](const std::string& value) -> EventFieldValue {
    if (value.empty()) return std::monostate{};
    return value;
  };
  const bool dated = e.date.precision != TimePrecision::Undated;
  const bool placed = e.place.has_point();
  const bool table_row = e.provenance.line > 0;
  auto integer = [](bool present, long long value) -> EventFieldValue {
    if (!present) return std::monostate{};
    return value;
  };
  auto real = [](bool present, double value) -> EventFieldValue {
    if (!present) return std::monostate{};
    return value;
  };
  return {
      text(e.id),
      dated ? EventFieldValue(e.date.date.iso()) : EventFieldValue(),
      integer(dated, static_cast<long long>(e.date.precision)),
      EventFieldValue(std::string(event_type_name(e.type))),
      EventFieldValue(std::string(sub_event_type_name(e.type))),
      text(e.actor1.canonical),
      text(e.actor2.canonical),
      text(e.place.name),
      real(placed, rounded_coordinate(e.place.point.lat)),
      real(placed, rounded_coordinate(e.place.point.lon)),
      integer(placed, e.place.precision),
      integer(e.fatalities.has_value(), e.fatalities.value_or(0)),
      text(e.provenance.sentence),
      text(e.actor1.written),
      text(e.actor2.written),
      text(e.place.place_id),
      text(e.place.written),
      integer(e.count.has_value(), e.count.value_or(0)),
      text(e.new_controller),
      text(e.date.written),
      text(e.provenance.document),
      integer(!table_row, static_cast<long long>(e.provenance.span_begin)),
      integer(!table_row, static_cast<long long>(e.provenance.span_end)),
      integer(table_row, e.provenance.line),
  };
}

}  // namespace conflictmap
