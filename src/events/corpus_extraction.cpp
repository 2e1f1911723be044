#include "events/corpus_extraction.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/batch_pipeline.hpp"
#include "core/parallel.hpp"
#include "events/report_document.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

// Rows per batch at most, whatever their size: bounds the bookkeeping of a corpus of very short rows
constexpr std::size_t kMaxBatchRows = 4096;

const std::string* field_of(const CorpusRecord& record, const std::string& column) {
  if (column.empty()) return nullptr;
  const auto found = record.fields.find(column);
  return found == record.fields.end() ? nullptr : &found->second;
}

}  // namespace

std::optional<CivilDate> corpus_date(std::string_view text) {
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  return CivilDate::parse(text.substr(0, 10));
}

bool corpus_language_is_read(std::string_view lang) {
  std::string lower(lang);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  const std::string primary = lower.substr(0, lower.find_first_of("-_"));
  return primary == "en" || primary == "eng" || primary == "english" || primary == "ar" || primary == "ara" ||
         primary == "arabic" || lower == "العربية";
}

CorpusExtraction::CorpusExtraction(const EventExtractor& extractor, const Lexicon& lexicon, CorpusColumns columns,
                                   std::optional<CivilDate> date, unsigned threads, std::size_t batch_bytes)
    : extractor_(extractor), lexicon_(lexicon), columns_(std::move(columns)), date_(date),
      threads_(std::max(1u, threads)), batch_bytes_(std::max<std::size_t>(batch_bytes, 1)) {}

void CorpusExtraction::require_columns(CorpusReader& reader) const {
  const auto& have = reader.columns();
  for (const auto* column : {&columns_.text, &columns_.date, &columns_.id, &columns_.lang}) {
    if (column->empty() || std::find(have.begin(), have.end(), *column) != have.end()) continue;
    std::string listed;
    for (const auto& c : have) listed += (listed.empty() ? "" : ", ") + c;
    throw InputError(reader.source(), 1, *column,
                     fmt::format("no such column (the {} has: {})",
                                 reader.format() == CorpusFormat::Csv ? "header" : "first record", listed.empty() ? "nothing" : listed));
  }
}

CorpusBatch CorpusExtraction::extract_row(const std::string& source, const CorpusRecord& record) const {
  CorpusBatch out;
  const auto reject = [&](std::string field, std::string reason) {
    out.rejected.push_back({source, record.line, std::move(field), std::move(reason)});
    return out;
  };
  if (!record.error.empty()) return reject(record.error_field, record.error);
  const std::string* text = field_of(record, columns_.text);
  if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) return reject(columns_.text, "no text");
  if (const std::string* lang = field_of(record, columns_.lang); lang && !lang->empty() && !corpus_language_is_read(*lang)) {
    return reject(columns_.lang, fmt::format("the language '{:.20}' is not read (English and Arabic are)", *lang));
  }
  std::optional<CivilDate> date = date_;
  if (const std::string* written = field_of(record, columns_.date); written && !written->empty()) {
    date = corpus_date(*written);
    if (!date) return reject(columns_.date, fmt::format("'{:.40}' is not a date (YYYY-MM-DD)", *written));
  }
  std::string id;
  if (const std::string* given = field_of(record, columns_.id)) id = *given;
  if (id.empty()) id = fmt::format("{}-{}", std::filesystem::path(source).stem().string(), record.line);
  std::vector<ReportDocument> reports;
  try {
    reports = split_reports(id, *text, lexicon_);
  } catch (const InputError& error) {
    return reject(columns_.text, error.what());
  }
  for (const auto& report : reports) {
    auto extracted = extractor_.extract(report, date);
    std::move(extracted.events.begin(), extracted.events.end(), std::back_inserter(out.events));
    std::move(extracted.unresolved.begin(), extracted.unresolved.end(), std::back_inserter(out.unresolved));
    out.sentences_cut += report.sentences_cut;
  }
  out.reports = 1;
  return out;
}

void CorpusExtraction::run(CorpusReader& reader, const std::function<void(CorpusBatch&)>& sink) const {
  // the next batch is read and the last one written while a batch is extracted (see batch_pipeline), when more
  // than one thread is allowed
  struct ReadBatch {
    std::vector<CorpusRecord> rows;
    std::uint64_t bytes_read = 0;
  };
  run_batch_pipeline(
      [this, &reader]() -> std::optional<ReadBatch> {
        ReadBatch batch;
        std::size_t bytes = 0;
        CorpusRecord record;
        while (bytes < batch_bytes_ && batch.rows.size() < kMaxBatchRows && reader.next(record)) {
          if (const std::string* text = field_of(record, columns_.text)) bytes += text->size();
          batch.rows.push_back(std::move(record));
        }
        if (batch.rows.empty()) return std::nullopt;
        batch.bytes_read = reader.bytes_read();
        return batch;
      },
      [this, &reader](ReadBatch& batch) {
        CorpusBatch extracted = extract_records(reader.source(), batch.rows);
        extracted.bytes_read = batch.bytes_read;
        return extracted;
      },
      [&sink](CorpusBatch& extracted) { sink(extracted); },
      // one thread asked for: reading and writing take their turns instead of running on other cores
      threads_ > 1);
}

CorpusBatch CorpusExtraction::extract_records(const std::string& source, const std::vector<CorpusRecord>& rows) const {
  std::vector<CorpusBatch> results(rows.size());
  run_items_on_threads(rows.size(), threads_, [&](std::size_t i) { results[i] = extract_row(source, rows[i]); });
  CorpusBatch batch;
  for (auto& r : results) {
    std::move(r.events.begin(), r.events.end(), std::back_inserter(batch.events));
    std::move(r.unresolved.begin(), r.unresolved.end(), std::back_inserter(batch.unresolved));
    std::move(r.rejected.begin(), r.rejected.end(), std::back_inserter(batch.rejected));
    batch.reports += r.reports;
    batch.sentences_cut += r.sentences_cut;
  }
  return batch;
}

}  // namespace conflictmap
