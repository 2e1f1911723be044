#pragma once
// A raster cut into square blocks, and counts of marked blocks over any rectangle of them (a summed-area
// table): what DrawnMask and CategoryCover ask of a layer before a tile is warped.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace conflictmap {

struct BlockGrid {
  int width = 0, height = 0;  // in pixels
  int block = 1;              // pixels per block side
  int blocks_x = 0, blocks_y = 0;

  // The smallest square blocks that keep the grid near `max_blocks` blocks.
  static BlockGrid covering(int width, int height, std::size_t max_blocks) {
    BlockGrid grid;
    grid.width = width;
    grid.height = height;
    const double pixels = static_cast<double>(width) * height;
    grid.block = std::max(1, static_cast<int>(std::ceil(std::sqrt(pixels / static_cast<double>(std::max<std::size_t>(1, max_blocks))))));
    grid.blocks_x = (width + grid.block - 1) / grid.block;
    grid.blocks_y = (height + grid.block - 1) / grid.block;
    return grid;
  }
  std::size_t size() const { return static_cast<std::size_t>(blocks_x) * blocks_y; }
  // The blocks a pixel window [col0, col1) × [row0, row1) touches, clamped to the grid: {bx0, by0, bx1, by1}.
  std::array<int, 4> blocks_of(double col0, double row0, double col1, double row1) const {
    return {std::clamp(static_cast<int>(std::floor(col0)), 0, width) / block,
            std::clamp(static_cast<int>(std::floor(row0)), 0, height) / block,
            (std::clamp(static_cast<int>(std::ceil(col1)), 0, width) + block - 1) / block,
            (std::clamp(static_cast<int>(std::ceil(row1)), 0, height) + block - 1) / block};
  }
};

class BlockSums {
 public:
  BlockSums() = default;
  // `marked`: one flag per block of `grid`, row by row.
  BlockSums(const BlockGrid& grid, const std::vector<std::uint8_t>& marked) : stride_(grid.blocks_x + 1) {
    sums_.assign(static_cast<std::size_t>(stride_) * (grid.blocks_y + 1), 0);
    for (int y = 0; y < grid.blocks_y; ++y) {
      std::uint32_t across = 0;
      for (int x = 0; x < grid.blocks_x; ++x) {
        across += marked[static_cast<std::size_t>(y) * grid.blocks_x + x] ? 1 : 0;
        sums_[static_cast<std::size_t>(y + 1) * stride_ + x + 1] = sums_[static_cast<std::size_t>(y) * stride_ + x + 1] + across;
      }
    }
  }
  // Marked blocks in columns [bx0, bx1) and rows [by0, by1) of blocks.
  std::uint32_t count(int bx0, int by0, int bx1, int by1) const {
    if (bx1 <= bx0 || by1 <= by0) return 0;
    const auto at = [&](int x, int y) { return sums_[static_cast<std::size_t>(y) * stride_ + x]; };
    return at(bx1, by1) - at(bx0, by1) - at(bx1, by0) + at(bx0, by0);
  }

 private:
  int stride_ = 1;
  std::vector<std::uint32_t> sums_;
};

}  // namespace conflictmap
