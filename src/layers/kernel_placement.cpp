#include "layers/kernel_placement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace conflictmap {

PlacedKernel place_kernel(const WeightedPoint& point, KernelShape shape, const RasterGrid& grid, double value_scale) {
  const Kernel kernel(shape, point.bandwidth);
  const double reach = kernel.support_radius();
  PlacedKernel out;
  out.x = point.x;
  out.y = point.y;
  out.reach2 = reach * reach;
  out.inv_h2 = 1.0 / (point.bandwidth * point.bandwidth);
  out.inv_h = std::sqrt(out.inv_h2);
  out.scale = value_scale * point.weight * kernel.at_squared_distance(0.0);
  out.first_row = int(std::floor((grid.origin_y - point.y - reach) / grid.cell - 0.5));
  out.last_row = int(std::ceil((grid.origin_y - point.y + reach) / grid.cell - 0.5));
  out.strip = int(std::floor((grid.origin_y - point.y) / (grid.cell * kStripRows)));
  return out;
}

// Consecutive kernels in grid order land on cells already in cache; in input order they scatter across the
// grid and the summing waits on memory. The strips also let each band of rows start at the first kernel that
// can reach it. Strips are counted out first and each strip then sorted by x: quicker than one stable sort of
// the whole array.
std::vector<PlacedKernel> in_grid_order(std::vector<PlacedKernel> kernels) {
  if (kernels.empty()) return kernels;
  const auto [lowest, highest] = std::minmax_element(kernels.begin(), kernels.end(), [](const auto& a, const auto& b) {
    return a.strip < b.strip;
  });
  const int first_strip = lowest->strip;
  std::vector<std::size_t> starts(std::size_t(highest->strip - first_strip) + 2, 0);
  for (const auto& kernel : kernels) ++starts[std::size_t(kernel.strip - first_strip) + 1];
  for (std::size_t i = 1; i < starts.size(); ++i) starts[i] += starts[i - 1];
  struct Key {
    double x;
    std::uint32_t index;
  };
  std::vector<Key> keys(kernels.size());
  std::vector<std::size_t> next(starts.begin(), starts.end() - 1);
  for (std::uint32_t i = 0; i < kernels.size(); ++i) {
    keys[next[std::size_t(kernels[i].strip - first_strip)]++] = {kernels[i].x, i};
  }
  for (std::size_t strip = 0; strip + 1 < starts.size(); ++strip) {
    std::sort(keys.begin() + std::ptrdiff_t(starts[strip]), keys.begin() + std::ptrdiff_t(starts[strip + 1]),
              [](const Key& a, const Key& b) { return a.x != b.x ? a.x < b.x : a.index < b.index; });
  }
  std::vector<PlacedKernel> ordered;
  ordered.reserve(kernels.size());
  for (const Key& key : keys) ordered.push_back(kernels[key.index]);
  return ordered;
}

}  // namespace conflictmap
