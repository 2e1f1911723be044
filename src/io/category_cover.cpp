#include "io/category_cover.hpp"

#include <cpl_error.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace conflictmap {

CategoryCover CategoryCover::measure(GDALDatasetH dataset, int band, std::size_t max_blocks) {
  CategoryCover cover;
  cover.width_ = GDALGetRasterXSize(dataset);
  cover.height_ = GDALGetRasterYSize(dataset);
  const double pixels = static_cast<double>(cover.width_) * cover.height_;
  cover.block_ = std::max(1, static_cast<int>(std::ceil(std::sqrt(pixels / static_cast<double>(std::max<std::size_t>(1, max_blocks))))));
  cover.blocks_x_ = (cover.width_ + cover.block_ - 1) / cover.block_;
  cover.blocks_y_ = (cover.height_ + cover.block_ - 1) / cover.block_;
  const std::size_t blocks = static_cast<std::size_t>(cover.blocks_x_) * cover.blocks_y_;
  cover.block_category_.assign(blocks, 0);
  cover.block_pure_.assign(blocks, 1);
  std::vector<std::uint8_t> seen(blocks, 0);
  GDALRasterBandH source = GDALGetRasterBand(dataset, band);
  std::vector<std::uint8_t> strip(static_cast<std::size_t>(cover.width_) * cover.block_);
  for (int row = 0; row < cover.height_; row += cover.block_) {
    const int rows = std::min(cover.block_, cover.height_ - row);
    if (GDALRasterIO(source, GF_Read, 0, row, cover.width_, rows, strip.data(), cover.width_, rows, GDT_Byte, 0, 0) != CE_None) {
      throw std::runtime_error(std::string("cannot read the layer's categories: ") + CPLGetLastErrorMsg());
    }
    const std::size_t first_block = static_cast<std::size_t>(row / cover.block_) * cover.blocks_x_;
    for (int r = 0; r < rows; ++r) {
      const std::uint8_t* values = strip.data() + static_cast<std::size_t>(r) * cover.width_;
      for (int c = 0; c < cover.width_; ++c) {
        const std::size_t b = first_block + static_cast<std::size_t>(c / cover.block_);
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
  for (std::size_t b = 0; b < blocks; ++b) {
    if (cover.block_pure_[b]) present[cover.block_category_[b]] = true;
  }
  const int stride = cover.blocks_x_ + 1;
  for (int category = 0; category < 256; ++category) {
    if (!present[category]) continue;
    cover.categories_.push_back(static_cast<std::uint8_t>(category));
    std::vector<std::uint32_t> sums(static_cast<std::size_t>(stride) * (cover.blocks_y_ + 1), 0);
    for (int y = 0; y < cover.blocks_y_; ++y) {
      std::uint32_t across = 0;
      for (int x = 0; x < cover.blocks_x_; ++x) {
        const std::size_t b = static_cast<std::size_t>(y) * cover.blocks_x_ + x;
        across += cover.block_pure_[b] && cover.block_category_[b] == category;
        sums[static_cast<std::size_t>(y + 1) * stride + x + 1] = sums[static_cast<std::size_t>(y) * stride + x + 1] + across;
      }
    }
    cover.sums_.push_back(std::move(sums));
  }
  return cover;
}

std::optional<std::uint8_t> CategoryCover::sole_category(double col0, double row0, double col1, double row1) const {
  // only windows wholly inside the layer: outside it a tile is transparent
  if (!(col0 >= 0 && row0 >= 0 && col1 <= width_ && row1 <= height_ && col0 < col1 && row0 < row1)) return std::nullopt;
  const int bx0 = static_cast<int>(std::floor(col0)) / block_;
  const int by0 = static_cast<int>(std::floor(row0)) / block_;
  const int bx1 = (static_cast<int>(std::ceil(col1)) + block_ - 1) / block_;
  const int by1 = (static_cast<int>(std::ceil(row1)) + block_ - 1) / block_;
  const std::size_t first = static_cast<std::size_t>(by0) * blocks_x_ + bx0;
  if (!block_pure_[first]) return std::nullopt;
  const std::uint8_t category = block_category_[first];
  const auto at = std::find(categories_.begin(), categories_.end(), category);
  if (at == categories_.end()) return std::nullopt;
  const auto& sums = sums_[static_cast<std::size_t>(at - categories_.begin())];
  const int stride = blocks_x_ + 1;
  const auto sum = [&](int x, int y) { return sums[static_cast<std::size_t>(y) * stride + x]; };
  const std::uint32_t count = sum(bx1, by1) - sum(bx0, by1) - sum(bx1, by0) + sum(bx0, by0);
  const auto area = static_cast<std::uint32_t>((bx1 - bx0) * (by1 - by0));
  if (count != area) return std::nullopt;
  return category;
}

}  // namespace conflictmap
