// `conflictmap density`: a strike-density surface (Float32 COG), its isobands (GeoJSON) and QGIS styles.
#include "cli/density_command.hpp"
#include "cli/gazetteer_loader.hpp"
#include "cli/numeric_option.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <optional>
#include <future>

#include "cli/date_option.hpp"
#include "cli/process_exit.hpp"
#include "core/parallel.hpp"
#include "io/stage_timer.hpp"
#include "layers/density_layer.hpp"
#include "layers/layer_setup.hpp"
#include "layers/strike_selection.hpp"

namespace conflictmap::cli {

namespace {

class DensityCommand : public Command {
 public:
  explicit DensityCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("density", "Strike density: a Float32 Cloud-Optimized GeoTIFF in strikes/km², "
                                                 "its isobands as GeoJSON, and a QGIS style for each");
    app->add_option("events", sources_, "Events: any file extract or ingest wrote (.geojson, .csv, .gpkg) or any OGR "
                                        "source with the same fields (\"PG:dbname=…\")")->required();
    app->add_option("-o,--output", output_, "The density GeoTIFF (.tif); STEM.qml, STEM_isobands.geojson and "
                                            "STEM_isobands.qml are written beside it")->required();
    auto* isobands_path = app->add_option("--isobands", isobands_, "Where to write the isobands instead (GeoJSON, RFC 7946)");
    app->add_flag("--no-isobands", no_isobands_, "Write the density GeoTIFF and its style only, without isobands "
                                                 "(for series of rasters, where the polygons would go unused)")
        ->excludes(isobands_path);
    app->add_option("--layer", layer_, "The layer of a multi-layer events source");
    app->add_option("--kernel", kernel_, "Kernel shape: quartic (QGIS Heatmap's, the default), triangular, "
                                         "epanechnikov, uniform, or gaussian (σ = bandwidth, cut at 4σ)")
        ->capture_default_str();
    app->add_option("--bandwidth", bandwidth_, "Kernel radius in metres")->check(finite_number(0, 1e6, true))->capture_default_str();
    app->add_option("--pixel-size", pixel_, "Cell size in metres; the grid snaps to multiples of it")->check(finite_number(1, 1e6))->capture_default_str();
    app->add_option("--types", types_, "Sub-event types to count, comma-separated: air, shelling, explosive, suicide, "
                                       "or ACLED names")->delimiter(',')->capture_default_str();
    app->add_option("--actor", actors_, "Count only events whose actor1 is this canonical actor (repeatable)");
    app->add_option("--from", from_, "First day counted, YYYY-MM-DD (undated events are then left out)");
    app->add_option("--to", to_, "Last day counted, YYYY-MM-DD");
    app->add_option("--as-of", as_of_, "Leave out later events; the time decay counts back from this day");
    app->add_option("--half-life", half_life_, "Halve an event's weight every this many days before --as-of (0: no decay)")->check(finite_number(0, 1e6));
    app->add_option("--fatality-weight", fatality_weight_, "Add this much weight per reported fatality")->check(finite_number(0, 1e6))->capture_default_str();
    app->add_option("--near-radius", near_radius_, "Extra spread, in metres, for precision-2 places (near a place)")
        ->check(finite_number(0, 1e6))
        ->capture_default_str();
    app->add_option("--region-radius", region_radius_, "Extra spread, in metres, for precision-3 places without a "
                                                       "known area (admin units use their own area)")
        ->check(finite_number(0, 1e6))
        ->capture_default_str();
    app->add_option("--extent", extent_, "Grid extent: country (the gazetteer's country plus the bandwidth, so runs "
                                         "align) or events (the selected events plus their reach)")
        ->check(CLI::IsMember({"country", "events"}))->capture_default_str();
    app->add_option("--bounds", bounds_, "Exact grid bounds xmin,ymin,xmax,ymax in the CRS (metres), instead of "
                                         "--extent; the grid is then not snapped (to match another tool's grid)")
        ->delimiter(',')->expected(4);
    app->add_option("--levels", levels_, "Isoband thresholds in strikes/km², comma-separated (default: 1-2-5 steps "
                                         "below the maximum)")
        ->delimiter(',')
        ->check(finite_number(0, 1e12, true));
    app->add_option("--isoband-tolerance", isoband_tolerance_,
                    "How far, in metres, thinning may move an isoband boundary (default: a tenth of the cell the "
                    "isobands are traced on, about bandwidth/80; 0 keeps every traced vertex). Neighbouring bands keep "
                    "sharing their boundaries")
        ->check(finite_number(0, 1e6));
    app->add_option("--crs", crs_, "Projected CRS to compute in (default: the UTM zone of the gazetteer)");
    app->add_option("--max-cells", max_cells_, "Refuse grids with more cells than this (memory guard)")
        ->check(CLI::Range(1LL, 10'000'000'000LL))
        ->capture_default_str();
    app->add_option("--compress", compress_, "The GeoTIFF's compression: zstd (the default: about twice as fast to "
                                              "write as deflate, at the same size; GDAL 2.3+ and QGIS read it) or "
                                              "deflate (for readers without Zstandard)")
        ->check(CLI::IsMember({"zstd", "deflate"}))->capture_default_str();
    app->add_option("--threads", threads_, "Threads (default: all cores)");
    return app;
  }

  int run() override {
    // the isobands and their style must not overwrite the raster or its style (nor the reverse): checked before
    // any work, so that nothing is written
    if (!isobands_.empty()) {
      const auto tif = std::filesystem::weakly_canonical(output_);
      const auto bands = std::filesystem::weakly_canonical(isobands_);
      const auto style_of = [](std::filesystem::path p) { return p.replace_extension(".qml"); };
      if (bands == tif || style_of(bands) == style_of(tif) || bands == style_of(tif)) {
        throw CLI::ValidationError("--isobands", "'" + isobands_ + "' would overwrite the density raster '" + output_ +
                                                     "' or its style: give the isobands another name");
      }
    }
    if (!(bandwidth_ > 0)) throw CLI::ValidationError("--bandwidth", "must be greater than 0 metres");
    if (!(pixel_ > 0)) throw CLI::ValidationError("--pixel-size", "must be greater than 0 metres");
    const auto shape = parse_kernel_shape(kernel_);
    if (!shape) throw CLI::ValidationError("--kernel", "'" + kernel_ + "' is not one of quartic, triangular, epanechnikov, uniform, gaussian");
    StrikeSelection selection;
    selection.types.clear();
    for (const auto& type : types_) {
      auto parsed = strike_type_named(type);
      if (!parsed) throw CLI::ValidationError("--types", "'" + type + "' is not a sub-event type");
      selection.types.insert(*parsed);
    }
    selection.actors.insert(actors_.begin(), actors_.end());
    selection.from = date_option(from_, "--from");
    selection.to = date_option(to_, "--to");
    selection.as_of = date_option(as_of_, "--as-of");
    if (isoband_tolerance_ && !(*isoband_tolerance_ >= 0)) {
      throw CLI::ValidationError("--isoband-tolerance", "must be 0 or more metres");
    }
    if (half_life_ < 0) throw CLI::ValidationError("--half-life", "must be 0 or more days");
    if (half_life_ > 0 && !selection.as_of) throw CLI::ValidationError("--half-life", "needs --as-of, the day decay counts back from");
    selection.half_life_days = half_life_;
    selection.fatality_weight = fatality_weight_;
    selection.bandwidth_m = bandwidth_;
    selection.near_radius_m = near_radius_;
    selection.region_radius_m = region_radius_;
    if (std::filesystem::path(output_).extension() != ".tif" && std::filesystem::path(output_).extension() != ".tiff") {
      throw CLI::ValidationError("--output", "the density layer is a GeoTIFF: name it .tif");
    }

    StageTimer timer("density");
    // The gazetteer and the country load while the events are read: neither needs the other. The setup is made
    // on this thread, which writes the COG at the end: GDAL gives each thread its own PROJ context, and this one
    // then already holds the layer's CRS, which spares the writer 10-20 ms of database lookups.
    auto pending_events = std::async(std::launch::async, [&] { return read_event_sources(sources_, layer_); });
    std::unique_ptr<LayerSetup> setup;
    std::exception_ptr setup_error;
    try {
      setup = prepare_layer_setup(selected_gazetteer_folder(common_.gazetteer), crs_);
    } catch (...) {
      setup_error = std::current_exception();
    }
    timer.stage("gazetteer and country");
    const auto events = pending_events.get();  // a bad events file is reported before a bad gazetteer
    if (setup_error) std::rethrow_exception(setup_error);
    timer.stage("read events (after the gazetteer)");
    DensityRequest request;
    request.selection = selection;
    request.shape = *shape;
    request.pixel_m = pixel_;
    request.extent_of_events = extent_ == "events";
    if (!bounds_.empty()) {
      if (!(bounds_[2] > bounds_[0] && bounds_[3] > bounds_[1])) {
        throw CLI::ValidationError("--bounds", "xmax and ymax must exceed xmin and ymin");
      }
      request.bounds = Bounds{bounds_[0], bounds_[1], bounds_[2], bounds_[3]};
    }
    request.max_cells = max_cells_;
    request.threads = threads_ > 0 ? unsigned(threads_) : available_cores();
    const DensityLayer layer = compute_density(*setup, events, request, sources_.front());
    timer.stage("select, project and kernel density");

    DensityOutputs outputs;
    outputs.raster = output_;
    if (!no_isobands_) {
      outputs.isobands = isobands_.empty() ? sibling_path(output_, "_isobands", ".geojson") : std::filesystem::path(isobands_);
    }
    outputs.levels.assign(levels_.begin(), levels_.end());
    outputs.isoband_tolerance = isoband_tolerance_;
    outputs.compression = compress_ == "deflate" ? Compression::Deflate : Compression::Zstd;
    outputs.description = {
        {"EXTENT", bounds_.empty() ? extent_ : "bounds"},
        {"TYPES", join(types_)},
        {"ACTORS", join(actors_)},
        {"FROM", from_},
        {"TO", to_},
        {"AS_OF", as_of_},
        {"SOURCES", join(sources_)},
    };
    const DensityWritten written = write_density_layer(layer, request, outputs);
    timer.stage("write COG, isobands and styles");
    const std::string tif = output_;
    const std::string listed = no_isobands_ ? fmt::format("{} and its .qml style", tif)
                                            : fmt::format("{}, {} ({} isobands, {} of {} traced vertices kept) and "
                                                          "their .qml styles",
                                                          tif, outputs.isobands->string(), written.isobands,
                                                          written.vertices_kept, written.vertices_traced);
    std::cerr << fmt::format("density: {}\ndensity: {}×{} cells of {} m in {}; maximum {:.4g} {}; mass on the grid {:.6g} "
                             "of {:.6g}\ndensity: wrote {}\n",
                             layer.selection_summary, layer.grid.width, layer.grid.height, pixel_, setup->crs,
                             layer.maximum, kDensityUnit, layer.mass, layer.total_weight, listed);
    exit_without_teardown(0);
  }

 private:
  static std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
  }

  const CommonOptions& common_;
  std::vector<std::string> sources_;
  std::string compress_ = "zstd";
  bool no_isobands_ = false;
  std::string output_, isobands_, layer_, kernel_ = "quartic", from_, to_, as_of_, extent_ = "country", crs_;
  std::vector<std::string> types_{"air", "shelling"};
  std::vector<std::string> actors_;
  std::vector<double> levels_, bounds_;
  std::optional<double> isoband_tolerance_;
  double bandwidth_ = 10000, pixel_ = 500, half_life_ = 0, fatality_weight_ = 0, near_radius_ = 5000,
         region_radius_ = 25000;
  long long max_cells_ = 100'000'000;
  int threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_density_command(const CommonOptions& common) {
  return std::make_unique<DensityCommand>(common);
}

}  // namespace conflictmap::cli
