#include "io/corpus_reader.hpp"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <glob.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <filesystem>

#include "core/script.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kReadBytes = 1 << 20;

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return text;
}

// A JSON value as the text a column holds: strings as they are, numbers and booleans as JSON writes them
std::optional<std::string> value_text(const nlohmann::json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

}  // namespace

std::optional<CorpusFormat> corpus_format_of(const std::string& name) {
  std::string n = lower(name);
  if (ends_with(n, ".gz")) n.resize(n.size() - 3);
  if (ends_with(n, ".csv")) return CorpusFormat::Csv;
  if (ends_with(n, ".jsonl") || ends_with(n, ".ndjson")) return CorpusFormat::JsonLines;
  return std::nullopt;
}

CorpusReader::CorpusReader(std::string source, std::optional<CorpusFormat> format) : source_(std::move(source)) {
  const auto named = corpus_format_of(source_);
  if (!format && !named) {
    throw InputError(source_, 0, "", source_ == "-" ? "standard input needs --input-format csv or jsonl"
                                                    : "a corpus is .csv, .jsonl or .ndjson (optionally .gz), or give --input-format");
  }
  format_ = format ? *format : *named;
  const bool gzip = ends_with(lower(source_), ".gz");
  const std::string vsi = source_ == "-" ? "/vsistdin/" : gzip ? "/vsigzip/" + source_ : source_;
  if (source_ != "-" && !fs::is_regular_file(source_)) throw InputError(source_, 0, "", "no such file");
  file_.reset(VSIFOpenL(vsi.c_str(), "rb"));
  if (!file_) throw InputError(source_, 0, "", "cannot open the file (unreadable, or not gzip)");
  if (source_ != "-" && !gzip) size_ = fs::file_size(source_);
  if (format_ == CorpusFormat::Csv) {
    columns_known_ = true;
    std::vector<std::string> header;
    std::string error;
    if (!read_csv_fields(header, error)) throw InputError(source_, line_, "", "the CSV has no header row");
    if (!error.empty()) throw InputError(source_, line_, "", "the header row: " + error);
    for (const auto& column : header) {
      if (!is_valid_utf8(column)) throw InputError(source_, line_, "", "the header row is not UTF-8 text");
    }
    columns_ = std::move(header);
  }
}

CorpusReader::~CorpusReader() = default;

void CorpusReader::CloseFile::operator()(void* file) const { VSIFCloseL(static_cast<VSILFILE*>(file)); }

bool CorpusReader::next_line(std::string& line) {
  line.clear();
  while (true) {
    // a line ends at LF, CRLF, or a lone CR (old Mac exports, as the table reader accepts them); a CR that ends
    // the buffer waits for the next read to tell which
    const auto end = buffer_.find_first_of("\r\n", at_);
    if (end != std::string::npos && (buffer_[end] == '\n' || end + 1 < buffer_.size() || eof_)) {
      line.assign(buffer_, at_, end - at_);
      at_ = end + 1;
      if (buffer_[end] == '\r' && at_ < buffer_.size() && buffer_[at_] == '\n') ++at_;
      break;
    }
    if (eof_) {
      if (at_ >= buffer_.size()) return false;
      line.assign(buffer_, at_, std::string::npos);
      at_ = buffer_.size();
      break;
    }
    // keep only what is not yet read, then read more
    buffer_.erase(0, at_);
    at_ = 0;
    const std::size_t had = buffer_.size();
    buffer_.resize(had + kReadBytes);
    // a damaged or cut-short gzip stream shows only as a GDAL error beside a short read: it must end the run, not
    // pass for the end of the corpus
    CPLErrorReset();
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const std::size_t got = VSIFReadL(buffer_.data() + had, 1, kReadBytes, static_cast<VSILFILE*>(file_.get()));
    CPLPopErrorHandler();
    if (CPLGetLastErrorType() >= CE_Failure) {
      throw InputError(source_, line_ + 1, "", std::string("the file is damaged or cut short: ") + CPLGetLastErrorMsg());
    }
    buffer_.resize(had + got);
    consumed_ += got;
    if (got < kReadBytes) eof_ = true;
  }
  ++line_;
  if (line_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  return true;
}

const std::vector<std::string>& CorpusReader::columns() {
  if (!columns_known_) {
    columns_known_ = true;
    CorpusRecord first;
    if (next_json(first)) {
      for (const auto& [key, value] : first.fields) columns_.push_back(key);
      peeked_ = std::move(first);
    }
  }
  return columns_;
}

bool CorpusReader::next(CorpusRecord& record) {
  if (peeked_) {
    record = std::move(*peeked_);
    peeked_.reset();
    return true;
  }
  return format_ == CorpusFormat::Csv ? next_csv(record) : next_json(record);
}

bool CorpusReader::read_csv_fields(std::vector<std::string>& fields, std::string& error) {
  fields.clear();
  error.clear();
  std::string line;
  do {
    if (!next_line(line)) return false;
  } while (line.empty());
  const long first_line = line_;
  std::string field;
  bool quoted = false, after_quote = false;
  std::size_t i = 0;
  while (true) {
    if (i == line.size()) {
      if (!quoted) {
        fields.push_back(std::move(field));
        break;
      }
      // a quoted field goes on past the line end
      field += '\n';
      if (!next_line(line)) {
        error = "a quoted field is not closed before the end of the file";
        break;
      }
      i = 0;
      continue;
    }
    const char c = line[i++];
    if (quoted) {
      if (c == '"' && i < line.size() && line[i] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        field += c;
      }
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (after_quote) {
      // the rest of the line belongs to this broken record; reading goes on at the next line
      error = "text after a closing quote (a quote inside a field must be doubled)";
      break;
    } else if (c == '"' && field.empty()) {
      quoted = true;
    } else {
      field += c;
    }
  }
  record_line_ = first_line;
  return true;
}

bool CorpusReader::next_csv(CorpusRecord& record) {
  record = CorpusRecord{};
  std::vector<std::string> fields;
  if (!read_csv_fields(fields, record.error)) return false;
  record.line = record_line_;
  if (!record.error.empty()) return true;
  if (fields.size() != columns_.size()) {
    record.error = fmt::format("{} fields where the header has {}", fields.size(), columns_.size());
    return true;
  }
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (!is_valid_utf8(fields[k])) {
      record.error = "not UTF-8 text";
      record.error_field = columns_[k];
      return true;
    }
    record.fields.emplace(columns_[k], std::move(fields[k]));
  }
  return true;
}

bool CorpusReader::next_json(CorpusRecord& record) {
  record = CorpusRecord{};
  std::string line;
  do {
    if (!next_line(line)) return false;
  } while (line.find_first_not_of(" \t") == std::string::npos);
  record.line = line_;
  if (!is_valid_utf8(line)) {
    record.error = "not UTF-8 text";
    return true;
  }
  const auto json = nlohmann::json::parse(line, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    record.error = "not a JSON object on one line";
    return true;
  }
  for (const auto& [key, value] : json.items()) {
    if (auto text = value_text(value)) record.fields.emplace(key, std::move(*text));
  }
  return true;
}

std::vector<std::string> expand_corpus_sources(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& name : names) {
    if (name == "-" || fs::is_regular_file(name)) {
      out.push_back(name);
    } else if (fs::is_directory(name)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(name)) {
        if (entry.is_regular_file() && corpus_format_of(entry.path().filename().string())) found.push_back(entry.path().string());
      }
      if (found.empty()) throw InputError(name, 0, "", "the folder holds no .csv, .jsonl or .ndjson file");
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (name.find_first_of("*?[") != std::string::npos) {
      glob_t matches{};
      const int status = ::glob(name.c_str(), 0, nullptr, &matches);
      std::vector<std::string> found;
      if (status == 0) {
        for (std::size_t k = 0; k < matches.gl_pathc; ++k) found.emplace_back(matches.gl_pathv[k]);
      }
      globfree(&matches);
      if (found.empty()) throw InputError(name, 0, "", "no file matches the pattern");
      out.insert(out.end(), found.begin(), found.end());  // glob() sorts its matches
    } else {
      throw InputError(name, 0, "", "no such file or folder");
    }
  }
  return out;
}

}  // namespace conflictmap
