#pragma once
// Vector tiles (Mapbox Vector Tiles) of event points, control zones and fronts through GDAL's MVT driver:
// one tile layer per source, into a folder of .pbf files, an MBTiles file (GDAL's own, gzip-compressed
// tiles) or a PMTiles archive (packed from the folder, uncompressed tiles).
#include <filesystem>
#include <string>
#include <vector>

#include "tiles/tile_pyramid.hpp"

namespace conflictmap {

struct VectorTileSummary {
  std::size_t layers = 0, features = 0, tiles = 0;
  std::size_t skipped = 0;  // features without a geometry
};

// Each source (any OGR vector source) becomes a layer named after its file stem. Throws std::runtime_error
// naming the source on failure; the output appears whole or not at all.
VectorTileSummary write_vector_tiles(const std::vector<std::string>& sources, ZoomRange zooms,
                                     const std::filesystem::path& output, const std::string& name);

}  // namespace conflictmap
