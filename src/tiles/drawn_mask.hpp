#pragma once
// Where a raster layer draws anything, block by block: a block is marked when any pixel in it is drawn, and a
// summed-area table over the blocks answers "is anything drawn in this window?" at once. The tiler asks it
// before warping a tile: most tiles of a country-wide layer with a few clusters are empty, and finding that
// out by warping costs as much as a drawn tile.
#include <gdal.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "tiles/block_sums.hpp"

namespace conflictmap {

class DrawnMask {
 public:
  // Reads band `band` of `dataset` whole, in strips; `drawn(value)` says whether a pixel value is drawn. The
  // blocks are as small as keeps the table near `max_blocks` cells. Throws std::runtime_error on a read error.
  static DrawnMask measure(GDALDatasetH dataset, int band, const std::function<bool(float)>& drawn,
                           std::size_t max_blocks = 1u << 20);

  // True when a drawn pixel may lie in columns [col0, col1) and rows [row0, row1) of the layer (fractional
  // pixel coordinates, clamped to the layer; the test is exact to the block).
  bool any_in(double col0, double row0, double col1, double row1) const;
  bool empty() const { return sums_.count(0, 0, grid_.blocks_x, grid_.blocks_y) == 0; }

 private:
  BlockGrid grid_;
  BlockSums sums_;
};

}  // namespace conflictmap
