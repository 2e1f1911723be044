#include "events/event_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <limits>
#include <cmath>
#include <iterator>
#include <filesystem>
#include <memory>

#include "io/delimited_table.hpp"
#include "io/field_values.hpp"
#include "io/gdal_drivers.hpp"
#include "io/gdal_errors.hpp"
#include "io/input_error.hpp"
#include "io/ogr_field_text.hpp"
#include "io/wgs84_transform.hpp"

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
// `get(name)` gives a view that stays valid until its next call: every value is copied or parsed at once.
template <typename Getter>
class FeatureFields {
 public:
  FeatureFields(Getter get, const std::string& source, long line) : get_(std::move(get)), source_(source), line_(line) {}

  std::string_view text(const char* name) const { return get_(name); }
  std::optional<long> integer(const char* name) const {
    const std::string_view value = text(name);
    const auto number = optional_number(value, source_, line_, name);
    if (number && (*number != std::floor(*number) || std::fabs(*number) > 2e9)) {
      throw InputError(source_, line_, name, "'" + std::string(value) + "' is not a whole number");
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

template <typename Getter>
Event to_event(const FeatureFields<Getter>& row, OGRGeometry* geometry) {
  Event event;
  event.id = row.text("event_id");
  {
    const std::string_view type = row.text("sub_event_type");
    if (type.empty()) row.fail("sub_event_type", "is empty");
    const auto parsed_type = parse_sub_event_type(type);
    if (!parsed_type) row.fail("sub_event_type", "'" + std::string(type) + "' is not one of ACLED's sub-event types");
    event.type = *parsed_type;
  }
  const std::string_view date = row.text("event_date");
  if (!date.empty()) {
    const auto parsed_date = CivilDate::parse(date.substr(0, 10));
    if (!parsed_date) row.fail("event_date", "'" + std::string(date) + "' is not a date (YYYY-MM-DD)");
    event.date.date = *parsed_date;
    const long precision = row.integer("time_precision").value_or(1);
    if (precision < 1 || precision > 3) row.fail("time_precision", "must be 1, 2 or 3");
    event.date.precision = static_cast<TimePrecision>(precision);
  }
  event.date.written = row.text("date_written");
  event.actor1.canonical = row.text("actor1");
  event.actor1.written = row.text("actor1_written");
  event.actor2.canonical = row.text("actor2");
  event.actor2.written = row.text("actor2_written");
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
    if (*count < 0 || *count > std::numeric_limits<int>::max()) row.fail("strike_count", "is not a count");
    event.count = int(*count);
  }
  if (auto fatalities = row.integer("fatalities")) {
    if (*fatalities < 0 || *fatalities > std::numeric_limits<int>::max()) row.fail("fatalities", "is not a count");
    event.fatalities = int(*fatalities);
  }
  event.new_controller = row.text("new_controller");
  event.provenance.document = row.text("source_document");
  event.provenance.sentence = row.text("notes");
  event.provenance.line = row.integer("source_line").value_or(0);
  if (event.provenance.document.empty()) {
    // a table of its own (ACLED's, UCDP's): the row itself is where the event was read
    event.provenance.document = row.source();
    event.provenance.line = row.line();
  }
  event.provenance.span_begin = std::size_t(row.integer("span_start").value_or(0));
  event.provenance.span_end = std::size_t(row.integer("span_end").value_or(0));
  return event;
}

// Our own strict CSV reader: several times faster than OGR's, and it reports quoting and UTF-8 errors by line.
// Records become events straight from views of the file's text, in parts on every core when the file is large
// (read_parts: the error reported is always the earliest in the file, with its line).
EventBatches read_csv_events(const std::string& source, const std::string& content) {
  const std::string_view text = checked_table_text(content, source);
  // The header is the first record that is not a blank line; the records after it may be read in parts.
  std::vector<std::string> header;
  std::size_t header_end = 0;
  long first_record_line = 1;
  while (header.empty() && header_end < text.size()) {
    const std::string_view rest = text.substr(header_end);
    const std::size_t end = end_of_first_record(rest, true);
    first_record_line = scan_records(rest.substr(0, end), source, ',', true, first_record_line,
                                     [&](long, RecordFields fields) { header.assign(fields.begin(), fields.end()); });
    header_end += end;
  }
  if (std::find(header.begin(), header.end(), "sub_event_type") == header.end()) {
    throw InputError(source, 1, "sub_event_type", "is missing: events need ACLED's sub_event_type column");
  }
  const std::string_view records = text.substr(header_end);
  // Rows without an id are numbered by their place in the file once every part is read; they are noted as
  // they come, so that no second walk over the events is needed.
  auto convert = [&](std::string_view part, long first_line, std::vector<Event>& events,
                     std::vector<std::size_t>& unnamed) {
    const IndexCache columns([&](const char* name) {
      const auto found = std::find(header.begin(), header.end(), name);
      return found == header.end() ? -1 : int(found - header.begin());
    });
    scan_records(part, source, ',', true, first_line, [&](long line, RecordFields fields) {
      if (fields.size() != header.size()) {
        throw InputError(source, line, "", "has " + std::to_string(fields.size()) + " fields but the header has " +
                                               std::to_string(header.size()));
      }
      auto get = [&](const char* name) -> std::string_view {
        const int index = columns(name);
        return index < 0 ? std::string_view() : fields[std::size_t(index)];
      };
      events.push_back(to_event(FeatureFields(get, source, line), nullptr));
      if (events.back().id.empty()) unnamed.push_back(events.size() - 1);
    });
  };
  // Parts of about half a megabyte, taken by whichever core is free (the gazetteer loads on one of them
  // meanwhile), each converted in place into a vector reserved up front and kept as its own batch.
  const std::vector<std::string_view> parts = record_parts(records, 1 << 19, true);
  const std::vector<long> part_lines = part_first_lines(parts, first_record_line);  // so that events name their row
  std::vector<std::vector<Event>> converted(parts.size());
  std::vector<std::vector<std::size_t>> unnamed(parts.size());
  read_parts(
      parts.size(),
      [&](std::size_t k) {
        converted[k].reserve(std::size_t(part_lines[k + 1] - part_lines[k]) + 1);
        convert(parts[k], part_lines[k], converted[k], unnamed[k]);
      },
      [&] {
        std::vector<Event> all;
        std::vector<std::size_t> none;
        convert(records, first_record_line, all, none);
      });
  // rows without an id take their number in the file
  EventBatches batches;
  std::size_t before = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    for (std::size_t r : unnamed[k]) converted[k][r].id = std::to_string(before + r + 1);
    before += converted[k].size();
    batches.add(std::move(converted[k]));
  }
  return batches;
}

}  // namespace

std::vector<Event> read_csv_event_text(const std::string& name, const std::string& text) {
  return read_csv_events(name, text).joined();
}

std::vector<Event> read_events(const std::string& source, const EventReadOptions& options) {
  return read_event_batches(source, options).joined();
}

EventBatches read_event_batches(const std::string& source, const EventReadOptions& options) {
  if (is_csv(source)) return read_csv_events(source, read_text_file(source));
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
  const GdalFailures failures;  // a damaged record is refused, never skipped in silence
  for (auto& feature : *layer) {
    if (failures.first()) break;
    ++number;
    const long line = number;  // the feature's number: an OGR source has no lines
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry && to_wgs84) geometry->transform(to_wgs84.get());
    OGRFeature& row = *feature;
    std::string scratch;
    auto get = [&](const char* name) -> std::string_view {
      scratch = ogr_field_text(row, indexes(name));
      return scratch;
    };
    events.push_back(to_event(FeatureFields(get, source, line), geometry));
    if (events.back().id.empty()) events.back().id = std::to_string(number);
  }
  if (failures.first()) {
    throw InputError(source, number + 1, "", "cannot read the feature after the " + std::to_string(number) +
                                                " read whole: " + *failures.first());
  }
  EventBatches batches;
  batches.add(std::move(events));
  return batches;
}

}  // namespace conflictmap
