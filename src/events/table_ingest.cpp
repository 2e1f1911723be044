#include "events/table_ingest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <memory>

#include "core/batch_pipeline.hpp"
#include "core/parallel.hpp"
#include "core/script.hpp"
#include "events/table_rows.hpp"
#include "io/field_values.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

const std::vector<std::string> kFields = {"event_id", "event_date", "event_type", "sub_event_type", "actor1",
                                          "actor2",   "admin1",     "admin2",     "admin3",         "location",
                                          "latitude", "longitude",  "geo_precision", "fatalities",  "notes",
                                          "time_precision"};

// ISO dates (with or without a time, as UCDP writes them) and ACLED's "07 October 2015"
std::optional<CivilDate> parse_table_date(const std::string& raw) {
  std::string text = raw;
  // OGR gives a date field as "2015/10/07"
  if (text.size() >= 10 && text[4] == '/' && text[7] == '/') text[4] = text[7] = '-';
  if (text.size() >= 10) {
    if (auto iso = CivilDate::parse(std::string_view(text).substr(0, 10))) {
      if (text.size() == 10 || text[10] == ' ' || text[10] == 'T') return iso;
    }
  }
  static const char* kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                  "july",    "august",   "september", "october", "november", "december"};
  int day = 0, year = 0;
  char month_name[16] = {};
  if (std::sscanf(text.c_str(), "%d %15s %d", &day, month_name, &year) == 3 ||
      std::sscanf(text.c_str(), "%d-%15[A-Za-z]-%d", &day, month_name, &year) == 3) {
    std::string lower(month_name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    for (int m = 0; m < 12; ++m) {
      if (lower == kMonths[m] || (lower.size() == 3 && std::string_view(kMonths[m]).substr(0, 3) == lower)) {
        return CivilDate::parse(fmt::format("{:04d}-{:02d}-{:02d}", year, m + 1, day));
      }
    }
  }
  return std::nullopt;
}

std::optional<SubEventType> type_from_event_type(const std::string& event_type) {
  if (event_type == "Battles") return SubEventType::ArmedClash;
  if (event_type == "Violence against civilians") return SubEventType::ViolenceAgainstCivilians;
  if (event_type == "Strategic developments") return SubEventType::OtherDevelopment;
  return std::nullopt;
}

}  // namespace

std::optional<TableFormat> parse_table_format(std::string_view name) {
  if (name == "acled") return TableFormat::Acled;
  if (name == "ucdp-ged" || name == "ucdp") return TableFormat::UcdpGed;
  if (name == "csv") return TableFormat::Csv;
  if (name == "geojson" || name == "ogr" || name == "gpkg") return TableFormat::Vector;
  return std::nullopt;
}

const std::vector<std::string>& ingest_fields() { return kFields; }

ColumnMap column_map_for(TableFormat format, const ColumnMap& overrides) {
  ColumnMap map;
  for (const auto& f : kFields) map[f] = f;  // ACLED's names are ours
  if (format == TableFormat::Acled) map["event_id"] = "event_id_cnty";
  if (format == TableFormat::UcdpGed) {
    map = {{"event_id", "id"},          {"event_date", "date_start"},     {"event_type", "type_of_violence"},
           {"actor1", "side_a"},        {"actor2", "side_b"},             {"admin1", "adm_1"},
           {"admin2", "adm_2"},         {"location", "where_coordinates"}, {"latitude", "latitude"},
           {"longitude", "longitude"},  {"geo_precision", "where_prec"},  {"fatalities", "best"},
           {"notes", "source_headline"}};
  }
  for (const auto& [field, column] : overrides) {
    if (std::find(kFields.begin(), kFields.end(), field) == kFields.end()) {
      throw std::runtime_error("--map: '" + field + "' is not a field; the fields are event_id, event_date, "
                               "event_type, sub_event_type, actor1, actor2, admin1-3, location, latitude, longitude, "
                               "geo_precision, fatalities, notes, time_precision");
    }
    map[field] = column;
  }
  return map;
}

Actor TableIngester::canonical_actor(const std::string& written) const {
  Actor actor{written, written};
  if (written.empty()) return actor;
  const auto tokens = tokenize(written);
  if (tokens.empty()) return actor;
  if (auto m = lexicon_.match_at(tokens, 0, {"actor"}); m && m->last == tokens.size()) actor.canonical = m->phrase->canonical;
  return actor;
}

void TableIngester::ingest(const std::string& source, TableFormat format, const ColumnMap& columns, unsigned threads,
                           const IngestSink& sink, std::size_t batch_rows) const {
  const auto rows = open_table_rows(source, format == TableFormat::Vector, columns);
  const auto& header = rows->header();
  // the columns every row needs, checked before any row is read
  auto has = [&](const std::string& field) {
    const auto it = columns.find(field);
    return it != columns.end() && std::find(header.begin(), header.end(), it->second) != header.end();
  };
  auto missing = [&](const std::string& field) {
    std::string all;
    for (const auto& h : header) all += (all.empty() ? "" : ", ") + h;
    return InputError(source, 1, columns.count(field) ? columns.at(field) : field,
                      "no such column (needed for " + field + "; the header has: " + all + ")");
  };
  if (!has("event_date")) throw missing("event_date");
  if (!has("event_type") && !has("sub_event_type")) throw missing("sub_event_type");
  const bool coordinates = has("latitude") && has("longitude");
  if (!coordinates && !has("location") && format != TableFormat::Vector) throw missing("latitude");

  // The rows of one batch are converted on every thread (placing rows without coordinates is the costly part)
  // while the next batch is read and the last one handed on (see batch_pipeline); batches reach the sink in
  // input order.
  run_batch_pipeline(
      [&rows, batch_rows]() -> std::optional<std::vector<TableRow>> {
        std::vector<TableRow> batch;
        batch.reserve(std::max<std::size_t>(batch_rows, 1));
        TableRow row;
        while (batch.size() < std::max<std::size_t>(batch_rows, 1) && rows->next(row)) batch.push_back(std::move(row));
        if (batch.empty()) return std::nullopt;
        return batch;
      },
      [&](std::vector<TableRow>& batch) {
        std::vector<std::optional<Event>> converted(batch.size());
        std::vector<std::vector<RejectedRow>> refused(batch.size());
        run_ranges_on_threads(batch.size(), 256, std::max(1u, threads), [&](std::size_t begin, std::size_t end) {
          for (std::size_t i = begin; i < end; ++i) {
            if (!batch[i].error.empty()) {
              refused[i].push_back({source, batch[i].line, batch[i].error_field, batch[i].error});
            } else {
              converted[i] = to_event(batch[i], format, source, refused[i]);
            }
          }
        });
        IngestBatch out;
        out.rows = batch.size();
        for (std::size_t i = 0; i < batch.size(); ++i) {
          if (converted[i]) out.events.push_back(std::move(*converted[i]));
          for (auto& r : refused[i]) out.rejected.push_back(std::move(r));
        }
        return out;
      },
      [&sink](IngestBatch& out) { sink(out); },
      // one thread asked for: reading and handing on take their turns instead of running on other cores
      threads > 1);
}

IngestResult TableIngester::ingest(const std::string& source, TableFormat format, const ColumnMap& columns) const {
  IngestResult result;
  ingest(source, format, columns, 1, [&](IngestBatch& batch) {
    std::move(batch.events.begin(), batch.events.end(), std::back_inserter(result.events));
    std::move(batch.rejected.begin(), batch.rejected.end(), std::back_inserter(result.rejected));
  });
  return result;
}

std::optional<Event> TableIngester::to_event(const TableRow& row, TableFormat format, const std::string& source,
                                             std::vector<RejectedRow>& rejected) const {
  auto value = [&](const char* field) {
    const auto it = row.values.find(field);
    return it == row.values.end() ? std::string() : it->second;
  };
  auto reject = [&](const char* field, std::string reason) {
    rejected.push_back({source, row.line, field, std::move(reason)});
    return std::nullopt;
  };
  // a vector source may hold bytes of another encoding that a CSV reader would refuse: the row is refused,
  // so that every output reads back
  for (const auto& [field, text] : row.values) {
    if (!is_valid_utf8(text)) return reject(field.c_str(), "not valid UTF-8 text (convert the source with iconv or ogr2ogr)");
  }
  Event e;
  e.id = value("event_id");
  if (e.id.empty()) e.id = fmt::format("{}-{}", std::filesystem::path(source).stem().string(), row.line);
  const auto date = parse_table_date(value("event_date"));
  if (!date) return reject("event_date", "'" + value("event_date") + "' is not a date");
  e.date.date = *date;
  e.date.precision = TimePrecision::Day;
  if (const auto p = value("time_precision"); p == "2" || p == "3") e.date.precision = static_cast<TimePrecision>(p[0] - '0');

  std::optional<SubEventType> type;
  if (format == TableFormat::UcdpGed) {
    const auto violence = value("event_type");
    if (violence == "1" || violence == "2") type = SubEventType::ArmedClash;
    if (violence == "3") type = SubEventType::ViolenceAgainstCivilians;
    if (!type) return reject("type_of_violence", "'" + violence + "' is not 1, 2 or 3");
  } else {
    type = parse_sub_event_type(value("sub_event_type"));
    if (!type) type = type_from_event_type(value("event_type"));
    if (!type) {
      return reject("sub_event_type", "'" + value("sub_event_type") + "' / '" + value("event_type") +
                                          "' is not an event type of ACLED's conflict taxonomy");
    }
  }
  e.type = *type;
  e.actor1 = canonical_actor(value("actor1"));
  e.actor2 = canonical_actor(value("actor2"));
  if (is_territorial(e.type)) e.new_controller = e.actor1.canonical;

  e.place.name = value("location");
  e.place.written = value("location");
  const std::string lat_text = value("latitude"), lon_text = value("longitude");
  if (!lat_text.empty() || !lon_text.empty()) {
    const auto lat = parse_number(lat_text), lon = parse_number(lon_text);
    if (!lat || *lat < -90 || *lat > 90) return reject("latitude", "'" + lat_text + "' is not a latitude");
    if (!lon || *lon < -180 || *lon > 180) return reject("longitude", "'" + lon_text + "' is not a longitude");
    e.place.point = {*lat, *lon};
    e.place.precision = 1;
  } else if (row.geometry) {
    // a vector source's point is checked as a table's coordinates are: -2147483649 is no longitude
    if (!std::isfinite(row.geometry->lat) || row.geometry->lat < -90 || row.geometry->lat > 90) {
      return reject("geometry", fmt::format("latitude {} is not a latitude", row.geometry->lat));
    }
    if (!std::isfinite(row.geometry->lon) || row.geometry->lon < -180 || row.geometry->lon > 180) {
      return reject("geometry", fmt::format("longitude {} is not a longitude", row.geometry->lon));
    }
    e.place.point = *row.geometry;
    e.place.precision = 1;
  } else {
    // no coordinates: the resolver places the location with the admin columns as context
    if (e.place.written.empty()) return reject("location", "no coordinates and no location to place");
    ResolveContext context;
    context.explain = false;  // a row keeps the answer, not the reasoning
    for (const char* admin : {"admin3", "admin2", "admin1"}) {
      if (!value(admin).empty()) context.texts.push_back(value(admin));
    }
    const Resolution r = resolver_.resolve(e.place.written, context);
    if (r.status != ResolutionStatus::Resolved && r.status != ResolutionStatus::RegionOnly) {
      return reject("location", "'" + e.place.written + "' could not be placed: " + r.note);
    }
    e.place.point = r.point;
    e.place.place_id = r.place_id;
    e.place.name = r.place_name;
    e.place.precision = static_cast<int>(r.precision);
  }
  if (const auto p = value("geo_precision"); !p.empty() && e.place.place_id.empty()) {
    const auto n = parse_number(p);
    if (!n) return reject("geo_precision", "'" + p + "' is not a number");
    // UCDP's where_prec runs 1–7 (exact … country); ACLED's geo_precision 1–3. Checked before it becomes an
    // int: a value past int's range must be refused, not wrapped
    if (*n < 1 || *n > 7 || *n != std::floor(*n)) return reject("geo_precision", "'" + p + "' is not a precision (1–3, or UCDP's 1–7)");
    int precision = static_cast<int>(*n);
    if (format == TableFormat::UcdpGed) precision = precision <= 1 ? 1 : precision == 2 ? 2 : 3;
    if (precision < 1 || precision > 3) return reject("geo_precision", "'" + p + "' is not 1, 2 or 3");
    e.place.precision = precision;
  }
  if (const auto f = value("fatalities"); !f.empty()) {
    const auto n = parse_number(f);
    if (!n || *n < 0 || *n != std::floor(*n) || *n > std::numeric_limits<int>::max()) {
      return reject("fatalities", "'" + f + "' is not a count");
    }
    e.fatalities = static_cast<int>(*n);
  }
  e.provenance.document = source;
  e.provenance.line = row.line;
  e.provenance.sentence = value("notes");
  return e;
}

}  // namespace conflictmap
