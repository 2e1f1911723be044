#pragma once
// Events back from any file `extract` or `ingest` wrote (GeoJSON, CSV, GeoPackage), or from any OGR source
// with the same field names (a PostGIS table, say). Later stages read their input through this.
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/event_batches.hpp"

namespace conflictmap {

struct EventReadOptions {
  std::string layer;  // empty: the first layer
};

// A source that cannot be opened, lacks a needed field, or holds a malformed value is an InputError naming
// the source, the line (CSV) or feature number, and the field.
std::vector<Event> read_events(const std::string& source, const EventReadOptions& options = {});
// Events from CSV text already in memory (a DataFrame written as CSV), checked as a CSV file is; errors name
// `name` with the line and field.
std::vector<Event> read_csv_event_text(const std::string& name, const std::string& text);
// The same events in the batches they were read in (a large CSV's two halves), joined by nobody.
EventBatches read_event_batches(const std::string& source, const EventReadOptions& options = {});

}  // namespace conflictmap
