#include "io/delimited_table.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <fstream>
#include <sstream>

#include "core/parallel.hpp"
#include "core/script.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

std::optional<std::size_t> DelimitedTable::find_column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::nullopt;
}

std::size_t DelimitedTable::column(std::string_view name) const {
  if (auto index = find_column(name)) return *index;
  std::string known;
  for (const auto& h : header) known += (known.empty() ? "" : ", ") + h;
  throw InputError(source, 1, std::string(name), "no such column (the header has: " + known + ")");
}

namespace {

struct ParsedRows {
  std::vector<std::vector<std::string>> rows;
  std::vector<long> lines;  // where each row starts
};

long first_bad_utf8_line(std::string_view text) {
  long line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    const auto piece = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!is_valid_utf8(piece)) return line;
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  return 0;
}

// The index just past the first line end at or after `from` that lies outside quotes (text.size() if none).
// `inside` carries the quote parity into and out of the search.
std::size_t past_line_end_outside_quotes(std::string_view text, std::size_t from, bool quoted, bool& inside) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (quoted && text[i] == '"') inside = !inside;
    if (text[i] == '\n' && !inside) return i + 1;
    // a lone carriage return ends a line as well (old Mac line ends), as the record scanner reads it
    if (text[i] == '\r' && !inside && (i + 1 >= text.size() || text[i + 1] != '\n')) return i + 1;
  }
  return text.size();
}

}  // namespace

long scan_records(std::string_view text, const std::string& source, char separator, bool quoted, long first_line,
                  const RecordVisitor& visit) {
  long line = first_line;
  std::size_t i = 0;
  std::array<bool, 256> stops{};  // the bytes that end an unquoted field
  for (char c : {separator, '\n', '\r', quoted ? '"' : separator}) stops[static_cast<unsigned char>(c)] = true;
  // A field is a slice of `text`, or of `unescaped` when it held doubled quotes; views are made once the
  // record is complete, as `unescaped` may move while it grows.
  struct Slice {
    std::size_t begin, length;
    bool unescaped;
  };
  std::vector<Slice> slices;
  std::vector<std::string_view> fields;
  std::string unescaped;
  while (i < text.size()) {
    slices.clear();
    unescaped.clear();
    const long record_line = line;
    bool record_done = false;
    bool quote_seen = false;  // a record of one empty quoted field ("") is a row, not a blank line
    while (!record_done) {
      if (quoted && i < text.size() && text[i] == '"') {
        quote_seen = true;
        const long quote_line = line;
        const std::size_t content = ++i;
        bool closed = false, doubled = false;
        std::size_t end = i;
        while (i < text.size()) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              doubled = true;
              i += 2;
              continue;
            }
            closed = true;
            end = i;
            ++i;
            break;
          }
          if (c == '\n') ++line;
          ++i;
        }
        if (!closed) {
          throw InputError(source, quote_line, "", "a quoted field opens here and never closes");
        }
        if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
          throw InputError(source, line, "",
                           "unexpected text after a closing quote (a quote inside a field must be doubled)");
        }
        if (doubled) {
          const std::size_t begin = unescaped.size();
          for (std::size_t k = content; k < end; ++k) {
            unescaped.push_back(text[k]);
            if (text[k] == '"') ++k;  // the second of a doubled pair
          }
          slices.push_back({begin, unescaped.size() - begin, true});
        } else {
          slices.push_back({content, end - content, false});
        }
      } else {
        // a byte table rather than find_first_of, which calls memchr over its set once per character
        std::size_t end = i;
        while (end < text.size() && !stops[static_cast<unsigned char>(text[end])]) ++end;
        if (end < text.size() && quoted && text[end] == '"') {
          throw InputError(source, line, "", "a quote inside an unquoted field (quote the whole field)");
        }
        slices.push_back({i, end - i, false});
        i = end;
      }
      if (i >= text.size()) {
        record_done = true;
      } else if (text[i] == separator) {
        ++i;
      } else {
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        record_done = true;
      }
    }
    const bool blank = slices.size() == 1 && slices[0].length == 0 && !quote_seen;
    if (blank) continue;
    fields.clear();
    for (const Slice& slice : slices) {
      fields.push_back(slice.unescaped ? std::string_view(unescaped).substr(slice.begin, slice.length)
                                       : text.substr(slice.begin, slice.length));
    }
    visit(record_line, fields);
  }
  return line;
}

std::size_t end_of_first_record(std::string_view text, bool quoted) {
  bool inside = false;
  return past_line_end_outside_quotes(text, 0, quoted, inside);
}

std::vector<std::size_t> record_boundaries(std::string_view text, std::size_t part_bytes, bool quoted) {
  std::vector<std::size_t> cuts;
  bool inside = false;  // the quote parity so far, carried from one cut to the next
  std::size_t i = 0;
  for (std::size_t target = part_bytes; part_bytes > 0 && target < text.size(); target += part_bytes) {
    if (target < i) continue;  // a long record already reached past this multiple
    if (quoted) inside ^= std::count(text.begin() + std::ptrdiff_t(i), text.begin() + std::ptrdiff_t(target), '"') % 2 == 1;
    i = past_line_end_outside_quotes(text, target, quoted, inside);
    if (i >= text.size()) break;
    cuts.push_back(i);
  }
  return cuts;
}

std::vector<std::string_view> record_parts(std::string_view text, std::size_t part_bytes, bool quoted) {
  std::vector<std::size_t> cuts{0};
  if (text.size() >= 2 * part_bytes) {
    for (std::size_t cut : record_boundaries(text, part_bytes, quoted)) cuts.push_back(cut);
  }
  cuts.push_back(text.size());
  std::vector<std::string_view> parts;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) parts.push_back(text.substr(cuts[k], cuts[k + 1] - cuts[k]));
  return parts;
}

void read_parts(std::size_t count, const std::function<void(std::size_t)>& read, const std::function<void()>& whole) {
  std::vector<std::exception_ptr> errors(count);
  run_items_on_threads(count, available_cores(), [&](std::size_t k) {
    try {
      read(k);
    } catch (const InputError&) {
      errors[k] = std::current_exception();
    }
  });
  if (count > 0 && errors[0]) std::rethrow_exception(errors[0]);
  if (std::any_of(errors.begin(), errors.end(), [](const auto& error) { return bool(error); })) whole();
}

std::vector<long> part_first_lines(const std::vector<std::string_view>& parts, long first_line) {
  std::vector<long> lines(parts.size() + 1, first_line);
  for (std::size_t k = 0; k < parts.size(); ++k) {
    lines[k + 1] = lines[k] + long(std::count(parts[k].begin(), parts[k].end(), '\n'));
  }
  return lines;
}

namespace {

constexpr std::size_t kPartBytes = 1 << 19;

// The records of `text` with the line each starts on, counting from `first_line`.
ParsedRows parse_rows(std::string_view text, const std::string& source, char separator, bool quoted,
                      long first_line = 1) {
  ParsedRows parsed;
  scan_records(text, source, separator, quoted, first_line, [&](long line, RecordFields fields) {
    parsed.rows.emplace_back(fields.begin(), fields.end());
    parsed.lines.push_back(line);
  });
  return parsed;
}

// The parts parse at once, each counting lines from its own first line in the file.
ParsedRows parse_all_rows(std::string_view text, const std::string& source, char separator, bool quoted) {
  const std::vector<std::string_view> parts = record_parts(text, kPartBytes, quoted);
  if (parts.size() == 1) return parse_rows(text, source, separator, quoted);
  const std::vector<long> first_lines = part_first_lines(parts, 1);
  std::vector<ParsedRows> parsed(parts.size());
  read_parts(
      parts.size(),
      [&](std::size_t k) { parsed[k] = parse_rows(parts[k], source, separator, quoted, first_lines[k]); },
      [&] { parse_rows(text, source, separator, quoted); });
  ParsedRows all = std::move(parsed[0]);
  for (std::size_t k = 1; k < parsed.size(); ++k) {
    for (auto& row : parsed[k].rows) all.rows.push_back(std::move(row));
    all.lines.insert(all.lines.end(), parsed[k].lines.begin(), parsed[k].lines.end());
  }
  return all;
}

}  // namespace

std::string_view checked_table_text(std::string_view text, const std::string& source) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(source, 0, "", "the file is empty");
  }
  if (!is_valid_utf8(text)) {
    throw InputError(source, first_bad_utf8_line(text), "", "not valid UTF-8 text (convert it with iconv first)");
  }
  return text;
}

DelimitedTable parse_delimited(std::string_view text, std::string source, char separator, bool quoted,
                               bool has_header) {
  DelimitedTable table;
  table.source = std::move(source);
  text = checked_table_text(text, table.source);

  ParsedRows parsed = parse_all_rows(text, table.source, separator, quoted);
  auto& rows = parsed.rows;
  auto& row_lines = parsed.lines;
  if (rows.empty()) throw InputError(table.source, 0, "", "the file is empty");

  std::size_t first = 0;
  if (has_header) {
    table.header = rows.front();
    first = 1;
  } else {
    for (std::size_t c = 0; c < rows.front().size(); ++c) table.header.push_back(std::to_string(c));
  }
  table.records.reserve(rows.size() - first);
  for (std::size_t r = first; r < rows.size(); ++r) {
    if (rows[r].size() != table.header.size()) {
      throw InputError(table.source, row_lines[r], "",
                       "has " + std::to_string(rows[r].size()) + " fields but the header has " +
                           std::to_string(table.header.size()));
    }
    table.records.push_back({row_lines[r], std::move(rows[r])});
  }
  return table;
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw InputError(path, 0, "", "cannot open the file (missing or unreadable)");
  // sized once and read in one call: a stream buffer copy of a large table cost as much as parsing it
  const std::streamoff size = in.tellg();
  std::string text;
  if (size > 0) {
    text.resize(std::size_t(size));
    in.seekg(0);
    if (!in.read(text.data(), size)) throw InputError(path, 0, "", "cannot read the file");
  } else {
    std::ostringstream buffer;  // a pipe or special file has no size to ask
    buffer << in.rdbuf();
    text = buffer.str();
  }
  return text;
}

DelimitedTable read_delimited_file(const std::string& path, char separator, bool quoted, bool has_header) {
  return parse_delimited(read_text_file(path), path, separator, quoted, has_header);
}

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace conflictmap
