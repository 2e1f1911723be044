#pragma once
// Events to files through GDAL/OGR: GeoJSON (RFC 7946, WGS84, 7 decimals), GeoJSON Lines (one feature per
// line, for streaming), CSV with ACLED-style columns plus provenance, or GeoPackage; the format follows the
// extension. Every format carries the same fields. Files appear whole or not at all.
#include <gdal_priv.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/event.hpp"

namespace conflictmap {

enum class EventFormat { GeoJSON, GeoJSONSeq, CSV, GeoPackage };

// From the extension (.geojson/.json, .geojsonl, .csv, .gpkg); throws std::runtime_error naming the path otherwise.
EventFormat event_format_of(const std::filesystem::path& path);
// The field names, in order.
const std::vector<std::string>& event_field_names();

// Events written batch by batch, for runs that never hold them all: a temporary file beside `path` that
// commit() puts in place; destroyed uncommitted (an error, an interruption), it leaves nothing.
class EventFileWriter {
 public:
  explicit EventFileWriter(std::filesystem::path path);
  ~EventFileWriter();
  EventFileWriter(const EventFileWriter&) = delete;
  EventFileWriter& operator=(const EventFileWriter&) = delete;
  void add(const std::vector<Event>& events);
  void commit();
  std::size_t written() const { return written_; }

 private:
  std::filesystem::path path_, temporary_;
  EventFormat format_;
  std::unique_ptr<GDALDataset> dataset_;
  OGRLayer* layer_ = nullptr;
  std::size_t written_ = 0;
  bool committed_ = false;
};

void write_events(const std::vector<Event>& events, const std::filesystem::path& path);

// The same, after a side file (extract's --unresolved, ingest's --rejected) was written: when the events cannot
// be written, the side file goes too, so that a failed run leaves nothing behind.
void write_events_with_side_file(const std::vector<Event>& events, const std::filesystem::path& path,
                                 const std::filesystem::path& side_file);

}  // namespace conflictmap
