#include "io/event_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <filesystem>
#include <memory>
#include <thread>

#include "core/parallel.hpp"
#include "io/delimited_table.hpp"
#include "io/field_values.hpp"
#include "io/gdal_drivers.hpp"
#include "io/input_error.hpp"
#include "io/wgs84_transform.hpp"
#include "io/ogr_field_text.hpp"

namespace conflictmap {

namespace {


bool is_csv(const std::string& source) {
  auto ext = std::filesystem::path(source).extension().string();
  for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
}

// Column indexes by name, looked up once per source rather than once per row. Rows ask for their fields in
// the same order every time, so a cursor finds each name at the next slot without a search.
template <typename Lookup>
class IndexCache {
 public:
  explicit IndexCache(Lookup lookup) : lookup_(std::move(lookup)) {}
  int operator()(const char* name) const {
    if (cursor_ < cache_.size() && cache_[cursor_].first == name) return cache_[cursor_++].second;
    for (std::size_t i = 0; i < cache_.size(); ++i) {
      if (cache_[i].first == name) {  // keyed by the literal's address
        cursor_ = i + 1;
        return cache_[i].second;
      }
    }
    cache_.emplace_back(name, lookup_(name));
    cursor_ = cache_.size();
    return cache_.back().second;
  }

 private:
  Lookup lookup_;
  mutable std::vector<std::pair<const char*, int>> cache_;
  mutable std::size_t cursor_ = 0;
};

// One row's fields by name, from an OGR feature or a CSV record, with the checks that name file, line, field.
class FeatureFields {
 public:
  using Getter = std::function<std::string(const char*)>;
  FeatureFields(Getter get, const std::string& source, long line) : get_(std::move(get)), source_(source), line_(line) {}

  std::string text(const char* name) const { return get_(name); }
  std::optional<long> integer(const char* name) const {
    const std::string value = text(name);
    const auto number = optional_number(value, source_, line_, name);
    if (number && (*number != std::floor(*number) || std::fabs(*number) > 2e9)) {
      throw InputError(source_, line_, name, "'" + value + "' is not a whole number");
    }
    return number ? std::optional<long>(long(*number)) : std::nullopt;
  }
  std::optional<double> real(const char* name) const { return optional_number(text(name), source_, line_, name); }
  const std::string& source() const { return source_; }
  long line() const { return line_; }
  [[noreturn]] void fail(const char* field, const std::string& message) const {
    throw InputError(source_, line_, field, message);
  }

 private:
  Getter get_;
  const std::string& source_;
  long line_;
};

Event to_event(const FeatureFields& row, OGRGeometry* geometry) {
  Event event;
  event.id = row.text("event_id");
  const std::string type = row.text("sub_event_type");
  if (type.empty()) row.fail("sub_event_type", "is empty");
  const auto parsed_type = parse_sub_event_type(type);
  if (!parsed_type) row.fail("sub_event_type", "'" + type + "' is not one of ACLED's sub-event types");
  event.type = *parsed_type;

  const std::string date = row.text("event_date");
  if (!date.empty()) {
    const auto parsed_date = CivilDate::parse(date.substr(0, 10));
    if (!parsed_date) row.fail("event_date", "'" + date + "' is not a date (YYYY-MM-DD)");
    event.date.date = *parsed_date;
    const long precision = row.integer("time_precision").value_or(1);
    if (precision < 1 || precision > 3) row.fail("time_precision", "must be 1, 2 or 3");
    event.date.precision = static_cast<TimePrecision>(precision);
  }
  event.date.written = row.text("date_written");
  event.actor1 = {row.text("actor1"), row.text("actor1_written")};
  event.actor2 = {row.text("actor2"), row.text("actor2_written")};
  event.place.place_id = row.text("place_id");
  event.place.name = row.text("location");
  event.place.written = row.text("location_written");

  std::optional<double> lat = row.real("latitude"), lon = row.real("longitude");
  if (lat.has_value() != lon.has_value()) row.fail(lat ? "longitude" : "latitude", "is empty while its pair is set");
  if (!lat && geometry && !geometry->IsEmpty() && wkbFlatten(geometry->getGeometryType()) == wkbPoint) {
    auto* point = geometry->toPoint();
    lat = point->getY();
    lon = point->getX();
  }
  if (lat) {
    require_coordinates(*lat, *lon, row.source(), row.line());
    event.place.point = {*lat, *lon};
    const long precision = row.integer("geo_precision").value_or(1);
    if (precision < 1 || precision > 3) row.fail("geo_precision", "must be 1, 2 or 3");
    event.place.precision = int(precision);
  }
  if (auto count = row.integer("strike_count")) {
    if (*count < 0) row.fail("strike_count", "is negative");
    event.count = int(*count);
  }
  if (auto fatalities = row.integer("fatalities")) {
    if (*fatalities < 0) row.fail("fatalities", "is negative");
    event.fatalities = int(*fatalities);
  }
  event.new_controller = row.text("new_controller");
  event.provenance.document = row.text("source_document");
  event.provenance.sentence = row.text("notes");
  event.provenance.line = row.integer("source_line").value_or(0);
  event.provenance.span_begin = std::size_t(row.integer("span_start").value_or(0));
  event.provenance.span_end = std::size_t(row.integer("span_end").value_or(0));
  return event;
}

}  // namespace

std::vector<Event> read_events(const std::string& source, const EventReadOptions& options) {
  if (is_csv(source)) {
    // Our own strict CSV reader: it is several times faster than OGR's and reports quoting and UTF-8 errors by line.
    const DelimitedTable table = read_delimited_file(source, ',');
    if (!table.find_column("sub_event_type")) {
      throw InputError(source, 1, "sub_event_type", "is missing: events need ACLED's sub_event_type column");
    }
    // Rows become events on every core: each worker converts one contiguous run of rows and stops at its
    // first bad row, so the error reported is the earliest in the file, as a single pass would report it.
    std::vector<Event> events(table.records.size());
    const unsigned workers = unsigned(std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1,
                                                              std::max<std::size_t>(1, table.records.size() / 5000)));
    run_on_threads(workers, [&](unsigned worker) {
      const IndexCache columns([&](const char* name) {
        const auto found = std::find(table.header.begin(), table.header.end(), name);
        return found == table.header.end() ? -1 : int(found - table.header.begin());
      });
      const std::size_t begin = table.records.size() * worker / workers;
      const std::size_t end = table.records.size() * (worker + 1) / workers;
      for (std::size_t r = begin; r < end; ++r) {
        const TableRecord& record = table.records[r];
        auto get = [&](const char* name) {
          const int index = columns(name);
          return index < 0 ? std::string() : record.fields[std::size_t(index)];
        };
        events[r] = to_event(FeatureFields(get, source, record.line), nullptr);
        if (events[r].id.empty()) events[r].id = std::to_string(r + 1);
      }
    });
    return events;
  }
  register_gdal_drivers();
  if (source.find(':') == std::string::npos && !std::filesystem::exists(source)) {
    throw InputError(source, 0, "", "no such file");
  }
  GDALDatasetUniquePtr dataset(static_cast<GDALDataset*>(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!dataset) throw InputError(source, 0, "", std::string("cannot open as a vector source: ") + CPLGetLastErrorMsg());
  OGRLayer* layer = options.layer.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(options.layer.c_str());
  if (!layer) throw InputError(source, 0, "", options.layer.empty() ? "has no layer" : "has no layer '" + options.layer + "'");
  if (layer->GetLayerDefn()->GetFieldIndex("sub_event_type") < 0) {
    throw InputError(source, 0, "sub_event_type", "is missing: events need ACLED's sub_event_type column");
  }
  // Points in another CRS come back to WGS84 longitude/latitude.
  const std::unique_ptr<OGRCoordinateTransformation> to_wgs84 = transform_to_wgs84(layer->GetSpatialRef());
  std::vector<Event> events;
  long number = 0;
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  const IndexCache indexes([definition](const char* name) { return definition->GetFieldIndex(name); });
  layer->ResetReading();
  for (auto& feature : *layer) {
    ++number;
    const long line = number;  // the feature's number: an OGR source has no lines
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry && to_wgs84) geometry->transform(to_wgs84.get());
    OGRFeature& row = *feature;
    events.push_back(to_event(FeatureFields([&](const char* name) { return ogr_field_text(row, indexes(name)); }, source, line),
                              geometry));
    if (events.back().id.empty()) events.back().id = std::to_string(number);
  }
  return events;
}

}  // namespace conflictmap
