// `conflictmap control`: control zones on one or more dates, as a categorical COG, zone polygons, front
// lines and QGIS styles.
#include "cli/control_command.hpp"
#include "cli/gazetteer_loader.hpp"
#include "cli/numeric_option.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/date_option.hpp"
#include "cli/process_exit.hpp"
#include "io/delimited_table.hpp"
#include "layers/control_baseline.hpp"
#include "layers/control_inputs.hpp"
#include "layers/control_layer.hpp"
#include "layers/date_series.hpp"
#include "layers/layer_setup.hpp"

namespace conflictmap::cli {

namespace {

class ControlCommand : public Command {
 public:
  explicit ControlCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("control", "Control zones on a date: a categorical Cloud-Optimized GeoTIFF, zone "
                                                 "polygons and front lines as GeoJSON, and a QGIS style for each");
    app->add_option("events", sources_, "Events: any file extract or ingest wrote, or any OGR source with the same "
                                        "fields; optional with --baseline");
    app->add_option("--as-of", as_of_, "The date: YYYY-MM-DD, a list D1,D2,…, or a range FROM..TO/STEP (step in d, w, "
                                       "m or y, e.g. 2017-01-01..2017-12-01/1m), one snapshot per date")->required();
    app->add_option("-o,--output", output_, "The control GeoTIFF (.tif); STEM.qml, STEM_zones.geojson, "
                                            "STEM_fronts.geojson and their .qml are written beside it. With several "
                                            "dates each file gets _YYYY-MM-DD and STEM_snapshots.json lists them")->required();
    app->add_option("--baseline", baseline_, "Who held what at a start date: a CSV (controller, and place_id or "
                                             "latitude/longitude; optional name, date) or polygons with a controller field");
    app->add_option("--baseline-date", baseline_date_, "The date of baseline rows that give none");
    app->add_option("--decay-days", decay_days_, "A controller becomes unknown after this many days without a report "
                                                 "(0: never)")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    app->add_option("--contested-days", contested_days_, "A settlement is contested when clashes were reported there, "
                                                         "or sources disagreed, within this many days")
        ->check(CLI::Range(0, 100000))
        ->capture_default_str();
    app->add_option("--influence", influence_, "How far, in metres, a settlement's control reaches (0: to the nearest "
                                               "other settlement, however far)")
        ->check(finite_number(0, 1e6))
        ->capture_default_str();
    app->add_option("--pixel-size", pixel_, "Cell size of the raster in metres")
        ->check(finite_number(1, 1e6))
        ->capture_default_str();
    app->add_option("--max-cells", max_cells_, "Refuse grids with more cells than this (memory guard)")
        ->check(CLI::Range(1LL, 10'000'000'000LL))
        ->capture_default_str();
    app->add_option("--undated", undated_, "Undated events: skip them, or count them as reported on the as-of date")
        ->check(CLI::IsMember({"skip", "as-of"}))->capture_default_str();
    app->add_option("--palette", palette_, "Controller categories and colours (default: gazetteer/styles/controllers.tsv)");
    app->add_option("--layer", layer_, "The layer of a multi-layer events source");
    app->add_option("--crs", crs_, "Projected CRS to compute in (default: the UTM zone of the gazetteer)");
    return app;
  }

  int run() override {
    if (sources_.empty() && baseline_.empty()) {
      throw CLI::ValidationError("events", "give events, a --baseline, or both");
    }
    std::vector<CivilDate> dates;
    try {
      dates = parse_date_series(as_of_);
    } catch (const std::invalid_argument& error) {
      throw CLI::ValidationError("--as-of", error.what());
    }
    const std::optional<CivilDate> baseline_date = date_option(baseline_date_, "--baseline-date");
    if (decay_days_ < 0 || contested_days_ < 0) throw CLI::ValidationError("--decay-days", "days cannot be negative");
    if (influence_ < 0) throw CLI::ValidationError("--influence", "cannot be negative");
    if (!(pixel_ > 0)) throw CLI::ValidationError("--pixel-size", "must be greater than 0 metres");
    const std::filesystem::path output = output_;
    if (output.extension() != ".tif" && output.extension() != ".tiff") {
      throw CLI::ValidationError("--output", "the control layer is a GeoTIFF: name it .tif");
    }
    const std::string palette_path = palette_.empty() ? default_controller_palette().string() : palette_;
    const ControllerPalette palette = ControllerPalette::parse(read_text_file(palette_path), palette_path);

    const auto events = read_event_sources(sources_, layer_);
    auto setup = prepare_layer_setup(selected_gazetteer_folder(common_.gazetteer), crs_);
    ControlInputs inputs;
    add_event_reports(events, setup->gazetteer, palette, inputs);
    if (!baseline_.empty()) {
      add_baseline_reports(read_control_baseline(baseline_), setup->gazetteer, palette, baseline_date, inputs);
    }
    if (inputs.reports.empty()) {
      throw std::runtime_error("nothing says who controls anything: " + inputs.summary());
    }
    require_inside_country(*setup, project_events(*setup, inputs.placed_events), 25000);
    std::cerr << "control: " << inputs.summary() << '\n';

    ControlRequest request;
    request.dates = dates;
    request.decay_days = decay_days_;
    request.contested_days = contested_days_;
    request.influence_m = influence_;
    request.pixel_m = pixel_;
    request.undated_as_of = undated_ == "as-of";
    request.max_cells = max_cells_;
    request.undated = undated_;
    request.baseline = baseline_;
    for (const auto& s : write_control_layers(*setup, palette, inputs, request, output)) {
      std::cerr << fmt::format("control {}: {} settlements ({} contested, {} decayed, {} undated reports skipped), {} zones, "
                               "{} front lines\n",
                               s.date.iso(), s.settlements, s.contested, s.decayed, s.undated_skipped, s.zones, s.fronts);
    }
    std::cerr << fmt::format("control: wrote {} snapshot{} beside {}\n", dates.size(), dates.size() > 1 ? "s" : "", output.string());
    exit_without_teardown(0);
  }

 private:
  const CommonOptions& common_;
  std::vector<std::string> sources_;
  std::string as_of_, output_, baseline_, baseline_date_, undated_ = "skip", palette_, layer_, crs_;
  int decay_days_ = 0, contested_days_ = 30;
  double influence_ = 15000, pixel_ = 500;
  long long max_cells_ = 100'000'000;
};

}  // namespace

std::unique_ptr<Command> make_control_command(const CommonOptions& common) {
  return std::make_unique<ControlCommand>(common);
}

}  // namespace conflictmap::cli
