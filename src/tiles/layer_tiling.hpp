#pragma once
// Renders one layer GeoTIFF into a tile set (folder, MBTiles or PMTiles): the work `tiles` and `web` share.
#include <filesystem>
#include <string>

#include "tiles/raster_tile_renderer.hpp"
#include "tiles/tile_pyramid.hpp"

namespace conflictmap {

struct LayerTiling {
  std::string name;
  std::filesystem::path target;
  ZoomRange zooms;
  Shard shard;
  std::size_t all = 0, mine = 0, already = 0, rendered = 0, stored = 0;
  LayerFootprint footprint;
  std::string summary() const;
};

// Threads render batches; batches are stored in pyramid order, so the output does not depend on the
// thread count. Tiles the target already holds are skipped (resume).
LayerTiling tile_layer(const std::string& layer, const std::filesystem::path& target, ZoomRange zooms, Shard shard,
                       TileEncoding encoding, unsigned threads, const std::string& attribution);

}  // namespace conflictmap
