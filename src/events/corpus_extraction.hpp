#pragma once
// Extraction over a corpus held as a table (CSV or JSON Lines, one report per row): rows are read in batches,
// each batch is extracted on every core, and its events are handed on in input order before the next batch is
// read, so memory follows the batch and not the corpus, and the output is the same for any number of threads.
// A row that cannot be used (no text, a bad date, not UTF-8, a language not read) is rejected with its line.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "events/event_extractor.hpp"
#include "io/corpus_reader.hpp"
#include "io/rejected_row.hpp"

namespace conflictmap {

struct CorpusColumns {
  std::string text = "text";
  std::string date;  // optional: the row's publication date (YYYY-MM-DD, or an ISO date-time)
  std::string id;    // optional: what events cite as their document; else SOURCE-LINE
  std::string lang;  // optional: rows in languages other than English and Arabic are rejected, not misread
};

struct CorpusBatch {
  std::vector<Event> events;
  std::vector<UnresolvedMention> unresolved;
  std::vector<RejectedRow> rejected;
  std::size_t reports = 0;        // rows extracted (a row may hold several reports pasted together)
  std::size_t sentences_cut = 0;  // run-on sentences read in pieces
  std::uint64_t bytes_read = 0;   // of the source, once this batch was read (for progress)
};

class CorpusExtraction {
 public:
  // `date` dates rows without a date of their own; `batch_bytes` bounds the text of one batch.
  CorpusExtraction(const EventExtractor& extractor, const Lexicon& lexicon, CorpusColumns columns,
                   std::optional<CivilDate> date, unsigned threads, std::size_t batch_bytes = std::size_t(8) << 20);
  // A column the options name and the source lacks is an InputError naming the source and the column.
  void require_columns(CorpusReader& reader) const;
  // Reads `reader` to its end; `sink` gets each batch in input order, one call at a time but not always on the
  // calling thread (the next batch is read and extracted meanwhile).
  void run(CorpusReader& reader, const std::function<void(CorpusBatch&)>& sink) const;
  // One batch of rows another reader gave (a DataFrame's, a Dask partition's), extracted on every core;
  // `source` names them in default ids (SOURCE-LINE) and in rejections.
  CorpusBatch extract_records(const std::string& source, const std::vector<CorpusRecord>& rows) const;

 private:
  CorpusBatch extract_row(const std::string& source, const CorpusRecord& record) const;

  const EventExtractor& extractor_;
  const Lexicon& lexicon_;
  CorpusColumns columns_;
  std::optional<CivilDate> date_;
  unsigned threads_;
  std::size_t batch_bytes_;
};

// A row's date: YYYY-MM-DD, alone or at the head of an ISO 8601 date-time; nullopt otherwise.
std::optional<CivilDate> corpus_date(std::string_view text);
// True for the languages extraction reads: English and Arabic codes or names ("en", "en-GB", "ar", "Arabic").
bool corpus_language_is_read(std::string_view lang);

}  // namespace conflictmap
