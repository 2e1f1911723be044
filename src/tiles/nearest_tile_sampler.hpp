#pragma once
// Nearest-neighbour tiles of a Byte raster (category codes, or RGB/RGBA bands), sampled here rather than
// through GDAL's warper: the warper's general machinery (per-pixel masks, chunking, a transformer call per
// row) cost several times the sampling itself on the thousands of small tiles of a pyramid. The pixels are
// read through GDAL; only the lookup is ours. Each tile's pixel centres are mapped to the source through a
// 17×17 grid of exact transforms with bilinear interpolation in between, and checked against exact transforms
// at the cells' centres: a tile where the interpolation strays more than 1/8 pixel (as gdalwarp allows) is
// declined, and the caller warps it with GDAL instead.
#include <gdal.h>
#include <ogr_spatialref.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "tiles/web_mercator.hpp"

namespace conflictmap {

class NearestTileSampler {
 public:
  // `source` is the raster at one level (the layer or one of its overviews), with `bands` Byte bands;
  // `from_mercator` maps EPSG:3857 to its CRS; `fill` is the value of cells outside it.
  NearestTileSampler(GDALDatasetH source, int bands, std::uint8_t fill, OGRCoordinateTransformation& from_mercator);

  // The tile's pixels band after band, as GDAL's warper would give them, or nullopt when the 1/8-pixel check
  // fails or the transform does.
  std::optional<std::vector<std::uint8_t>> sample(TileAddress tile);

 private:
  GDALDatasetH source_;
  int bands_;
  std::uint8_t fill_;
  OGRCoordinateTransformation& from_mercator_;
  double inverse_[6];  // CRS to the source's pixels
  int width_, height_;
};

}  // namespace conflictmap
