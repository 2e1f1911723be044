#pragma once
// Strict RFC 4180 reading of CSV and TSV tables, with the line of every record, so that bad quoting,
// ragged rows and non-UTF-8 bytes are reported where they are instead of being silently merged.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conflictmap {

struct TableRecord {
  long line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct DelimitedTable {
  std::string source;  // the file name used in messages
  std::vector<std::string> header;
  std::vector<TableRecord> records;

  // Column index by exact header name; InputError naming the file and the missing column otherwise.
  std::size_t column(std::string_view name) const;
  std::optional<std::size_t> find_column(std::string_view name) const;
};

// Parses `text`; `separator` is ',' or '\t'. With `quoted` false, quotes are ordinary characters (GeoNames).
// Throws InputError on an empty input, bad UTF-8, broken quoting or a row whose width differs from the header.
DelimitedTable parse_delimited(std::string_view text, std::string source, char separator, bool quoted = true,
                               bool has_header = true);
// Reads a file whole; a missing or unreadable file is an InputError.
std::string read_text_file(const std::string& path);
DelimitedTable read_delimited_file(const std::string& path, char separator, bool quoted = true, bool has_header = true);

// Quotes a field for CSV output when it needs it.
std::string csv_field(std::string_view value);

}  // namespace conflictmap
