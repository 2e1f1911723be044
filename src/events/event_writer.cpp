#include "events/event_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

#include "events/event_fields.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_drivers.hpp"
#include "io/interrupt_cleanup.hpp"

namespace conflictmap {

namespace {

OGRFieldType ogr_type_of(EventFieldKind kind) {
  switch (kind) {
    case EventFieldKind::Integer: return OFTInteger;
    case EventFieldKind::Real: return OFTReal;
    case EventFieldKind::Text: break;
  }
  return OFTString;
}

std::string extension_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

}  // namespace

EventFormat event_format_of(const std::filesystem::path& path) {
  const auto ext = extension_of(path);
  if (ext == ".geojson" || ext == ".json") return EventFormat::GeoJSON;
  if (ext == ".geojsonl" || ext == ".geojsons") return EventFormat::GeoJSONSeq;
  if (ext == ".csv") return EventFormat::CSV;
  if (ext == ".gpkg") return EventFormat::GeoPackage;
  throw std::runtime_error("cannot write " + path.string() + ": the extension must be .geojson, .geojsonl, .csv or .gpkg");
}

const std::vector<std::string>& event_field_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& f : event_fields()) out.emplace_back(f.name);
    return out;
  }();
  return names;
}

namespace {

const char* driver_name_of(EventFormat format) {
  switch (format) {
    case EventFormat::GeoJSON: return "GeoJSON";
    case EventFormat::GeoJSONSeq: return "GeoJSONSeq";
    case EventFormat::CSV: return "CSV";
    case EventFormat::GeoPackage: return "GPKG";
  }
  return "";
}

}  // namespace

EventFileWriter::EventFileWriter(std::filesystem::path path) : path_(std::move(path)), format_(event_format_of(path_)) {
  register_gdal_drivers();
  const char* driver_name = driver_name_of(format_);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
  if (!driver) throw std::runtime_error(std::string("GDAL has no ") + driver_name + " driver");
  // the temporary keeps the extension: some drivers go by it
  temporary_ = temporary_path_for(path_);
  temporary_ += path_.extension();
  std::filesystem::remove(temporary_);
  register_temporary(temporary_);
  // GeoPackage stamps the current time into its tables unless told a fixed one: outputs stay byte-identical
  CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  dataset_.reset(driver->Create(temporary_.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!dataset_) throw std::runtime_error("cannot write " + path_.string() + ": " + CPLGetLastErrorMsg());
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  char** layer_options = nullptr;
  if (format_ == EventFormat::GeoJSON) {
    layer_options = CSLSetNameValue(layer_options, "RFC7946", "YES");
    layer_options = CSLSetNameValue(layer_options, "WRITE_NAME", "NO");
  }
  if (format_ == EventFormat::GeoJSON || format_ == EventFormat::GeoJSONSeq) {
    layer_options = CSLSetNameValue(layer_options, "COORDINATE_PRECISION", "7");
  }
  if (format_ == EventFormat::CSV) {
    layer_options = CSLSetNameValue(layer_options, "LINEFORMAT", "LF");
    layer_options = CSLSetNameValue(layer_options, "STRING_QUOTING", "IF_NEEDED");
  }
  const bool table = format_ == EventFormat::CSV;
  layer_ = dataset_->CreateLayer("events", table ? nullptr : &wgs84, table ? wkbNone : wkbPoint, layer_options);
  CSLDestroy(layer_options);
  if (!layer_) throw std::runtime_error("cannot write " + path_.string() + ": " + CPLGetLastErrorMsg());
  for (const auto& f : event_fields()) {
    OGRFieldDefn definition(f.name, ogr_type_of(f.kind));
    if (layer_->CreateField(&definition) != OGRERR_NONE) throw std::runtime_error("cannot create field " + std::string(f.name));
  }
}

EventFileWriter::~EventFileWriter() {
  layer_ = nullptr;
  dataset_.reset();
  CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", nullptr);
  if (!committed_) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
    forget_temporary(temporary_);
  }
}

void EventFileWriter::add(const std::vector<Event>& events) {
  // the fixed date is a thread's setting, and batches may come from another thread than the one that created us
  CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  // one transaction per batch: a GeoPackage would otherwise commit every feature on its own
  const bool transaction = dataset_->StartTransaction() == OGRERR_NONE;
  const bool table = format_ == EventFormat::CSV;
  for (const auto& e : events) {
    OGRFeature feature(layer_->GetLayerDefn());
    const auto values = event_field_values(e);
    for (std::size_t i = 0; i < values.size(); ++i) {
      const int field = static_cast<int>(i);  // created in event_fields() order
      if (const auto* text = std::get_if<std::string>(&values[i])) feature.SetField(field, text->c_str());
      if (const auto* integer = std::get_if<long long>(&values[i])) feature.SetField(field, static_cast<int>(*integer));
      if (const auto* real = std::get_if<double>(&values[i])) feature.SetField(field, *real);
    }
    if (!table && e.place.has_point()) {
      OGRPoint point(rounded_coordinate(e.place.point.lon), rounded_coordinate(e.place.point.lat));
      feature.SetGeometry(&point);
    }
    if (layer_->CreateFeature(&feature) != OGRERR_NONE) {
      throw std::runtime_error("cannot write " + path_.string() + ": " + CPLGetLastErrorMsg());
    }
  }
  if (transaction && dataset_->CommitTransaction() != OGRERR_NONE) {
    throw std::runtime_error("cannot write " + path_.string() + ": " + CPLGetLastErrorMsg());
  }
  written_ += events.size();
}

void EventFileWriter::commit() {
  layer_ = nullptr;
  // closing may stamp the time too, and this may be another thread than the one that created us
  CPLSetThreadLocalConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  dataset_.reset();  // flushes and closes
  commit_temporary(temporary_, path_);
  committed_ = true;
}

void write_events(const std::vector<Event>& events, const std::filesystem::path& path) {
  EventFileWriter writer(path);
  writer.add(events);
  writer.commit();
}

void write_events_with_side_file(const std::vector<Event>& events, const std::filesystem::path& path,
                                 const std::filesystem::path& side_file) {
  try {
    write_events(events, path);
  } catch (...) {
    if (!side_file.empty()) {
      std::error_code ignored;
      std::filesystem::remove(side_file, ignored);
    }
    throw;
  }
}

}  // namespace conflictmap
