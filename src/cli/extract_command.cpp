// `conflictmap extract`: field reports in English or Arabic to located, dated, typed events.
#include "cli/extract_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <iostream>

#include "cli/date_option.hpp"
#include "cli/gazetteer_loader.hpp"
#include "core/event.hpp"
#include "core/parallel.hpp"
#include "events/corpus_extraction.hpp"
#include "events/event_extractor.hpp"
#include "events/event_writer.hpp"
#include "events/lexicon.hpp"
#include "events/report_document.hpp"
#include "events/word_dictionary.hpp"
#include "io/atomic_file.hpp"
#include "io/corpus_reader.hpp"
#include "io/progress_bar.hpp"
#include "io/stage_timer.hpp"
#include "io/delimited_table.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap::cli {

namespace {

class ExtractCommand : public Command {
 public:
  explicit ExtractCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("extract", "Extract located, dated, typed events from field reports (English or Arabic)");
    auto* reports = app->add_option("reports", reports_, "Report text files (UTF-8), one or more reports each")->check(CLI::ExistingFile);
    auto* input = app->add_option(
        "--input", inputs_,
        "A corpus with one report per row, read as a stream: .csv or .jsonl/.ndjson (optionally .gz), '-' for "
        "standard input, a folder of them, or a glob pattern (repeatable)");
    reports->excludes(input);
    app->add_option("--text-column", columns_.text, "With --input: the column (CSV) or key (JSON Lines) holding the text")
        ->capture_default_str();
    app->add_option("--date-column", columns_.date,
                    "With --input: the column of each row's publication date (YYYY-MM-DD or ISO date-time); relative "
                    "dates resolve against it");
    app->add_option("--id-column", columns_.id,
                    "With --input: the column events cite as their source_document (a URL, an id); default: "
                    "FILE-LINE");
    app->add_option("--lang-column", columns_.lang,
                    "With --input: the column of each row's language; rows not in English or Arabic are rejected");
    app->add_option("--input-format", input_format_, "With --input: csv or jsonl, for standard input or other names")
        ->check(CLI::IsMember({"csv", "jsonl"}));
    app->add_option("--threads", threads_, "Extraction threads (default: all cores); the output is the same for any number")
        ->check(CLI::Range(1, 1024));
    app->add_option("--rejected", rejected_,
                    "With --input: CSV of every row that could not be used (source, line, field, reason); without it they "
                    "are listed on stderr");
    app->add_option("-o,--output", output_,
                    "Events file: .geojson (RFC 7946), .geojsonl (GeoJSON Lines), .csv (ACLED-style columns) or .gpkg")
        ->required();
    app->add_option("--date", date_,
                    "Publication date YYYY-MM-DD for every report, overriding a 'Date:' header; relative dates "
                    "(\"yesterday\", \"منذ أربعة أيام\") resolve against it. Without either, events are undated");
    app->add_option("--unresolved", unresolved_,
                    "CSV of what looked like part of an event but could not be placed or classified "
                    "(document, offsets, text, reason, sentence)");
    app->add_option("--lexicons", lexicons_,
                    "Folder of actors.tsv, triggers.tsv and words.tsv (default: $CONFLICTMAP_LEXICONS or the embedded one)");
    return app;
  }

  int run() override {
    if (reports_.empty() && inputs_.empty()) throw CLI::ValidationError("reports", "name report files, or a corpus with --input");
    if (!inputs_.empty()) return run_corpus();
    const std::optional<CivilDate> date = date_option(date_, "--date");
    event_format_of(output_);  // a bad extension or a missing folder fails before any work
    require_writable_folder_for(output_);
    if (!unresolved_.empty()) require_writable_folder_for(unresolved_);
    StageTimer timer("extract");
    const Lexicon lexicon = Lexicon::load(lexicons_.empty() ? default_lexicon_folder() : std::filesystem::path(lexicons_));
    timer.stage("lexicon");
    // Every report is read (and checked) before anything is written: on a thread of its own, while this one loads
    // the gazetteer and builds its index, most of a short run's time. Arabic reports consult Hunspell's
    // dictionary, a tenth of a second to open, so it is opened there too; a missing one is reported where used.
    auto reading = std::async(std::launch::async, [&] {
      std::vector<ReportDocument> documents;
      for (const auto& path : reports_) {
        for (auto& report : read_reports(path, lexicon)) documents.push_back(std::move(report));
      }
      if (std::any_of(documents.begin(), documents.end(), [](const ReportDocument& d) { return has_arabic_letters(d.text); })) {
        try {
          WordDictionary::arabic();
        } catch (const std::exception&) {
        }
      }
      return documents;
    });
    // A bad report is the error to give first, as when the reports were read before the gazetteer.
    auto reports_first = [&] {
      if (reading.valid()) reading.get();
    };
    const Gazetteer gazetteer = [&] {
      try {
        return load_selected_gazetteer(common_.gazetteer);
      } catch (...) {
        reports_first();
        throw;
      }
    }();
    timer.stage("gazetteer");
    const Resolver resolver(gazetteer);
    const EventExtractor extractor(resolver, lexicon);
    timer.stage("resolver index");
    const std::vector<ReportDocument> documents = reading.get();
    timer.stage("reports read");
    // Reports on every core; one report alone (a long page, say) has its sentences shared out instead.
    const unsigned threads = threads_ ? unsigned(threads_) : available_cores();
    std::vector<ExtractedReport> extracted(documents.size());
    run_items_on_threads(documents.size(), threads, [&](std::size_t d) {
      extracted[d] = extractor.extract(documents[d], date, documents.size() == 1 ? threads : 1);
    });
    std::vector<Event> events;
    std::vector<UnresolvedMention> unresolved;
    for (auto& report : extracted) {
      for (auto& e : report.events) events.push_back(std::move(e));
      for (auto& u : report.unresolved) unresolved.push_back(std::move(u));
    }
    timer.stage("extraction");
    if (!unresolved_.empty()) write_unresolved(unresolved);
    write_events_with_side_file(events, output_, unresolved_);
    timer.stage("writing");
    std::size_t undated = 0, cut = 0;
    for (const auto& e : events) undated += e.date.precision == TimePrecision::Undated;
    for (const auto& doc : documents) cut += doc.sentences_cut;
    if (cut) {
      std::cerr << fmt::format("extract: {} run-on sentences longer than {} bytes were read in pieces cut at clause "
                               "breaks or spaces\n", cut, kMaxSentenceBytes);
    }
    std::cerr << fmt::format("extract: {} events from {} reports{}; {} mentions unresolved{}\n", events.size(),
                             documents.size(), undated ? fmt::format(" ({} undated: no publication date)", undated) : "",
                             unresolved.size(), unresolved_.empty() ? " (list them with --unresolved FILE)" : " (see " + unresolved_ + ")");
    return 0;
  }

 private:
  // --input: rows are read, extracted and written batch by batch; the outputs appear together at the end
  int run_corpus() {
    const std::optional<CivilDate> date = date_option(date_, "--date");
    event_format_of(output_);
    require_writable_folder_for(output_);
    if (!unresolved_.empty()) require_writable_folder_for(unresolved_);
    if (!rejected_.empty()) require_writable_folder_for(rejected_);
    std::optional<CorpusFormat> format;
    if (!input_format_.empty()) format = input_format_ == "csv" ? CorpusFormat::Csv : CorpusFormat::JsonLines;
    const Lexicon lexicon = Lexicon::load(lexicons_.empty() ? default_lexicon_folder() : std::filesystem::path(lexicons_));
    // every source is opened and its columns checked before anything is written
    const auto sources = expand_corpus_sources(inputs_);
    std::vector<CorpusReader> readers;
    const Gazetteer gazetteer = load_selected_gazetteer(common_.gazetteer);
    const Resolver resolver(gazetteer);
    const EventExtractor extractor(resolver, lexicon);
    const CorpusExtraction extraction(extractor, lexicon, columns_, date, threads_ ? unsigned(threads_) : available_cores());
    for (const auto& source : sources) {
      readers.emplace_back(source, format);
      extraction.require_columns(readers.back());
    }
    std::uint64_t total_bytes = 0;
    bool sized = true;
    for (auto& reader : readers) {
      sized = sized && reader.size().has_value();
      total_bytes += reader.size().value_or(0);
    }
    EventFileWriter events(output_);
    std::optional<AtomicFile> unresolved, rejected;
    if (!unresolved_.empty()) {
      unresolved.emplace(unresolved_);
      unresolved->stream() << kUnresolvedHeader;
    }
    if (!rejected_.empty()) {
      rejected.emplace(rejected_);
      rejected->stream() << "source,line,field,reason\n";
    }
    std::size_t reports = 0, unresolved_count = 0, rejected_count = 0, undated = 0, cut = 0;
    std::uint64_t bytes_before = 0;
    ProgressBar progress("extract", sized ? std::size_t(total_bytes) : 0);
    for (auto& reader : readers) {
      extraction.run(reader, [&](CorpusBatch& batch) {
        events.add(batch.events);
        for (const auto& e : batch.events) undated += e.date.precision == TimePrecision::Undated;
        if (unresolved) write_unresolved_rows(unresolved->stream(), batch.unresolved);
        for (const auto& r : batch.rejected) {
          if (rejected) {
            rejected->stream() << csv_field(r.source) << ',' << r.line << ',' << csv_field(r.field) << ','
                               << csv_field(r.reason) << '\n';
          } else {
            std::cerr << fmt::format("extract: {}:{}: {}{}: row skipped\n", r.source, r.line,
                                     r.field.empty() ? "" : "field '" + r.field + "': ", r.reason);
          }
        }
        reports += batch.reports;
        unresolved_count += batch.unresolved.size();
        rejected_count += batch.rejected.size();
        cut += batch.sentences_cut;
        if (sized) progress.advance(std::size_t(bytes_before + batch.bytes_read));
      });
      bytes_before += reader.bytes_read();
    }
    if (unresolved) unresolved->commit();
    if (rejected) rejected->commit();
    events.commit();
    if (cut) {
      std::cerr << fmt::format("extract: {} run-on sentences longer than {} bytes were read in pieces cut at clause "
                               "breaks or spaces\n", cut, kMaxSentenceBytes);
    }
    std::cerr << fmt::format("extract: {} events from {} reports in {} source{}{}; {} rows rejected{}; {} mentions unresolved{}\n",
                             events.written(), reports, readers.size(), readers.size() == 1 ? "" : "s",
                             undated ? fmt::format(" ({} undated: no publication date)", undated) : "", rejected_count,
                             rejected_.empty() ? (rejected_count ? " (listed above)" : "") : " (see " + rejected_ + ")",
                             unresolved_count, unresolved_.empty() ? " (list them with --unresolved FILE)" : " (see " + unresolved_ + ")");
    return 0;
  }

  static constexpr const char* kUnresolvedHeader = "document,span_start,span_end,text,reason,sentence\n";

  static void write_unresolved_rows(std::ostream& out, const std::vector<UnresolvedMention>& rows) {
    for (const auto& u : rows) {
      out << csv_field(u.document) << ',' << u.begin << ',' << u.end << ',' << csv_field(u.text) << ','
          << csv_field(u.reason) << ',' << csv_field(u.sentence) << '\n';
    }
  }

  void write_unresolved(const std::vector<UnresolvedMention>& rows) const {
    AtomicFile file(unresolved_);
    file.stream() << kUnresolvedHeader;
    write_unresolved_rows(file.stream(), rows);
    file.commit();
  }

  const CommonOptions& common_;
  std::vector<std::string> reports_;
  std::vector<std::string> inputs_;
  CorpusColumns columns_;
  std::string input_format_;
  std::string rejected_;
  int threads_ = 0;
  std::string output_;
  std::string date_;
  std::string unresolved_;
  std::string lexicons_;
};

}  // namespace

std::unique_ptr<Command> make_extract_command(const CommonOptions& common) {
  return std::make_unique<ExtractCommand>(common);
}

}  // namespace conflictmap::cli
