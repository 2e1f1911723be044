#include "layers/density_surface.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace conflictmap {

namespace {

// The kernel's shape without its scale, as a function of u = d²/h² (≤ 1 inside the reach; the Gaussian's
// reach is 4σ, so its u runs to 16). A template per shape keeps the innermost loop free of branches.
// Single precision, so the innermost loop runs on SIMD lanes; u needs no more than 7 digits.
template <KernelShape Shape>
inline float profile(float u) {
  // max(0, …): a centre that rounding puts a hair beyond the reach adds nothing
  if constexpr (Shape == KernelShape::Quartic) {
    const float v = std::max(0.0f, 1.0f - u);
    return v * v;
  } else if constexpr (Shape == KernelShape::Triangular) {
    return std::max(0.0f, 1.0f - std::sqrt(u));
  } else if constexpr (Shape == KernelShape::Epanechnikov) {
    return std::max(0.0f, 1.0f - u);
  } else if constexpr (Shape == KernelShape::Uniform) {
    return 1.0f;
  } else {
    return std::exp(-0.5f * u);
  }
}

// Adds every point's kernel to the rows [row_begin, row_end). Each band of rows belongs to one thread, and
// each cell sums its points in one fixed order, so the result is the same for any number of threads.
template <KernelShape Shape>
void add_points_to_rows(const std::vector<WeightedPoint>& points, const RasterGrid& grid, int row_begin, int row_end,
                        double value_scale, std::vector<float>& density) {
  for (const WeightedPoint& point : points) {
    const Kernel kernel(Shape, point.bandwidth);
    const double reach = kernel.support_radius();
    const float scale = float(value_scale * point.weight * kernel.at_squared_distance(0.0) / profile<Shape>(0.0f));
    const double inv_h2 = 1.0 / (point.bandwidth * point.bandwidth);
    // Rows and columns whose centres can fall inside the reach.
    const int first_row = std::max(row_begin, int(std::floor((grid.origin_y - point.y - reach) / grid.cell - 0.5)));
    const int last_row = std::min(row_end - 1, int(std::ceil((grid.origin_y - point.y + reach) / grid.cell - 0.5)));
    if (first_row > last_row) continue;
    const double reach2 = reach * reach;
    for (int row = first_row; row <= last_row; ++row) {
      const double dy = grid.row_centre_y(row) - point.y;
      const double dy2 = dy * dy;
      if (dy2 > reach2) continue;
      const double half_width = std::sqrt(reach2 - dy2);
      // exactly the columns whose centres lie within the reach on this row
      const int first_column = std::max(0, int(std::ceil((point.x - half_width - grid.origin_x) / grid.cell - 0.5)));
      const int last_column =
          std::min(grid.width - 1, int(std::floor((point.x + half_width - grid.origin_x) / grid.cell - 0.5)));
      float* cells = density.data() + std::size_t(row) * grid.width;
      // distances in units of the bandwidth: u = (dx² + dy²)/h²
      const float x0 = float((grid.column_centre_x(0) - point.x) * std::sqrt(inv_h2));
      const float step = float(grid.cell * std::sqrt(inv_h2));
      const float v2 = float(dy2 * inv_h2);
      for (int column = first_column; column <= last_column; ++column) {
        const float dx = x0 + float(column) * step;
        cells[column] += scale * profile<Shape>(dx * dx + v2);
      }
    }
  }
}

using RowsAdder = void (*)(const std::vector<WeightedPoint>&, const RasterGrid&, int, int, double, std::vector<float>&);

RowsAdder adder_for(KernelShape shape) {
  switch (shape) {
    case KernelShape::Quartic: return &add_points_to_rows<KernelShape::Quartic>;
    case KernelShape::Triangular: return &add_points_to_rows<KernelShape::Triangular>;
    case KernelShape::Epanechnikov: return &add_points_to_rows<KernelShape::Epanechnikov>;
    case KernelShape::Uniform: return &add_points_to_rows<KernelShape::Uniform>;
    case KernelShape::Gaussian: return &add_points_to_rows<KernelShape::Gaussian>;
  }
  return &add_points_to_rows<KernelShape::Quartic>;
}

}  // namespace

std::vector<float> kernel_density(const std::vector<WeightedPoint>& points, const RasterGrid& grid, KernelShape shape,
                                  unsigned threads, double value_scale) {
  std::vector<float> density(std::size_t(grid.cell_count()), 0.0f);
  for (const auto& point : points) Kernel(shape, point.bandwidth);  // a bad bandwidth fails before any work
  // Points in grid order (strips of 32 rows, west to east), so that consecutive kernels land on cells
  // already in cache; in input order they scatter across the grid and the loop waits on memory.
  std::vector<WeightedPoint> ordered(points);
  auto strip = [&](const WeightedPoint& p) { return std::floor((grid.origin_y - p.y) / (grid.cell * 32)); };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const WeightedPoint& a, const WeightedPoint& b) {
    const double sa = strip(a), sb = strip(b);
    return sa != sb ? sa < sb : a.x < b.x;
  });
  const RowsAdder add = adder_for(shape);
  threads = std::clamp(threads, 1u, unsigned(std::max(1, grid.height)));
  if (threads == 1) {
    add(ordered, grid, 0, grid.height, value_scale, density);
    return density;
  }
  // Bands interleave so that a dense cluster of points is shared by all threads.
  const int band = std::max(1, std::min(64, grid.height / int(threads * 8) + 1));
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int begin = int(t) * band; begin < grid.height; begin += int(threads) * band) {
        add(ordered, grid, begin, std::min(grid.height, begin + band), value_scale, density);
      }
    });
  }
  for (auto& worker : workers) worker.join();
  return density;
}

CoarseSurface coarsened(const RasterGrid& grid, const std::vector<float>& values, int factor) {
  CoarseSurface out;
  out.grid = grid;
  if (factor <= 1) {
    out.values = values;
    return out;
  }
  out.grid.cell = grid.cell * factor;
  out.grid.width = (grid.width + factor - 1) / factor;
  out.grid.height = (grid.height + factor - 1) / factor;
  std::vector<double> sums(std::size_t(out.grid.cell_count()), 0.0);
  std::vector<int> counts(sums.size(), 0);
  for (int row = 0; row < grid.height; ++row) {
    const std::size_t coarse_row = std::size_t(row / factor) * out.grid.width;
    for (int column = 0; column < grid.width; ++column) {
      const std::size_t index = coarse_row + std::size_t(column / factor);
      sums[index] += values[std::size_t(row) * grid.width + column];
      ++counts[index];
    }
  }
  out.values.resize(sums.size());
  for (std::size_t i = 0; i < sums.size(); ++i) out.values[i] = float(sums[i] / counts[i]);
  return out;
}

}  // namespace conflictmap
