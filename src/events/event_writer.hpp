#pragma once
// Events to files through GDAL/OGR: GeoJSON (RFC 7946, WGS84, 7 decimals), CSV with ACLED-style columns
// plus provenance, or GeoPackage; the format follows the extension. Every format carries the same fields.
// Files appear whole or not at all.
#include <filesystem>
#include <string>
#include <vector>

#include "core/event.hpp"

namespace conflictmap {

enum class EventFormat { GeoJSON, CSV, GeoPackage };

// From the extension (.geojson/.json, .csv, .gpkg); throws std::runtime_error naming the path otherwise.
EventFormat event_format_of(const std::filesystem::path& path);
// The field names, in order.
const std::vector<std::string>& event_field_names();
void write_events(const std::vector<Event>& events, const std::filesystem::path& path);

// The same, after a side file (extract's --unresolved, ingest's --rejected) was written: when the events cannot
// be written, the side file goes too, so that a failed run leaves nothing behind.
void write_events_with_side_file(const std::vector<Event>& events, const std::filesystem::path& path,
                                 const std::filesystem::path& side_file);

}  // namespace conflictmap
