#include "layers/density_surface.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <span>

#include "core/parallel.hpp"
#include "layers/cellwise_kernel_sum.hpp"
#include "layers/kernel_placement.hpp"

namespace conflictmap {

std::vector<float> kernel_density(const std::vector<WeightedPoint>& points, const RasterGrid& grid, KernelShape shape,
                                  unsigned threads, double value_scale) {
  // The zeroed grid is made beside the placing and sorting: its pages are touched in the meantime.
  auto zeroed = std::async(std::launch::async, [&] { return std::vector<float>(std::size_t(grid.cell_count()), 0.0f); });
  // a bad bandwidth fails before any work
  const std::vector<PlacedKernel> kernels = place_in_grid_order(points, shape, grid, value_scale, threads);
  int widest = 0;  // in rows
  for (const auto& kernel : kernels) widest = std::max(widest, kernel.last_row - kernel.first_row);
  std::vector<float> density = zeroed.get();
  if (kernels.empty()) return density;

  // a centre lies within `widest` rows of every row its kernel reaches; one more strip each side for rounding
  auto strip_of_row = [](int row) { return row >= 0 ? row / kStripRows : -((kStripRows - 1 - row) / kStripRows); };
  auto add_band = [&](int begin, int end) {
    const int first_strip = strip_of_row(begin - widest) - 1, last_strip = strip_of_row(end - 1 + widest) + 1;
    auto from = std::partition_point(kernels.begin(), kernels.end(),
                                     [&](const PlacedKernel& k) { return k.strip < first_strip; });
    auto to = std::partition_point(from, kernels.end(), [&](const PlacedKernel& k) { return k.strip <= last_strip; });
    const std::span<const PlacedKernel> reaching(kernels.data() + (from - kernels.begin()), std::size_t(to - from));
    add_kernels_cell_by_cell(shape, reaching, grid, begin, end, density);
  };
  // Threads take the next band of rows as they finish one: dense clusters make some bands far heavier than
  // others, and a fixed share left one core working alone for a tenth of the run. A band is always summed
  // whole by one thread, in the kernels' order, so which thread takes it changes nothing.
  threads = std::clamp(threads, 1u, unsigned(std::max(1, grid.height)));
  const int band = threads == 1 ? grid.height : std::min(32, grid.height / int(threads * 16) + 1);
  run_ranges_on_threads(std::size_t(grid.height), std::size_t(band), threads,
                        [&](std::size_t begin, std::size_t end) { add_band(int(begin), int(end)); });
  return density;
}

SurfaceTotals surface_totals(const std::vector<float>& values, unsigned threads) {
  constexpr std::size_t kBlock = 1 << 16;
  std::vector<SurfaceTotals> partial((values.size() + kBlock - 1) / kBlock);
  run_ranges_on_threads(values.size(), kBlock, std::max(1u, threads), [&](std::size_t begin, std::size_t end) {
    SurfaceTotals& totals = partial[begin / kBlock];
    for (std::size_t i = begin; i < end; ++i) {
      totals.maximum = std::max(totals.maximum, double(values[i]));
      totals.sum += values[i];
    }
  });
  SurfaceTotals totals;
  for (const auto& block : partial) {
    totals.maximum = std::max(totals.maximum, block.maximum);
    totals.sum += block.sum;
  }
  return totals;
}

}  // namespace conflictmap
