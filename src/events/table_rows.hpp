#pragma once
// The rows of an event table, one at a time, whatever holds them: a CSV file (plain or gzip) read as a stream,
// or any OGR vector source read feature by feature. Each row carries its values under our field names (see
// column_map_for) and, from a vector source, its point. Memory follows one row, never the table.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo.hpp"

namespace conflictmap {

struct TableRow {
  long line = 0;                              // a CSV row's first line; a feature's position, from 1
  std::map<std::string, std::string> values;  // by our field name, trimmed
  std::optional<LatLon> geometry;             // an OGR point, in WGS84
  std::string error, error_field;             // not empty: the row cannot be read (a broken quote, not UTF-8), and why
};

class TableRows {
 public:
  virtual ~TableRows() = default;
  // The source's columns (a CSV header, an OGR layer's fields).
  virtual const std::vector<std::string>& header() const = 0;
  // The next row; false at the end. A source damaged past reading (a cut-short GeoJSON sequence, a broken gzip
  // stream) is an InputError naming the row where it broke.
  virtual bool next(TableRow& row) = 0;
};

// `vector`: any OGR source (its first layer); otherwise a CSV with a header. `columns` maps our fields to the
// source's columns. A source that cannot be opened is an InputError naming it.
std::unique_ptr<TableRows> open_table_rows(const std::string& source, bool vector,
                                           const std::map<std::string, std::string>& columns);

}  // namespace conflictmap
