#include "layers/kernel_placement.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

#include "core/parallel.hpp"

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

namespace {

int strip_of(double y, const RasterGrid& grid) {
  return int(std::floor((grid.origin_y - y) / (grid.cell * kStripRows)));
}

}  // namespace

// Consecutive kernels in grid order land on cells already in cache; in input order they scatter across the
// grid and the summing waits on memory. The strips also let each band of rows start at the first kernel that
// can reach it. The order is found by counting the points into buckets, a slice of a strip each, about as many
// buckets as points, and sorting each bucket's few points by x; a sort of the whole took several times longer.
// The kernels are then placed in that order, so that none is copied twice.
std::vector<PlacedKernel> place_in_grid_order(const std::vector<WeightedPoint>& points, KernelShape shape,
                                              const RasterGrid& grid, double value_scale, unsigned threads) {
  if (points.empty()) return {};
  int first_strip = std::numeric_limits<int>::max(), last_strip = std::numeric_limits<int>::min();
  for (const auto& point : points) {
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) {
      throw std::invalid_argument("a point's coordinates are not finite numbers");
    }
    Kernel(shape, point.bandwidth);  // a bad bandwidth fails here, before the placing on several threads
    const int strip = strip_of(point.y, grid);
    first_strip = std::min(first_strip, strip);
    last_strip = std::max(last_strip, strip);
  }
  const std::size_t strips = std::size_t(last_strip - first_strip) + 1;
  const std::size_t slices = std::clamp<std::size_t>(points.size() / strips, 1, std::size_t(std::max(1, grid.width)));
  // slices of whole columns, so that a bucket's points all lie west of the next bucket's
  auto bucket_of = [&](const WeightedPoint& point) {
    const double column = std::clamp(std::floor((point.x - grid.origin_x) / grid.cell), 0.0, double(grid.width - 1));
    const std::size_t slice = std::size_t(column) * slices / std::size_t(std::max(1, grid.width));
    return std::size_t(strip_of(point.y, grid) - first_strip) * slices + slice;
  };
  std::vector<std::uint32_t> starts(strips * slices + 1, 0);
  for (const auto& point : points) ++starts[bucket_of(point) + 1];
  for (std::size_t i = 1; i < starts.size(); ++i) starts[i] += starts[i - 1];
  struct Key {
    double x;
    std::uint32_t index;
  };
  std::vector<Key> keys(points.size());
  {
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    for (std::uint32_t i = 0; i < points.size(); ++i) keys[next[bucket_of(points[i])]++] = {points[i].x, i};
  }
  // Each bucket holds its points in input order, so a stable sort by x alone breaks ties by input order. Most
  // buckets hold a handful, for which insertion needs no buffer.
  auto by_x = [](const Key& a, const Key& b) { return a.x < b.x; };
  for (std::size_t bucket = 0; bucket + 1 < starts.size(); ++bucket) {
    const auto first = keys.begin() + starts[bucket], last = keys.begin() + starts[bucket + 1];
    if (last - first > 32) {
      std::stable_sort(first, last, by_x);
      continue;
    }
    for (auto it = first + (first != last); it < last; ++it) {
      const Key key = *it;
      auto hole = it;
      for (; hole != first && key.x < (hole - 1)->x; --hole) *hole = *(hole - 1);
      *hole = key;
    }
  }
  std::vector<PlacedKernel> ordered(points.size());
  run_ranges_on_threads(keys.size(), 8192, std::max(1u, threads), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) ordered[i] = place_kernel(points[keys[i].index], shape, grid, value_scale);
  });
  return ordered;
}

}  // namespace conflictmap
