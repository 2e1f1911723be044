#include "tiles/category_cover.hpp"

#include <cpl_error.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace conflictmap {

CategoryCover CategoryCover::measure(GDALDatasetH dataset, int band, std::size_t max_blocks) {
  CategoryCover cover;
  cover.grid_ = BlockGrid::covering(GDALGetRasterXSize(dataset), GDALGetRasterYSize(dataset), max_blocks);
  const BlockGrid& grid = cover.grid_;
  cover.block_category_.assign(grid.size(), 0);
  cover.block_pure_.assign(grid.size(), 1);
  std::vector<std::uint8_t> seen(grid.size(), 0);
  GDALRasterBandH source = GDALGetRasterBand(dataset, band);
  std::vector<std::uint8_t> strip(static_cast<std::size_t>(grid.width) * grid.block);
  for (int row = 0; row < grid.height; row += grid.block) {
    const int rows = std::min(grid.block, grid.height - row);
    if (GDALRasterIO(source, GF_Read, 0, row, grid.width, rows, strip.data(), grid.width, rows, GDT_Byte, 0, 0) != CE_None) {
      throw std::runtime_error(std::string("cannot read the layer's categories: ") + CPLGetLastErrorMsg());
    }
    const std::size_t first_block = static_cast<std::size_t>(row / grid.block) * grid.blocks_x;
    for (int r = 0; r < rows; ++r) {
      const std::uint8_t* values = strip.data() + static_cast<std::size_t>(r) * grid.width;
      for (int c = 0; c < grid.width; ++c) {
        const std::size_t b = first_block + static_cast<std::size_t>(c / grid.block);
        if (!seen[b]) {
          seen[b] = 1;
          cover.block_category_[b] = values[c];
        } else if (cover.block_category_[b] != values[c]) {
          cover.block_pure_[b] = 0;
        }
      }
    }
  }
  bool present[256] = {};
  for (std::size_t b = 0; b < grid.size(); ++b) {
    if (cover.block_pure_[b]) present[cover.block_category_[b]] = true;
  }
  std::vector<std::uint8_t> marked(grid.size());
  for (int category = 0; category < 256; ++category) {
    if (!present[category]) continue;
    for (std::size_t b = 0; b < grid.size(); ++b) {
      marked[b] = cover.block_pure_[b] && cover.block_category_[b] == category;
    }
    cover.categories_.push_back(static_cast<std::uint8_t>(category));
    cover.sums_.emplace_back(grid, marked);
  }
  return cover;
}

std::optional<std::uint8_t> CategoryCover::sole_category(double col0, double row0, double col1, double row1) const {
  // only windows wholly inside the layer: outside it a tile is transparent
  if (!(col0 >= 0 && row0 >= 0 && col1 <= grid_.width && row1 <= grid_.height && col0 < col1 && row0 < row1)) {
    return std::nullopt;
  }
  const auto [bx0, by0, bx1, by1] = grid_.blocks_of(col0, row0, col1, row1);
  const std::size_t first = static_cast<std::size_t>(by0) * grid_.blocks_x + bx0;
  if (!block_pure_[first]) return std::nullopt;
  const std::uint8_t category = block_category_[first];
  const auto at = std::find(categories_.begin(), categories_.end(), category);
  if (at == categories_.end()) return std::nullopt;
  const auto area = static_cast<std::uint32_t>((bx1 - bx0) * (by1 - by0));
  if (sums_[static_cast<std::size_t>(at - categories_.begin())].count(bx0, by0, bx1, by1) != area) return std::nullopt;
  return category;
}

}  // namespace conflictmap
