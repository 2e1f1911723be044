#pragma once
// An event as its named fields: ACLED's column names where ACLED has the field, the project's after them. Every
// writer (CSV, GeoJSON, GeoPackage, the Python module's dicts) lays an event out through this one table, so the
// formats carry the same fields with the same values. No I/O here.
#include <string>
#include <variant>
#include <vector>

#include "core/event.hpp"

namespace conflictmap {

enum class EventFieldKind { Text, Integer, Real };

struct EventField {
  const char* name;
  EventFieldKind kind;
};

// The fields, in their order.
const std::vector<EventField>& event_fields();

// A field's value; std::monostate where the event has none (an undated event's date, a count not stated).
using EventFieldValue = std::variant<std::monostate, std::string, long long, double>;

// The event's values, one per field of event_fields(), in that order. Coordinates are rounded to 7 decimals
// (about 1 cm), as every output writes them.
std::vector<EventFieldValue> event_field_values(const Event& event);

// A coordinate rounded as the outputs write it.
double rounded_coordinate(double degrees);

}  // namespace conflictmap
