#include "io/delimited_table.hpp"

#include <fstream>
#include <sstream>

#include "io/input_error.hpp"
#include "resolve/script.hpp"

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

}  // namespace

DelimitedTable parse_delimited(std::string_view text, std::string source, char separator, bool quoted,
                               bool has_header) {
  DelimitedTable table;
  table.source = std::move(source);
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw InputError(table.source, 0, "", "the file is empty");
  }
  if (!is_valid_utf8(text)) {
    throw InputError(table.source, first_bad_utf8_line(text), "", "not valid UTF-8 text (convert it with iconv first)");
  }

  long line = 1;
  std::size_t i = 0;
  std::vector<std::vector<std::string>> rows;
  std::vector<long> row_lines;
  while (i < text.size()) {
    std::vector<std::string> fields;
    const long record_line = line;
    std::string field;
    bool record_done = false;
    bool quote_seen = false;  // a record of one empty quoted field ("") is a row, not a blank line
    while (!record_done) {
      field.clear();
      if (quoted && i < text.size() && text[i] == '"') {
        quote_seen = true;
        const long quote_line = line;
        ++i;
        bool closed = false;
        while (i < text.size()) {
          const char c = text[i];
          if (c == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            closed = true;
            ++i;
            break;
          }
          if (c == '\n') ++line;
          field.push_back(c);
          ++i;
        }
        if (!closed) {
          throw InputError(table.source, quote_line, "", "a quoted field opens here and never closes");
        }
        if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
          throw InputError(table.source, line, "",
                           "unexpected text after a closing quote (a quote inside a field must be doubled)");
        }
      } else {
        const char stops[] = {separator, '\n', '\r', quoted ? '"' : separator, '\0'};
        std::size_t end = text.find_first_of(std::string_view(stops, 4), i);
        if (end == std::string_view::npos) end = text.size();
        if (end < text.size() && quoted && text[end] == '"') {
          throw InputError(table.source, line, "", "a quote inside an unquoted field (quote the whole field)");
        }
        field.assign(text.substr(i, end - i));
        i = end;
      }
      fields.push_back(field);
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
    const bool blank = fields.size() == 1 && fields[0].empty() && !quote_seen;
    if (!blank) {
      rows.push_back(std::move(fields));
      row_lines.push_back(record_line);
    }
  }

  std::size_t first = 0;
  if (has_header) {
    table.header = rows.front();
    first = 1;
  } else {
    for (std::size_t c = 0; c < rows.front().size(); ++c) table.header.push_back(std::to_string(c));
  }
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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot open the file (missing or unreadable)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
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
