#include "tiles/drawn_mask.hpp"

#include <cpl_error.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace conflictmap {

DrawnMask DrawnMask::measure(GDALDatasetH dataset, int band, const std::function<bool(float)>& drawn,
                             std::size_t max_blocks) {
  DrawnMask mask;
  mask.grid_ = BlockGrid::covering(GDALGetRasterXSize(dataset), GDALGetRasterYSize(dataset), max_blocks);
  const BlockGrid& grid = mask.grid_;
  std::vector<std::uint8_t> marked(grid.size(), 0);
  GDALRasterBandH source = GDALGetRasterBand(dataset, band);
  std::vector<float> strip(static_cast<std::size_t>(grid.width) * grid.block);
  for (int row = 0; row < grid.height; row += grid.block) {
    const int rows = std::min(grid.block, grid.height - row);
    if (GDALRasterIO(source, GF_Read, 0, row, grid.width, rows, strip.data(), grid.width, rows, GDT_Float32, 0, 0) !=
        CE_None) {
      throw std::runtime_error(std::string("cannot read the layer to find where it draws: ") + CPLGetLastErrorMsg());
    }
    std::uint8_t* blocks = marked.data() + static_cast<std::size_t>(row / grid.block) * grid.blocks_x;
    for (int r = 0; r < rows; ++r) {
      const float* values = strip.data() + static_cast<std::size_t>(r) * grid.width;
      for (int c = 0; c < grid.width; ++c) {
        if (!blocks[c / grid.block] && drawn(values[c])) blocks[c / grid.block] = 1;
      }
    }
  }
  mask.sums_ = BlockSums(grid, marked);
  return mask;
}

bool DrawnMask::any_in(double col0, double row0, double col1, double row1) const {
  if (!(col1 > 0 && row1 > 0 && col0 < grid_.width && row0 < grid_.height)) return false;  // NaN or outside
  const auto [bx0, by0, bx1, by1] = grid_.blocks_of(col0, row0, col1, row1);
  return sums_.count(bx0, by0, bx1, by1) > 0;
}

}  // namespace conflictmap
