#include "layers/density_surface.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

namespace conflictmap {

namespace {

// Adds every point's kernel to the rows [row_begin, row_end). Each band of rows belongs to one thread, and
// each cell sums its points in input order, so the result is the same for any number of threads.
void add_points_to_rows(const std::vector<WeightedPoint>& points, const std::vector<Kernel>& kernels,
                        const RasterGrid& grid, int row_begin, int row_end, std::vector<double>& density) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    const WeightedPoint& point = points[i];
    const Kernel& kernel = kernels[i];
    const double reach = kernel.support_radius();
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
      const int first_column = std::max(0, int(std::floor((point.x - half_width - grid.origin_x) / grid.cell - 0.5)));
      const int last_column =
          std::min(grid.width - 1, int(std::ceil((point.x + half_width - grid.origin_x) / grid.cell - 0.5)));
      double* cells = density.data() + std::size_t(row) * grid.width;
      for (int column = first_column; column <= last_column; ++column) {
        const double dx = grid.column_centre_x(column) - point.x;
        cells[column] += point.weight * kernel.at_squared_distance(dx * dx + dy2);
      }
    }
  }
}

}  // namespace

std::vector<double> kernel_density(const std::vector<WeightedPoint>& points, const RasterGrid& grid,
                                   KernelShape shape, unsigned threads) {
  std::vector<double> density(std::size_t(grid.cell_count()), 0.0);
  std::vector<Kernel> kernels;
  kernels.reserve(points.size());
  for (const auto& point : points) kernels.emplace_back(shape, point.bandwidth);
  threads = std::clamp(threads, 1u, unsigned(std::max(1, grid.height)));
  if (threads == 1) {
    add_points_to_rows(points, kernels, grid, 0, grid.height, density);
    return density;
  }
  // Bands interleave so that a dense cluster of points is shared by all threads.
  const int band = std::max(1, std::min(64, grid.height / int(threads * 8) + 1));
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int begin = int(t) * band; begin < grid.height; begin += int(threads) * band) {
        add_points_to_rows(points, kernels, grid, begin, std::min(grid.height, begin + band), density);
      }
    });
  }
  for (auto& worker : workers) worker.join();
  return density;
}

}  // namespace conflictmap
