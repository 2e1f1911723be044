#pragma once
// Where a raster layer draws anything, block by block: a block is marked when any pixel in it is drawn, and a
// summed-area table over the blocks answers "is anything drawn in this window?" at once. The tiler asks it
// before warping a tile: most tiles of a country-wide layer with a few clusters are empty, and finding that
// out by warping costs as much as a drawn tile.
#include <gdal.h>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

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
  bool empty() const { return count(0, 0, blocks_x_, blocks_y_) == 0; }
  // The drawn pixels' bounding window, to the block: {col0, row0, col1, row1}; none when nothing is drawn.
  std::optional<std::array<int, 4>> drawn_window() const;

  int block() const { return block_; }

 private:
  std::uint32_t count(int bx0, int by0, int bx1, int by1) const;
  int width_ = 0, height_ = 0, block_ = 1;
  int blocks_x_ = 0, blocks_y_ = 0;
  std::vector<std::uint32_t> sums_;  // (blocks_x_ + 1) × (blocks_y_ + 1), row-major
};

}  // namespace conflictmap
