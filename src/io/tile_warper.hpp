#pragma once
// One web tile at a time warped by GDAL from a layer (or one of its overviews) to Web Mercator: a fixed
// transformer whose target georeferencing moves from tile to tile, warping straight into a tile-sized buffer,
// with the approximation gdalwarp uses (1/8 pixel), so PROJ is not called for every pixel.
#include <gdal.h>
#include <gdalwarper.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tiles/web_mercator.hpp"

namespace conflictmap {

class TileWarper {
 public:
  TileWarper(GDALDatasetH source, int bands, GDALDataType type, GDALResampleAlg resampling,
             std::optional<double> nodata, const std::string& mercator_wkt);
  ~TileWarper();
  TileWarper(const TileWarper&) = delete;
  TileWarper& operator=(const TileWarper&) = delete;

  // The tile's pixels, band after band, in the working type.
  std::vector<std::uint8_t> warp(TileAddress tile);

 private:
  int bands_;
  GDALDataType type_;
  GDALDatasetH destination_ = nullptr;
  void* exact_ = nullptr;
  void* approx_ = nullptr;
  std::unique_ptr<GDALWarpOperation> operation_;
};

}  // namespace conflictmap
