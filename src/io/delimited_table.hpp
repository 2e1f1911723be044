#pragma once
// Strict RFC 4180 reading of CSV and TSV tables, with the line of every record, so that bad quoting,
// ragged rows and non-UTF-8 bytes are reported where they are instead of being silently merged.
#include <functional>
#include <optional>
#include <span>
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
// `text` without a byte-order mark; InputError when it is empty or not UTF-8 (naming the first bad line).
std::string_view checked_table_text(std::string_view text, const std::string& source);

// One record's fields, valid only during the visit: views into the text, or into scratch space for a quoted
// field that held doubled quotes.
using RecordFields = std::span<const std::string_view>;
using RecordVisitor = std::function<void(long line, RecordFields fields)>;

// Calls `visit` for each record of `text` (blank lines skipped) with the line it starts on, counting from
// `first_line`, under the same rules as parse_delimited; returns the line after the last. Nothing is copied.
long scan_records(std::string_view text, const std::string& source, char separator, bool quoted, long first_line,
                  const RecordVisitor& visit);

// Cuts at record boundaries into parts of about `part_bytes` each (the first line end outside quotes past
// each multiple), for reading parts on whichever core is free; ascending, without 0 and the end. Assumes
// well-formed quoting before a cut: a badly quoted earlier part fails on its own.
std::vector<std::size_t> record_boundaries(std::string_view text, std::size_t part_bytes, bool quoted);
// `text` in such parts, or whole when it is under two parts long.
std::vector<std::string_view> record_parts(std::string_view text, std::size_t part_bytes, bool quoted);
// The line each part starts on, the first on `first_line`, and after them the line past the last part.
std::vector<long> part_first_lines(const std::vector<std::string_view>& parts, long first_line);
// Runs `read(k)` for parts 0 … count-1 on whichever core is free. A later part's lines count from its own
// start, so only the first part's InputError is rethrown as it is; one in a later part makes `whole()` run, a
// single pass from the top that meets the earliest error with the file's line.
void read_parts(std::size_t count, const std::function<void(std::size_t)>& read, const std::function<void()>& whole);

// Where the first record of `text` ends: past the first line break outside quotes (the whole text if none).
std::size_t end_of_first_record(std::string_view text, bool quoted);

// Reads a file whole; a missing or unreadable file is an InputError.
std::string read_text_file(const std::string& path);
DelimitedTable read_delimited_file(const std::string& path, char separator, bool quoted = true, bool has_header = true);

// Quotes a field for CSV output when it needs it.
std::string csv_field(std::string_view value);

}  // namespace conflictmap
