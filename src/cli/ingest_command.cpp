// `conflictmap ingest`: event tables (ACLED, UCDP GED, any CSV or OGR source) to the same events as extract.
#include "cli/ingest_command.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/gazetteer_loader.hpp"
#include "core/parallel.hpp"
#include "events/event_writer.hpp"
#include "events/table_ingest.hpp"
#include "io/atomic_file.hpp"
#include "io/delimited_table.hpp"

namespace conflictmap::cli {

namespace {

class IngestCommand : public Command {
 public:
  explicit IngestCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("ingest", "Read an event table (ACLED, UCDP GED, CSV, GeoJSON or any OGR source) into events");
    app->add_option("source", source_, "The table: a CSV file, or for --format ogr any OGR source (a GeoJSON, a GeoPackage, \"PG:dbname=…\")")
        ->required();
    app->add_option("--format", format_,
                    "acled (ACLED's CSV export), ucdp-ged (UCDP GED CSV), csv (ACLED's column names unless mapped), "
                    "geojson/ogr (any OGR vector source; a point geometry gives the coordinates)")
        ->required();
    app->add_option("--map", maps_,
                    "field=column: read a field from another column (repeatable). Fields: event_id, event_date, "
                    "event_type, sub_event_type, actor1, actor2, admin1, admin2, admin3, location, latitude, longitude, "
                    "geo_precision, fatalities, notes, time_precision");
    app->add_option("-o,--output", output_, "Events file: .geojson, .geojsonl, .csv or .gpkg (the same fields as extract); "
                                            "written batch by batch, so memory follows a batch, not the table")->required();
    app->add_option("--rejected", rejected_, "CSV of every rejected row: source, line, field, reason");
    app->add_option("--threads", threads_, "Threads that convert and place rows (default: all cores); the output is the same for any number")
        ->check(CLI::Range(1, 1024));
    app->add_option("--lexicons", lexicons_, "Folder of the actor lexicon (actors.tsv, …) used to name actors canonically");
    return app;
  }

  int run() override {
    const auto format = parse_table_format(format_);
    if (!format) throw CLI::ValidationError("--format", "'" + format_ + "' is not acled, ucdp-ged, csv, geojson or ogr");
    ColumnMap overrides;
    for (const auto& m : maps_) {
      const auto eq = m.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
        throw CLI::ValidationError("--map", "'" + m + "' is not field=column");
      }
      overrides[m.substr(0, eq)] = m.substr(eq + 1);
    }
    const ColumnMap columns = column_map_for(*format, overrides);
    event_format_of(output_);
    require_writable_folder_for(output_);
    if (!rejected_.empty()) require_writable_folder_for(rejected_);
    const Lexicon lexicon = Lexicon::load(lexicons_.empty() ? default_lexicon_folder() : std::filesystem::path(lexicons_));
    const Gazetteer gazetteer = load_selected_gazetteer(common_.gazetteer);
    const Resolver resolver(gazetteer);
    const TableIngester ingester(resolver, lexicon);
    // Batch by batch: events and rejected rows go to their temporaries as they come, and both are put in place
    // together at the end; a failed run leaves neither.
    std::optional<EventFileWriter> events;
    std::optional<AtomicFile> rejected;
    std::size_t rejected_count = 0;
    std::vector<RejectedRow> first_rejected;
    ingester.ingest(source_, *format, columns, threads_ ? unsigned(threads_) : available_cores(), [&](IngestBatch& batch) {
      if (!events) {  // opened once the columns are known good: a bad source leaves nothing to remove
        events.emplace(output_);
        if (!rejected_.empty()) {
          rejected.emplace(rejected_);
          rejected->stream() << "source,line,field,reason\n";
        }
      }
      events->add(batch.events);
      for (auto& r : batch.rejected) {
        if (rejected) {
          rejected->stream() << csv_field(r.source) << ',' << r.line << ',' << csv_field(r.field) << ','
                             << csv_field(r.reason) << '\n';
        }
        if (first_rejected.size() < 20) first_rejected.push_back(r);
        ++rejected_count;
      }
    });
    if (!events) {  // a table without rows still gives an (empty) events file
      events.emplace(output_);
      if (!rejected_.empty()) {
        rejected.emplace(rejected_);
        rejected->stream() << "source,line,field,reason\n";
      }
    }
    if (rejected) rejected->commit();
    try {
      events->commit();
    } catch (...) {
      if (!rejected_.empty()) std::filesystem::remove(rejected_);
      throw;
    }
    std::cerr << fmt::format("ingest: {} events, {} rows rejected\n", events->written(), rejected_count);
    for (const auto& r : first_rejected) std::cerr << fmt::format("  {}:{}: field '{}': {}\n", r.source, r.line, r.field, r.reason);
    if (rejected_count > 20) std::cerr << "  … (all of them with --rejected FILE)\n";
    return 0;
  }

 private:
  const CommonOptions& common_;
  std::string source_;
  std::string format_;
  std::vector<std::string> maps_;
  std::string output_;
  std::string rejected_;
  std::string lexicons_;
  int threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_ingest_command(const CommonOptions& common) {
  return std::make_unique<IngestCommand>(common);
}

}  // namespace conflictmap::cli
