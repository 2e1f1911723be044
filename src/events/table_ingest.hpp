#pragma once
// Event tables other projects publish (ACLED, UCDP GED, any CSV or OGR source with a column mapping) read
// into the same events extraction makes. Rows without coordinates are placed by the resolver with their admin
// columns as context; a row that cannot be read is rejected with its line and reason, and the rest are kept.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "events/lexicon.hpp"
#include "io/rejected_row.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap {

enum class TableFormat { Acled, UcdpGed, Csv, Vector };

std::optional<TableFormat> parse_table_format(std::string_view name);  // acled, ucdp-ged, csv, geojson/ogr

// Our field → the table's column. Fields: event_id, event_date, event_type, sub_event_type, actor1, actor2,
// admin1, admin2, admin3, location, latitude, longitude, geo_precision, fatalities, notes, time_precision.
using ColumnMap = std::map<std::string, std::string>;

// The columns a format names each field by; `overrides` (from --map field=column) win.
ColumnMap column_map_for(TableFormat format, const ColumnMap& overrides);
const std::vector<std::string>& ingest_fields();

struct IngestResult {
  std::vector<Event> events;
  std::vector<RejectedRow> rejected;
};

// One batch of a table as it streams: its events and its rejected rows, in input order.
struct IngestBatch {
  std::vector<Event> events;
  std::vector<RejectedRow> rejected;
  std::size_t rows = 0;  // rows read
};
using IngestSink = std::function<void(IngestBatch&)>;

struct TableRow;

class TableIngester {
 public:
  TableIngester(const Resolver& resolver, const Lexicon& lexicon) : resolver_(resolver), lexicon_(lexicon) {}
  // Streams `source` (a CSV file, plain or gzip, or any OGR data source name for TableFormat::Vector): rows
  // are read `batch_rows` at a time, each batch is converted on `threads` threads while the next is read (with one
  // thread, reading, converting and handing on take turns on the calling thread), and
  // handed to `sink` in input order (one call at a time, not always on the calling thread), so memory follows a
  // few batches and not the table. A missing column the map
  // needs is an InputError naming it, raised before any batch; bad rows are rejected, not fatal.
  void ingest(const std::string& source, TableFormat format, const ColumnMap& columns, unsigned threads,
              const IngestSink& sink, std::size_t batch_rows = 16384) const;
  // The whole table at once, for small tables and tests.
  IngestResult ingest(const std::string& source, TableFormat format, const ColumnMap& columns) const;

 private:
  std::optional<Event> to_event(const TableRow& row, TableFormat format, const std::string& source,
                                std::vector<RejectedRow>& rejected) const;
  Actor canonical_actor(const std::string& written) const;
  const Resolver& resolver_;
  const Lexicon& lexicon_;
};

}  // namespace conflictmap
