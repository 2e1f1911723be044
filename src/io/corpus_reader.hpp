#pragma once
// A corpus of texts read one record at a time: CSV (RFC 4180, with a header row) or JSON Lines, plain or gzip,
// from a file or standard input, so that memory holds one record and not the corpus. A record that cannot be
// read (bad quoting, not UTF-8, not a JSON object, a value that is not text) comes back with its line and the
// reason, and reading goes on at the next one.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace conflictmap {

enum class CorpusFormat { Csv, JsonLines };

// From the name: .csv, .jsonl, .ndjson, optionally followed by .gz; nullopt otherwise.
std::optional<CorpusFormat> corpus_format_of(const std::string& name);

struct CorpusRecord {
  long line = 0;                              // where the record starts, from 1
  std::map<std::string, std::string> fields;  // by column (CSV) or key (JSON Lines)
  std::string error;                          // not empty: the record cannot be read, and why
  std::string error_field;                    // the column the error concerns, when one does
};

class CorpusReader {
 public:
  // `source` is a path or "-" for standard input; `format` when the name does not tell. A source that cannot
  // be opened, or a CSV without a header row, is an InputError naming it.
  CorpusReader(std::string source, std::optional<CorpusFormat> format);
  ~CorpusReader();
  CorpusReader(CorpusReader&&) = default;
  CorpusReader(const CorpusReader&) = delete;
  CorpusReader& operator=(const CorpusReader&) = delete;

  const std::string& source() const { return source_; }
  CorpusFormat format() const { return format_; }
  // CSV: the header's columns; JSON Lines: the keys of the first record that could be read.
  const std::vector<std::string>& columns();
  // The next record; false at the end.
  bool next(CorpusRecord& record);
  std::uint64_t bytes_read() const { return consumed_; }  // of the file as stored (compressed, for .gz)
  std::optional<std::uint64_t> size() const { return size_; }

 private:
  bool next_line(std::string& line);  // one physical line without its end; false at the end
  // One CSV record's fields, over as many lines as its quotes span; false at the end. `error` says why the
  // record cannot be read, when it cannot.
  bool read_csv_fields(std::vector<std::string>& fields, std::string& error);
  bool next_csv(CorpusRecord& record);
  bool next_json(CorpusRecord& record);

  std::string source_;
  CorpusFormat format_;
  struct CloseFile {
    void operator()(void* file) const;  // VSIFCloseL
  };
  std::unique_ptr<void, CloseFile> file_;  // a VSILFILE: GDAL reads gzip and standard input alike
  std::string buffer_;
  std::size_t at_ = 0;
  bool eof_ = false;
  long line_ = 0;
  long record_line_ = 0;  // where the record read_csv_fields() last read starts
  std::uint64_t consumed_ = 0;
  std::optional<std::uint64_t> size_;
  std::vector<std::string> columns_;
  bool columns_known_ = false;
  std::optional<CorpusRecord> peeked_;  // JSON Lines: the first record, read to learn the keys
};

// Expands the sources a user names: "-", files, folders (their .csv/.jsonl/.ndjson files, with .gz or not, in
// name order) and glob patterns (matches in name order). A name that is none of these is an InputError.
std::vector<std::string> expand_corpus_sources(const std::vector<std::string>& names);

}  // namespace conflictmap
