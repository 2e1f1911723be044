// `conflictmap tiles`: Web Mercator raster tiles of layers into a folder, MBTiles or PMTiles; and
// `conflictmap merge-tiles`, which joins the shards of a pyramid.
#include "cli/tiles_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>

#include "core/parallel.hpp"
#include "io/atomic_file.hpp"
#include "tiles/layer_tiling.hpp"
#include "tiles/raster_tile_renderer.hpp"
#include "tiles/tile_pyramid.hpp"
#include "tiles/tile_sinks.hpp"
#include "tiles/vector_tiles.hpp"

namespace conflictmap::cli {

namespace {

namespace fs = std::filesystem;

class TilesCommand : public Command {
 public:
  explicit TilesCommand(const CommonOptions&) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("tiles", "Web Mercator raster tiles of density and control layers, in the colours "
                                               "of their QGIS styles, into a folder, MBTiles or PMTiles");
    app->add_option("layers", layers_, "Layer GeoTIFFs (from density or control, or any georeferenced raster)")->required();
    app->add_option("-z,--zoom", zoom_, "Zoom levels MIN-MAX (0–22), or one zoom")->required();
    app->add_option("-o,--output", output_, "A folder (one subfolder per layer, z/x/y files and tiles.json), "
                                            "FILE.mbtiles or FILE.pmtiles (with several layers: FILE_LAYER.ext each)")->required();
    app->add_option("--format", format_, "Tile image format")->check(CLI::IsMember({"png", "webp"}))->capture_default_str();
    app->add_option("--threads", threads_, "Rendering threads (default: all cores)");
    app->add_option("--shard", shard_, "Render only shard i of n (i/n, 0-based): shards split the pyramid the same "
                                       "way on every machine; join them with merge-tiles");
    app->add_option("--attribution", attribution_, "Attribution written into the tile set's metadata");
    return app;
  }

  int run() override {
    ZoomRange zooms;
    Shard shard;
    try {
      zooms = parse_zoom_range(zoom_);
      if (!shard_.empty()) shard = parse_shard(shard_);
    } catch (const std::invalid_argument& error) {
      throw CLI::ValidationError(shard_.empty() || std::string(error.what()).find("zoom") != std::string::npos ? "--zoom" : "--shard",
                                 error.what());
    }
    for (const auto& layer : layers_) {
      if (!fs::exists(layer)) throw std::runtime_error(layer + ": no such layer file");
    }
    const TileEncoding encoding = format_ == "webp" ? TileEncoding::Webp : TileEncoding::Png;
    const unsigned threads = threads_ > 0 ? unsigned(threads_) : available_cores();
    const fs::path output = output_;
    const TileContainer container = tile_container_of(output);
    if (container == TileContainer::Folder && !fs::exists(output)) {
      require_writable_folder_for(output);
      std::error_code error;
      fs::create_directory(output, error);
      if (error) throw std::runtime_error("cannot write " + output.string() + ": " + error.message());
    }
    for (const auto& layer : layers_) {
      const std::string stem = fs::path(layer).stem().string();
      fs::path target = output / stem;
      if (container != TileContainer::Folder) {
        target = layers_.size() == 1 ? output : output.parent_path() / (output.stem().string() + "_" + stem + output.extension().string());
      }
      const LayerTiling result = tile_layer(layer, target, zooms, shard, encoding, threads, attribution_);
      std::cerr << result.summary() << '\n';
    }
    return 0;
  }

 private:
  std::vector<std::string> layers_;
  std::string zoom_, output_, format_ = "png", shard_, attribution_;
  int threads_ = 0;
};

class MergeTilesCommand : public Command {
 public:
  explicit MergeTilesCommand(const CommonOptions&) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("merge-tiles", "Join tile sets (the shards of one pyramid) into one folder, "
                                                     "MBTiles or PMTiles");
    app->add_option("inputs", inputs_, "Tile sets: folders, .mbtiles or .pmtiles")->required();
    app->add_option("-o,--output", output_, "The joined set: a folder, FILE.mbtiles or FILE.pmtiles")->required();
    return app;
  }

  int run() override {
    std::vector<TileSetContents> sets;
    for (const auto& input : inputs_) sets.push_back(read_tile_set(input));
    TileSetInfo info = sets.front().info;
    for (std::size_t i = 1; i < sets.size(); ++i) {
      const auto& other = sets[i].info;
      if (other.format != info.format) {
        throw std::runtime_error(fmt::format("{} holds {} tiles but {} holds {}", inputs_[i], other.format, inputs_[0], info.format));
      }
      info.min_zoom = std::min(info.min_zoom, other.min_zoom);
      info.max_zoom = std::max(info.max_zoom, other.max_zoom);
      info.lon_min = std::min(info.lon_min, other.lon_min);
      info.lat_min = std::min(info.lat_min, other.lat_min);
      info.lon_max = std::max(info.lon_max, other.lon_max);
      info.lat_max = std::max(info.lat_max, other.lat_max);
    }
    auto sink = open_tile_sink(output_, info.format);
    std::size_t count = 0;
    for (std::size_t i = 0; i < sets.size(); ++i) {
      for (const auto& [tile, data] : sets[i].tiles) {
        if (sink->has(tile)) {
          throw std::runtime_error(fmt::format("{}: tile {}/{}/{} is in two inputs: shards must not overlap", inputs_[i],
                                               tile.z, tile.x, tile.y));
        }
        sink->put(tile, data);
        ++count;
      }
    }
    sink->finish(info);
    std::cerr << fmt::format("merge-tiles: {} tiles from {} sets → {}\n", count, sets.size(), output_);
    return 0;
  }

 private:
  std::vector<std::string> inputs_;
  std::string output_;
};

class VectorTilesCommand : public Command {
 public:
  explicit VectorTilesCommand(const CommonOptions&) {}

  CLI::App* attach(CLI::App& parent) override {
    auto* app = parent.add_subcommand("vector-tiles", "Mapbox Vector Tiles of events, control zones and front lines "
                                                      "(one layer per source) into a folder, MBTiles or PMTiles");
    app->add_option("sources", sources_, "Vector sources: events, _zones.geojson, _fronts.geojson, any OGR source")->required();
    app->add_option("-z,--zoom", zoom_, "Zoom levels MIN-MAX (0–22)")->required();
    app->add_option("-o,--output", output_, "A folder (z/x/y.pbf and metadata.json), FILE.mbtiles or FILE.pmtiles")->required();
    app->add_option("--name", name_, "The tile set's name")->capture_default_str();
    return app;
  }

  int run() override {
    ZoomRange zooms;
    try {
      zooms = parse_zoom_range(zoom_);
    } catch (const std::invalid_argument& error) {
      throw CLI::ValidationError("--zoom", error.what());
    }
    for (const auto& source : sources_) {
      if (!fs::exists(source) && source.find(':') == std::string::npos) throw std::runtime_error(source + ": no such source");
    }
    const auto summary = write_vector_tiles(sources_, zooms, output_, name_);
    std::cerr << fmt::format("vector-tiles: {} layers, {} features{}, z{}–{} → {}\n", summary.layers, summary.features,
                             summary.skipped ? fmt::format(" ({} without a geometry left out)", summary.skipped) : "",
                             zooms.min, zooms.max, output_);
    return 0;
  }

 private:
  std::vector<std::string> sources_;
  std::string zoom_, output_, name_ = "conflictmap";
};

}  // namespace

std::unique_ptr<Command> make_vector_tiles_command(const CommonOptions& common) {
  return std::make_unique<VectorTilesCommand>(common);
}

std::unique_ptr<Command> make_tiles_command(const CommonOptions& common) { return std::make_unique<TilesCommand>(common); }
std::unique_ptr<Command> make_merge_tiles_command(const CommonOptions& common) {
  return std::make_unique<MergeTilesCommand>(common);
}

}  // namespace conflictmap::cli
