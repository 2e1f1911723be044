// `conflictmap control`: control zones on one or more dates, as a categorical COG, zone polygons, front
// lines and QGIS styles.
#include "cli/control_command.hpp"
#include "cli/gazetteer_loader.hpp"
#include "cli/numeric_option.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cli/date_option.hpp"
#include "cli/process_exit.hpp"
#include "io/atomic_file.hpp"
#include "io/cloud_optimized_geotiff.hpp"
#include "io/data_location.hpp"
#include "io/delimited_table.hpp"
#include "io/geojson_layer.hpp"
#include "layers/control_baseline.hpp"
#include "layers/control_inputs.hpp"
#include "layers/control_zones.hpp"
#include "layers/date_series.hpp"
#include "layers/layer_setup.hpp"
#include "layers/qgis_style.hpp"
#include "layers/rasterize.hpp"

namespace conflictmap::cli {

namespace {

std::filesystem::path default_palette() {
  if (const char* env = std::getenv("CONFLICTMAP_STYLES")) return std::filesystem::path(env) / "controllers.tsv";
  return data_path("gazetteer/styles/controllers.tsv");
}

struct SnapshotFiles {
  std::filesystem::path raster, zones, fronts;
};

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
    const std::string palette_path = palette_.empty() ? default_palette().string() : palette_;
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

    require_grid_within(setup->country_bounds, pixel_, max_cells_);
    const RasterGrid grid = RasterGrid::snapped(setup->country_bounds, pixel_, setup->crs);
    StagedOutputs outputs;
    nlohmann::ordered_json index = nlohmann::ordered_json::array();
    for (const CivilDate& date : dates) {
      const std::string suffix = dates.size() > 1 ? "_" + date.iso() : "";
      const SnapshotFiles files{sibling_path(output, suffix, output.extension().string()),
                                sibling_path(output, suffix + "_zones", ".geojson"),
                                sibling_path(output, suffix + "_fronts", ".geojson")};
      write_snapshot(*setup, palette, inputs, date, grid, files, outputs);
      index.push_back({{"as_of", date.iso()},
                       {"raster", files.raster.filename().string()},
                       {"zones", files.zones.filename().string()},
                       {"fronts", files.fronts.filename().string()}});
    }
    if (dates.size() > 1) {
      const auto manifest = sibling_path(output, "_snapshots", ".json");
      write_text(outputs.stage(manifest), index.dump(2) + "\n");
    }
    outputs.commit();
    std::cerr << fmt::format("control: wrote {} snapshot{} beside {}\n", dates.size(), dates.size() > 1 ? "s" : "", output.string());
    exit_without_teardown(0);
  }

 private:
  void write_snapshot(const LayerSetup& setup, const ControllerPalette& palette, const ControlInputs& inputs,
                      const CivilDate& date, const RasterGrid& grid, const SnapshotFiles& files, StagedOutputs& outputs) const {
    ControlOptions options;
    options.as_of = date;
    options.decay_days = decay_days_;
    options.contested_days = contested_days_;
    options.undated_as_of = undated_ == "as-of";
    const ControlSnapshot snapshot = control_on(inputs.reports, options, palette.contested().value);

    std::vector<ProjectedSettlement> projected;
    for (const auto& settlement : snapshot.settlements) {
      const auto [x, y] = setup.transform->forward(settlement.point.lon, settlement.point.lat);
      projected.push_back({x, y, settlement.category});
    }
    ZoneOptions zone_options;
    zone_options.influence_m = influence_;
    zone_options.country = setup.country.get();
    zone_options.contested = palette.contested().value;
    const ControlZones zones = control_zones(setup.geos, projected, zone_options);

    std::vector<std::pair<std::vector<unsigned char>, std::uint8_t>> burn;
    GeoJsonLayer zone_layer(outputs.stage(files.zones), "control_zones", setup.crs,
                            {{"controller", FieldKind::Text}, {"label", FieldKind::Text}, {"as_of", FieldKind::Text},
                             {"settlements", FieldKind::Integer}, {"area_km2", FieldKind::Real},
                             {"event_ids", FieldKind::TextList}});
    for (const auto& zone : zones.zones) {
      const ControllerCategory* category = palette.by_value(zone.category);
      std::vector<std::string> event_ids;
      for (std::size_t i : zone.settlements) {
        for (const auto& id : snapshot.settlements[i].deciding_events) event_ids.push_back(id);
      }
      std::sort(event_ids.begin(), event_ids.end());
      event_ids.erase(std::unique(event_ids.begin(), event_ids.end()), event_ids.end());
      double area = 0;
      GEOSArea_r(setup.geos.handle(), zone.area.get(), &area);
      auto wkb = geometry_to_wkb(setup.geos, zone.area.get());
      zone_layer.add(wkb, {category->code, category->label, date.iso(), (long long)zone.settlements.size(),
                           std::round(area / 1e4) / 100, event_ids});
      burn.emplace_back(std::move(wkb), zone.category);
    }
    zone_layer.close();

    GeoJsonLayer front_layer(outputs.stage(files.fronts), "front_lines", setup.crs,
                             {{"controller_a", FieldKind::Text}, {"controller_b", FieldKind::Text},
                              {"as_of", FieldKind::Text}, {"length_km", FieldKind::Real}});
    for (const auto& front : zones.fronts) {
      double length = 0;
      GEOSLength_r(setup.geos.handle(), front.line.get(), &length);
      front_layer.add(geometry_to_wkb(setup.geos, front.line.get()),
                      {palette.by_value(front.category_a)->code, palette.by_value(front.category_b)->code, date.iso(),
                       std::round(length / 10) / 100});
    }
    front_layer.close();

    const auto cells = rasterize_categories(grid, burn, ControllerPalette::kUnknown);
    std::vector<RasterCategory> categories;
    for (const auto& category : palette.categories()) categories.push_back({category.value, category.label, category.rgba});
    const RasterMetadata metadata{
        {"CONFLICTMAP_LAYER", "control zones"},
        {"AS_OF", date.iso()},
        {"DECAY_DAYS", std::to_string(decay_days_)},
        {"CONTESTED_DAYS", std::to_string(contested_days_)},
        {"INFLUENCE_M", fmt::format("{}", influence_)},
        {"PIXEL_SIZE_M", fmt::format("{}", pixel_)},
        {"UNDATED", undated_},
        {"BASELINE", baseline_},
        {"SETTLEMENTS", std::to_string(snapshot.settlements.size())},
        {"CONTESTED", std::to_string(snapshot.contested)},
        {"DECAYED", std::to_string(snapshot.decayed)},
        {"CRS", setup.crs},
        {"SOFTWARE", std::string("conflictmap ") + CONFLICTMAP_VERSION},
    };
    const auto raster_temporary = outputs.stage(files.raster);
    const auto aux = write_category_cog(raster_temporary, grid, cells, ControllerPalette::kUnknown, categories, metadata);
    auto aux_target = files.raster;
    aux_target += ".aux.xml";
    outputs.stage_companion(aux, aux_target);
    write_text(outputs.stage(sibling_path(files.raster, "", ".qml")), control_raster_style(palette));
    write_text(outputs.stage(sibling_path(files.zones, "", ".qml")), control_zone_style(palette));
    write_text(outputs.stage(sibling_path(files.fronts, "", ".qml")), front_line_style());
    std::cerr << fmt::format("control {}: {} settlements ({} contested, {} decayed, {} undated reports skipped), {} zones, "
                             "{} front lines\n",
                             date.iso(), snapshot.settlements.size(), snapshot.contested, snapshot.decayed,
                             snapshot.undated_skipped, zones.zones.size(), zones.fronts.size());
  }

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
