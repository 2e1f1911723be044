// `conflictmap extract`: field reports in English or Arabic to located, dated, typed events.
#include "cli/extract_command.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/date_option.hpp"
#include "cli/gazetteer_loader.hpp"
#include "core/event.hpp"
#include "events/event_extractor.hpp"
#include "events/event_writer.hpp"
#include "events/lexicon.hpp"
#include "events/report_document.hpp"
#include "io/atomic_file.hpp"
#include "io/delimited_table.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap::cli {

namespace {

class ExtractCommand : public Command {
 public:
  explicit ExtractCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("extract", "Extract located, dated, typed events from field reports (English or Arabic)");
    app->add_option("reports", reports_, "Report text files (UTF-8)")->required()->check(CLI::ExistingFile);
    app->add_option("-o,--output", output_, "Events file: .geojson (RFC 7946), .csv (ACLED-style columns) or .gpkg")
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
    const std::optional<CivilDate> date = date_option(date_, "--date");
    event_format_of(output_);  // a bad extension or a missing folder fails before any work
    require_writable_folder_for(output_);
    if (!unresolved_.empty()) require_writable_folder_for(unresolved_);
    const Lexicon lexicon = Lexicon::load(lexicons_.empty() ? default_lexicon_folder() : std::filesystem::path(lexicons_));
    // every report is read (and checked) before anything is written
    std::vector<ReportDocument> documents;
    for (const auto& path : reports_) {
      for (auto& report : read_reports(path, lexicon)) documents.push_back(std::move(report));
    }
    const Gazetteer gazetteer = load_selected_gazetteer(common_.gazetteer);
    const Resolver resolver(gazetteer);
    const EventExtractor extractor(resolver, lexicon);
    std::vector<Event> events;
    std::vector<UnresolvedMention> unresolved;
    for (const auto& doc : documents) {
      auto extracted = extractor.extract(doc, date);
      for (auto& e : extracted.events) events.push_back(std::move(e));
      for (auto& u : extracted.unresolved) unresolved.push_back(std::move(u));
    }
    if (!unresolved_.empty()) write_unresolved(unresolved);
    write_events_with_side_file(events, output_, unresolved_);
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
  void write_unresolved(const std::vector<UnresolvedMention>& rows) const {
    AtomicFile file(unresolved_);
    auto& out = file.stream();
    out << "document,span_start,span_end,text,reason,sentence\n";
    for (const auto& u : rows) {
      out << csv_field(u.document) << ',' << u.begin << ',' << u.end << ',' << csv_field(u.text) << ','
          << csv_field(u.reason) << ',' << csv_field(u.sentence) << '\n';
    }
    file.commit();
  }

  const CommonOptions& common_;
  std::vector<std::string> reports_;
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
