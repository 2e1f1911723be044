#include "events/event_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "io/gdal_drivers.hpp"
#include "io/interrupt_cleanup.hpp"

namespace conflictmap {

namespace {

struct Field {
  const char* name;
  OGRFieldType type;
};

// ACLED's column names where ACLED has the field; ours after them.
const std::vector<Field>& fields() {
  static const std::vector<Field> f = {
      {"event_id", OFTString},       {"event_date", OFTString},      {"time_precision", OFTInteger},
      {"event_type", OFTString},     {"sub_event_type", OFTString},  {"actor1", OFTString},
      {"actor2", OFTString},         {"location", OFTString},        {"latitude", OFTReal},
      {"longitude", OFTReal},        {"geo_precision", OFTInteger},  {"fatalities", OFTInteger},
      {"notes", OFTString},          {"actor1_written", OFTString},  {"actor2_written", OFTString},
      {"place_id", OFTString},       {"location_written", OFTString}, {"strike_count", OFTInteger},
      {"new_controller", OFTString}, {"date_written", OFTString},    {"source_document", OFTString},
      {"span_start", OFTInteger},    {"span_end", OFTInteger},       {"source_line", OFTInteger},
  };
  return f;
}

std::string extension_of(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

double rounded(double value) { return std::round(value * 1e7) / 1e7; }

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
    for (const auto& f : fields()) out.emplace_back(f.name);
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
  for (const auto& f : fields()) {
    OGRFieldDefn definition(f.name, f.type);
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
  // one transaction per batch: a GeoPackage would otherwise commit every feature on its own
  const bool transaction = dataset_->StartTransaction() == OGRERR_NONE;
  const bool table = format_ == EventFormat::CSV;
  for (const auto& e : events) {
    OGRFeature feature(layer_->GetLayerDefn());
    auto set_text = [&](const char* name, const std::string& value) {
      if (!value.empty()) feature.SetField(name, value.c_str());
    };
    set_text("event_id", e.id);
    if (e.date.precision != TimePrecision::Undated) {
      set_text("event_date", e.date.date.iso());
      feature.SetField("time_precision", static_cast<int>(e.date.precision));
    }
    set_text("event_type", std::string(event_type_name(e.type)));
    set_text("sub_event_type", std::string(sub_event_type_name(e.type)));
    set_text("actor1", e.actor1.canonical);
    set_text("actor2", e.actor2.canonical);
    set_text("location", e.place.name);
    if (e.place.has_point()) {
      feature.SetField("latitude", rounded(e.place.point.lat));
      feature.SetField("longitude", rounded(e.place.point.lon));
      feature.SetField("geo_precision", e.place.precision);
      if (!table) {
        OGRPoint point(rounded(e.place.point.lon), rounded(e.place.point.lat));
        feature.SetGeometry(&point);
      }
    }
    if (e.fatalities) feature.SetField("fatalities", *e.fatalities);
    set_text("notes", e.provenance.sentence);
    set_text("actor1_written", e.actor1.written);
    set_text("actor2_written", e.actor2.written);
    set_text("place_id", e.place.place_id);
    set_text("location_written", e.place.written);
    if (e.count) feature.SetField("strike_count", *e.count);
    set_text("new_controller", e.new_controller);
    set_text("date_written", e.date.written);
    set_text("source_document", e.provenance.document);
    if (e.provenance.line > 0) {
      feature.SetField("source_line", static_cast<int>(e.provenance.line));
    } else {
      feature.SetField("span_start", static_cast<int>(e.provenance.span_begin));
      feature.SetField("span_end", static_cast<int>(e.provenance.span_end));
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
