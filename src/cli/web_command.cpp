// `conflictmap web`: a self-contained folder for any static web host: the viewer (MapLibre GL JS and
// PMTiles, no CDN), tiles of the density layer and of every control snapshot, the events with their source
// sentences, the zones and front lines, and the gazetteer's admin boundaries as the offline basemap.
#include "cli/web_command.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/parallel.hpp"
#include "events/event_reader.hpp"
#include "events/event_writer.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "io/atomic_file.hpp"
#include "io/data_location.hpp"
#include "layers/density_ramp.hpp"
#include "layers/layer_legend.hpp"
#include "layers/layer_setup.hpp"
#include "tiles/layer_tiling.hpp"

namespace conflictmap::cli {

namespace {

namespace fs = std::filesystem;

fs::path viewer_folder() {
  if (const char* env = std::getenv("CONFLICTMAP_VIEWER")) return env;
  return data_path("tiles");
}

struct Snapshot {
  std::string as_of;
  fs::path raster, zones, fronts;
};

// The control snapshots a path names: a _snapshots.json index, or one control GeoTIFF.
std::vector<Snapshot> snapshots_from(const fs::path& path) {
  std::vector<Snapshot> snapshots;
  if (path.extension() == ".json") {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path.string() + ": cannot read the snapshot index");
    nlohmann::json index;
    try {
      index = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& error) {
      throw std::runtime_error(path.string() + ": not a snapshot index: " + error.what());
    }
    for (const auto& entry : index) {
      const fs::path folder = path.parent_path();
      snapshots.push_back({entry.at("as_of").get<std::string>(), folder / entry.at("raster").get<std::string>(),
                           folder / entry.at("zones").get<std::string>(), folder / entry.at("fronts").get<std::string>()});
    }
  } else {
    const fs::path folder = path.parent_path(), stem = path.stem();
    snapshots.push_back({read_layer_legend(path.string()).as_of, path, folder / (stem.string() + "_zones.geojson"),
                         folder / (stem.string() + "_fronts.geojson")});
  }
  for (const auto& s : snapshots) {
    if (!fs::exists(s.raster)) throw std::runtime_error(s.raster.string() + ": no such control layer");
  }
  return snapshots;
}

void copy_into(const fs::path& from, const fs::path& to) {
  if (!fs::exists(from)) throw std::runtime_error(from.string() + ": missing (the viewer needs it; run `npm ci` in tiles/ — "
                                                  "scripts/setup.sh --with-viewer does)");
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

class WebCommand : public Command {
 public:
  explicit WebCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("web", "A self-contained web map folder (viewer, tiles, events, zones, boundaries) "
                                             "for any static host or `conflictmap serve`");
    app->add_option("-o,--output", output_, "The folder to write (replaced whole when the run succeeds)")->required();
    app->add_option("--density", density_, "A density GeoTIFF from `conflictmap density`");
    app->add_option("--control", control_, "A control GeoTIFF, or the STEM_snapshots.json of a series, from "
                                           "`conflictmap control` (zones and fronts beside them are included); "
                                           "repeat it to put several runs on one date slider");
    app->add_option("--events", events_, "Events to show as points with popups (any file extract or ingest wrote)");
    app->add_option("-z,--zoom", zoom_, "Tile zoom levels MIN-MAX")->capture_default_str();
    app->add_option("--title", title_, "The page title")->capture_default_str();
    app->add_option("--threads", threads_, "Rendering threads (default: all cores)");
    return app;
  }

  int run() override {
    if (density_.empty() && control_.empty() && events_.empty()) {
      throw CLI::ValidationError("--density", "give at least one of --density, --control, --events");
    }
    ZoomRange zooms;
    try {
      zooms = parse_zoom_range(zoom_);
    } catch (const std::invalid_argument& error) {
      throw CLI::ValidationError("--zoom", error.what());
    }
    if (!density_.empty() && !fs::exists(density_)) throw std::runtime_error(density_ + ": no such density layer");
    std::vector<Snapshot> snapshots;
    for (const auto& control : control_) {
      if (!fs::exists(control)) throw std::runtime_error(control + ": no such control layer");
      for (auto& s : snapshots_from(control)) snapshots.push_back(std::move(s));
    }
    std::stable_sort(snapshots.begin(), snapshots.end(), [](const Snapshot& a, const Snapshot& b) { return a.as_of < b.as_of; });
    const std::vector<Event> events = events_.empty() ? std::vector<Event>{} : read_events(events_);
    const fs::path site = output_;
    require_writable_folder_for(site);
    const fs::path partial = site.parent_path() / ("." + site.filename().string() + ".partial");
    fs::remove_all(partial);
    fs::create_directories(partial / "tiles");
    fs::create_directories(partial / "data");
    const unsigned threads = threads_ > 0 ? unsigned(threads_) : available_cores();

    const fs::path viewer = viewer_folder();
    for (const char* file : {"index.html", "viewer.js", "viewer.css"}) copy_into(viewer / "viewer" / file, partial / file);
    copy_into(viewer / "node_modules/maplibre-gl/dist/maplibre-gl.js", partial / "lib/maplibre-gl.js");
    copy_into(viewer / "node_modules/maplibre-gl/dist/maplibre-gl.css", partial / "lib/maplibre-gl.css");
    copy_into(viewer / "node_modules/pmtiles/dist/pmtiles.js", partial / "lib/pmtiles.js");
    copy_into(viewer / "node_modules/maplibre-gl/LICENSE.txt", partial / "lib/MAPLIBRE-LICENSE.txt");
    copy_into(viewer / "node_modules/pmtiles/package.json", partial / "lib/PMTILES-package.json");  // its licence

    nlohmann::ordered_json config;
    config["title"] = title_;
    config["attribution"] = "Made with conflictmap. Boundaries: UN OCHA (CC BY-IGO). Control baseline, where used: "
                            "Wikipedia contributors (CC BY-SA 4.0).";
    double west = 180, south = 90, east = -180, north = -90;
    auto extend = [&](const LayerFootprint& f) {
      west = std::min(west, f.lon_min);
      south = std::min(south, f.lat_min);
      east = std::max(east, f.lon_max);
      north = std::max(north, f.lat_max);
    };
    if (!density_.empty()) {
      const auto tiling = tile_layer(density_, partial / "tiles/density.pmtiles", zooms, {}, TileEncoding::Png, threads, "");
      std::cerr << tiling.summary() << '\n';
      extend(tiling.footprint);
      const LayerLegend legend = read_layer_legend(density_);
      nlohmann::ordered_json ramp = nlohmann::ordered_json::array();
      for (const auto& stop : density_ramp()) ramp.push_back({{"fraction", stop.fraction}, {"rgba", stop.rgba}});
      config["density"] = {{"tiles", "tiles/density.pmtiles"}, {"unit", legend.unit}, {"maximum", legend.maximum}, {"ramp", ramp}};
    }
    if (!snapshots.empty()) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < snapshots.size(); ++i) {
        const auto& s = snapshots[i];
        const std::string name = fmt::format("control_{}", i);
        const auto tiling = tile_layer(s.raster.string(), partial / "tiles" / (name + ".pmtiles"), zooms, {}, TileEncoding::Png,
                                       threads, "");
        std::cerr << tiling.summary() << '\n';
        extend(tiling.footprint);
        nlohmann::ordered_json entry = {{"as_of", s.as_of}, {"tiles", "tiles/" + name + ".pmtiles"}};
        if (fs::exists(s.zones)) {
          fs::copy_file(s.zones, partial / "data" / (name + "_zones.geojson"));
          entry["zones"] = "data/" + name + "_zones.geojson";
        }
        if (fs::exists(s.fronts)) {
          fs::copy_file(s.fronts, partial / "data" / (name + "_fronts.geojson"));
          entry["fronts"] = "data/" + name + "_fronts.geojson";
        }
        list.push_back(entry);
      }
      nlohmann::ordered_json categories = nlohmann::ordered_json::array();
      for (const auto& c : read_layer_legend(snapshots.front().raster.string()).categories) {
        categories.push_back({{"value", c.value}, {"label", c.label}, {"colour", c.colour}});
      }
      config["control"] = {{"snapshots", list}, {"categories", categories}};
    }
    if (!events.empty()) {
      write_events(events, partial / "data/events.geojson");
      config["events"] = "data/events.geojson";
      for (const auto& e : events) {
        if (!e.place.has_point()) continue;
        LayerFootprint point;
        point.lon_min = point.lon_max = e.place.point.lon;
        point.lat_min = point.lat_max = e.place.point.lat;
        extend(point);
      }
    }
    const fs::path gazetteer = common_.gazetteer.empty() ? default_gazetteer_folder() : fs::path(common_.gazetteer);
    if (export_simplified_geojson((gazetteer / "admin.gpkg").string(), "admin1", (partial / "data/boundaries.geojson").string(),
                                  0.002)) {
      config["boundaries"] = "data/boundaries.geojson";
    } else {
      config["boundaries"] = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
    }
    config["bounds"] = {west, south, east, north};
    config["online_basemap"] = {{"tiles", {"https://tile.openstreetmap.org/{z}/{x}/{y}.png"}},
                                {"attribution", "© OpenStreetMap contributors"}};
    std::ofstream(partial / "config.json") << config.dump(2) << '\n';

    fs::remove_all(site);
    fs::rename(partial, site);
    std::cerr << fmt::format("web: wrote {} ({} control snapshots, {} events{}); serve it with: conflictmap serve {}\n",
                             site.string(), snapshots.size(), events.size(), density_.empty() ? "" : ", density",
                             site.string());
    return 0;
  }

 private:
  const CommonOptions& common_;
  std::string output_, density_, events_, zoom_ = "5-11", title_ = "conflictmap";
  std::vector<std::string> control_;
  int threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_web_command(const CommonOptions& common) { return std::make_unique<WebCommand>(common); }

}  // namespace conflictmap::cli
