#include "tiles/layer_tiling.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <optional>

#include "core/parallel.hpp"
#include "io/progress_bar.hpp"
#include "tiles/tile_sinks.hpp"

namespace conflictmap {

namespace {

std::size_t render_into(const std::string& layer, const LayerFootprint& footprint, const std::vector<TileAddress>& tiles,
                        TileSink& sink, TileEncoding encoding, unsigned threads, ProgressBar& progress) {
  std::vector<std::unique_ptr<RasterTileRenderer>> renderers;
  for (unsigned t = 0; t < threads; ++t) renderers.push_back(std::make_unique<RasterTileRenderer>(layer, &footprint));
  constexpr std::size_t kBatch = 256;
  std::size_t stored = 0;
  // A batch is stored while the next one renders: writing a tile (a file created, or a row inserted) costs the
  // system as much as rendering it, and batches keep their order, so the containers' bytes do not change.
  std::future<std::size_t> storing;
  for (std::size_t begin = 0; begin < tiles.size(); begin += kBatch) {
    const std::size_t end = std::min(tiles.size(), begin + kBatch);
    std::vector<std::optional<std::string>> rendered(end - begin);
    run_on_threads(threads, [&](unsigned t) {
      for (std::size_t i = begin + t; i < end; i += threads) rendered[i - begin] = renderers[t]->render(tiles[i], encoding);
    });
    if (storing.valid()) {
      stored += storing.get();
      progress.advance(begin);
    }
    storing = std::async(std::launch::async, [&sink, &tiles, begin, batch = std::move(rendered)] {
      std::size_t count = 0;
      for (std::size_t i = 0; i < batch.size(); ++i) {
        if (!batch[i]) continue;
        sink.put(tiles[begin + i], *batch[i]);
        ++count;
      }
      return count;
    });
  }
  if (storing.valid()) stored += storing.get();
  progress.advance(tiles.size());
  return stored;
}

}  // namespace

std::string LayerTiling::summary() const {
  return fmt::format("tiles: {}: {} tiles in z{}–{}{}, {} already done, {} rendered, {} stored ({} empty skipped) → {}",
                     name, mine, zooms.min, zooms.max,
                     shard.count > 1 ? fmt::format(" (shard {}/{} of {})", shard.index, shard.count, all) : "", already,
                     rendered, stored, rendered - stored, target.string());
}

LayerTiling tile_layer(const std::string& layer, const std::filesystem::path& target, ZoomRange zooms, Shard shard,
                       TileEncoding encoding, unsigned threads, const std::string& attribution) {
  LayerTiling result;
  result.name = std::filesystem::path(layer).stem().string();
  result.target = target;
  result.zooms = zooms;
  result.shard = shard;
  RasterTileRenderer probe(layer);
  result.footprint = probe.footprint();
  const auto all = result.footprint.empty ? std::vector<TileAddress>{} : tiles_covering(result.footprint.bounds, zooms);
  const auto mine = shard_of(all, shard);
  const std::string extension = encoding == TileEncoding::Webp ? "webp" : "png";
  auto sink = open_tile_sink(target, extension);
  std::vector<TileAddress> pending;
  for (const auto& tile : mine) {
    if (!sink->has(tile)) pending.push_back(tile);
  }
  ProgressBar progress("tiles " + result.name, pending.size());
  result.stored = render_into(layer, result.footprint, pending, *sink, encoding, threads, progress);
  result.all = all.size();
  result.mine = mine.size();
  result.already = mine.size() - pending.size();
  result.rendered = pending.size();
  TileSetInfo info;
  info.name = result.name;
  info.description = "conflictmap " + result.footprint.kind + " layer " + result.name;
  info.attribution = attribution;
  info.format = extension;
  info.min_zoom = zooms.min;
  info.max_zoom = zooms.max;
  // 7 decimals (1 cm) survive every container's text and integer encodings unchanged
  auto round7 = [](double degrees) { return std::round(degrees * 1e7) / 1e7; };
  info.lon_min = round7(result.footprint.lon_min);
  info.lat_min = round7(result.footprint.lat_min);
  info.lon_max = round7(result.footprint.lon_max);
  info.lat_max = round7(result.footprint.lat_max);
  sink->finish(info);
  return result;
}

}  // namespace conflictmap
