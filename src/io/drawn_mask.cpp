#include "io/drawn_mask.hpp"

#include <cpl_error.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

namespace conflictmap {

DrawnMask DrawnMask::measure(GDALDatasetH dataset, int band, const std::function<bool(float)>& drawn,
                             std::size_t max_blocks) {
  DrawnMask mask;
  mask.width_ = GDALGetRasterXSize(dataset);
  mask.height_ = GDALGetRasterYSize(dataset);
  const double pixels = static_cast<double>(mask.width_) * mask.height_;
  mask.block_ = std::max(1, static_cast<int>(std::ceil(std::sqrt(pixels / static_cast<double>(std::max<std::size_t>(1, max_blocks))))));
  mask.blocks_x_ = (mask.width_ + mask.block_ - 1) / mask.block_;
  mask.blocks_y_ = (mask.height_ + mask.block_ - 1) / mask.block_;
  std::vector<std::uint8_t> marked(static_cast<std::size_t>(mask.blocks_x_) * mask.blocks_y_, 0);
  GDALRasterBandH source = GDALGetRasterBand(dataset, band);
  std::vector<float> strip(static_cast<std::size_t>(mask.width_) * mask.block_);
  for (int row = 0; row < mask.height_; row += mask.block_) {
    const int rows = std::min(mask.block_, mask.height_ - row);
    if (GDALRasterIO(source, GF_Read, 0, row, mask.width_, rows, strip.data(), mask.width_, rows, GDT_Float32, 0, 0) !=
        CE_None) {
      throw std::runtime_error(std::string("cannot read the layer to find where it draws: ") + CPLGetLastErrorMsg());
    }
    std::uint8_t* blocks = marked.data() + static_cast<std::size_t>(row / mask.block_) * mask.blocks_x_;
    for (int r = 0; r < rows; ++r) {
      const float* values = strip.data() + static_cast<std::size_t>(r) * mask.width_;
      for (int c = 0; c < mask.width_; ++c) {
        if (!blocks[c / mask.block_] && drawn(values[c])) blocks[c / mask.block_] = 1;
      }
    }
  }
  const int stride = mask.blocks_x_ + 1;
  mask.sums_.assign(static_cast<std::size_t>(stride) * (mask.blocks_y_ + 1), 0);
  for (int y = 0; y < mask.blocks_y_; ++y) {
    std::uint32_t across = 0;
    for (int x = 0; x < mask.blocks_x_; ++x) {
      across += marked[static_cast<std::size_t>(y) * mask.blocks_x_ + x];
      mask.sums_[static_cast<std::size_t>(y + 1) * stride + x + 1] = mask.sums_[static_cast<std::size_t>(y) * stride + x + 1] + across;
    }
  }
  return mask;
}

std::uint32_t DrawnMask::count(int bx0, int by0, int bx1, int by1) const {
  if (bx1 <= bx0 || by1 <= by0) return 0;
  const int stride = blocks_x_ + 1;
  const auto at = [&](int x, int y) { return sums_[static_cast<std::size_t>(y) * stride + x]; };
  return at(bx1, by1) - at(bx0, by1) - at(bx1, by0) + at(bx0, by0);
}

bool DrawnMask::any_in(double col0, double row0, double col1, double row1) const {
  if (!(col1 > 0 && row1 > 0 && col0 < width_ && row0 < height_)) return false;  // NaN or outside
  const int bx0 = std::clamp(static_cast<int>(std::floor(col0)), 0, width_) / block_;
  const int by0 = std::clamp(static_cast<int>(std::floor(row0)), 0, height_) / block_;
  const int bx1 = (std::clamp(static_cast<int>(std::ceil(col1)), 0, width_) + block_ - 1) / block_;
  const int by1 = (std::clamp(static_cast<int>(std::ceil(row1)), 0, height_) + block_ - 1) / block_;
  return count(bx0, by0, bx1, by1) > 0;
}

std::optional<std::array<int, 4>> DrawnMask::drawn_window() const {
  if (empty()) return std::nullopt;
  int x0 = 0, y0 = 0, x1 = blocks_x_, y1 = blocks_y_;
  while (count(x0 + 1, 0, blocks_x_, blocks_y_) == count(0, 0, blocks_x_, blocks_y_) && x0 + 1 < x1) ++x0;
  while (count(0, 0, x1 - 1, blocks_y_) == count(0, 0, blocks_x_, blocks_y_) && x1 - 1 > x0) --x1;
  while (count(0, y0 + 1, blocks_x_, blocks_y_) == count(0, 0, blocks_x_, blocks_y_) && y0 + 1 < y1) ++y0;
  while (count(0, 0, blocks_x_, y1 - 1) == count(0, 0, blocks_x_, blocks_y_) && y1 - 1 > y0) --y1;
  return std::array<int, 4>{x0 * block_, y0 * block_, std::min(width_, x1 * block_), std::min(height_, y1 * block_)};
}

}  // namespace conflictmap
