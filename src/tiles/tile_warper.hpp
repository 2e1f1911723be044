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

  // The tile's pixels, band after band, in the working type.
  std::vector<std::uint8_t> warp(TileAddress tile);

 private:
  struct DatasetCloser {
    void operator()(void* dataset) const { GDALClose(dataset); }
  };
  struct ExactDestroyer {
    void operator()(void* transformer) const { GDALDestroyGenImgProjTransformer(transformer); }
  };
  struct ApproxDestroyer {
    void operator()(void* transformer) const { GDALDestroyApproxTransformer(transformer); }
  };
  int bands_;
  GDALDataType type_;
  // declared in the order they are made, so that they go in reverse: the warp before the transformers and the
  // tile it writes to
  std::unique_ptr<void, DatasetCloser> destination_;
  std::unique_ptr<void, ExactDestroyer> exact_;
  std::unique_ptr<void, ApproxDestroyer> approx_;
  std::unique_ptr<GDALWarpOperation> operation_;
};

}  // namespace conflictmap
