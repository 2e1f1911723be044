#include "layers/density_surface.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <future>
#include <span>

#include "core/parallel.hpp"

namespace conflictmap {

namespace {

// The kernel's shape without its scale, as a function of u = d²/h² (≤ 1 inside the reach; the Gaussian's
// reach is 4σ, so its u runs to 16). A template per shape keeps the innermost loop free of branches.
// Single precision, so the innermost loop runs on SIMD lanes; u needs no more than 7 digits.
template <KernelShape Shape>
inline float profile(float u) {
  // a centre that rounding puts a hair beyond the reach adds nothing; a select rather than std::max, whose
  // NaN rule keeps the compiler from putting the loop on SIMD lanes
  if constexpr (Shape == KernelShape::Quartic) {
    const float v = 1.0f - u;
    const float clamped = v > 0.0f ? v : 0.0f;
    return clamped * clamped;
  } else if constexpr (Shape == KernelShape::Triangular) {
    const float v = 1.0f - std::sqrt(u);
    return v > 0.0f ? v : 0.0f;
  } else if constexpr (Shape == KernelShape::Epanechnikov) {
    const float v = 1.0f - u;
    return v > 0.0f ? v : 0.0f;
  } else if constexpr (Shape == KernelShape::Uniform) {
    return 1.0f;
  } else {
    return std::exp(-0.5f * u);
  }
}

// Shapes whose profile is exactly 0 past the reach, so that extra columns add nothing.
template <KernelShape Shape>
constexpr bool kZeroBeyondReach =
    Shape == KernelShape::Quartic || Shape == KernelShape::Triangular || Shape == KernelShape::Epanechnikov;
constexpr int kLanes = 8;  // floats in an AVX2 vector

// A point with what every row of its kernel needs, worked out once rather than once per band of rows.
struct PlacedKernel {
  double x = 0, y = 0;
  double reach2 = 0;    // the squared support radius
  double inv_h = 0;     // 1/h
  double inv_h2 = 0;    // 1/h²
  int strip = 0;        // which strip of rows holds the centre, for ordering
  float scale = 0;      // value at the centre over the profile's value there
  int first_row = 0;    // the rows whose centres can fall inside the reach, before clipping to the grid
  int last_row = 0;
};

constexpr int kStripRows = 32;

template <KernelShape Shape>
PlacedKernel placed(const WeightedPoint& point, const RasterGrid& grid, double value_scale) {
  const Kernel kernel(Shape, point.bandwidth);
  const double reach = kernel.support_radius();
  PlacedKernel out;
  out.x = point.x;
  out.y = point.y;
  out.reach2 = reach * reach;
  out.inv_h2 = 1.0 / (point.bandwidth * point.bandwidth);
  out.inv_h = std::sqrt(out.inv_h2);
  out.scale = float(value_scale * point.weight * kernel.at_squared_distance(0.0) / profile<Shape>(0.0f));
  out.first_row = int(std::floor((grid.origin_y - point.y - reach) / grid.cell - 0.5));
  out.last_row = int(std::ceil((grid.origin_y - point.y + reach) / grid.cell - 0.5));
  out.strip = int(std::floor((grid.origin_y - point.y) / (grid.cell * kStripRows)));
  return out;
}

// Adds the kernels to the rows [row_begin, row_end). Each band of rows belongs to one thread, and each cell
// sums its points in one fixed order, so the result is the same for any number of threads.
template <KernelShape Shape>
__attribute__((target_clones("avx2", "default"))) void add_kernels_to_rows(std::span<const PlacedKernel> kernels, const RasterGrid& grid, int row_begin, int row_end,
                         std::vector<float>& density) {
  const double inv_cell = 1.0 / grid.cell;
  std::vector<float> dx2;
  for (const PlacedKernel& point : kernels) {
    const int first_row = std::max(row_begin, point.first_row);
    const int last_row = std::min(row_end - 1, point.last_row);
    if (first_row > last_row) continue;
    const double reach = std::sqrt(point.reach2);
    // The columns of the kernel's bounding square, for every row: a profile that is 0 beyond the reach adds +0
    // to the corners (bit for bit), and one span for all rows spares a square root and two roundings per row.
    // One column more each side lets a multiply stand in for a divide; whole SIMD vectors spare the scalar
    // tail, and the row belongs to this thread alone, so the extra lanes race with nothing.
    int square_first = std::max(0, int(std::floor((point.x - reach - grid.origin_x) * inv_cell - 0.5)));
    int square_last = int(std::ceil((point.x + reach - grid.origin_x) * inv_cell - 0.5));
    square_last = square_first + (square_last - square_first + kLanes) / kLanes * kLanes - 1;
    if (square_last >= grid.width) {
      square_first = std::max(0, square_first - (square_last - (grid.width - 1)));
      square_last = grid.width - 1;
    }
    // distances in units of the bandwidth: u = (dx² + dy²)/h², with dx² the same on every row
    const float x0 = float((grid.column_centre_x(0) - point.x) * point.inv_h);
    const float step = float(grid.cell * point.inv_h);
    const float scale = point.scale;
    dx2.resize(std::size_t(square_last - square_first + 1));
    for (int column = square_first; column <= square_last; ++column) {
      const float dx = x0 + float(column) * step;
      dx2[std::size_t(column - square_first)] = dx * dx;
    }
    for (int row = first_row; row <= last_row; ++row) {
      const double dy = grid.row_centre_y(row) - point.y;
      const double dy2 = dy * dy;
      if (dy2 > point.reach2) continue;
      int first_column = square_first, last_column = square_last;
      if constexpr (!kZeroBeyondReach<Shape>) {
        // exactly the columns whose centres lie within the reach: this profile is not 0 beyond it
        const double half_width = std::sqrt(point.reach2 - dy2);
        first_column = std::max(0, int(std::ceil((point.x - half_width - grid.origin_x) / grid.cell - 0.5)));
        last_column = std::min(grid.width - 1, int(std::floor((point.x + half_width - grid.origin_x) / grid.cell - 0.5)));
      }
      float* cells = density.data() + std::size_t(row) * grid.width + first_column;
      const float* across = dx2.data() + (first_column - square_first);
      const float v2 = float(dy2 * point.inv_h2);
      const int count = last_column - first_column + 1;
      for (int i = 0; i < count; ++i) cells[i] += scale * profile<Shape>(across[i] + v2);
    }
  }
}

// Kernels in grid order (strips of rows, west to east), so that consecutive kernels land on cells already in
// cache; in input order they scatter across the grid and the loop waits on memory. The strips also let each
// band of rows start at the first kernel that can reach it. Ties keep their input order, so the sums are
// always made in one order. Strips are counted out first and each strip then sorted by x: quicker than one
// stable sort of the whole array.
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

template <KernelShape Shape>
std::vector<float> kernel_density_of(const std::vector<WeightedPoint>& points, const RasterGrid& grid, unsigned threads,
                                     double value_scale) {
  // The zeroed grid is made beside the placing and sorting: its pages are touched in the meantime.
  auto zeroed = std::async(std::launch::async, [&] { return std::vector<float>(std::size_t(grid.cell_count()), 0.0f); });
  std::vector<PlacedKernel> kernels;
  kernels.reserve(points.size());
  int widest = 0;  // in rows
  for (const auto& point : points) {
    kernels.push_back(placed<Shape>(point, grid, value_scale));  // a bad bandwidth fails before any work
    widest = std::max(widest, kernels.back().last_row - kernels.back().first_row);
  }
  kernels = in_grid_order(std::move(kernels));
  std::vector<float> density = zeroed.get();
  // a centre lies within `widest` rows of every row its kernel reaches; one more strip each side for rounding
  auto strip_of_row = [](int row) { return row >= 0 ? row / kStripRows : -((kStripRows - 1 - row) / kStripRows); };
  auto add_band = [&](int begin, int end) {
    const int first_strip = strip_of_row(begin - widest) - 1, last_strip = strip_of_row(end - 1 + widest) + 1;
    auto from = std::partition_point(kernels.begin(), kernels.end(),
                                     [&](const PlacedKernel& k) { return k.strip < first_strip; });
    auto to = std::partition_point(from, kernels.end(), [&](const PlacedKernel& k) { return k.strip <= last_strip; });
    add_kernels_to_rows<Shape>(std::span<const PlacedKernel>(kernels.data() + (from - kernels.begin()),
                                                             std::size_t(to - from)),
                               grid, begin, end, density);
  };
  threads = std::clamp(threads, 1u, unsigned(std::max(1, grid.height)));
  if (threads == 1 || kernels.empty()) {
    add_band(0, grid.height);
    return density;
  }
  // Threads take the next band of rows as they finish one: dense clusters make some bands far heavier than
  // others, and a fixed share left one core working alone for a tenth of the run. A band is always summed
  // whole by one thread, in the kernels' order, so which thread takes it changes nothing.
  const int band = std::max(1, std::min(32, grid.height / int(threads * 16) + 1));
  const std::size_t bands = std::size_t((grid.height + band - 1) / band);
  run_items_on_threads(bands, threads, [&](std::size_t b) {
    const int begin = int(b) * band;
    add_band(begin, std::min(grid.height, begin + band));
  });
  return density;
}

}  // namespace

std::vector<float> kernel_density(const std::vector<WeightedPoint>& points, const RasterGrid& grid, KernelShape shape,
                                  unsigned threads, double value_scale) {
  switch (shape) {
    case KernelShape::Quartic: return kernel_density_of<KernelShape::Quartic>(points, grid, threads, value_scale);
    case KernelShape::Triangular: return kernel_density_of<KernelShape::Triangular>(points, grid, threads, value_scale);
    case KernelShape::Epanechnikov:
      return kernel_density_of<KernelShape::Epanechnikov>(points, grid, threads, value_scale);
    case KernelShape::Uniform: return kernel_density_of<KernelShape::Uniform>(points, grid, threads, value_scale);
    case KernelShape::Gaussian: return kernel_density_of<KernelShape::Gaussian>(points, grid, threads, value_scale);
  }
  return kernel_density_of<KernelShape::Quartic>(points, grid, threads, value_scale);
}

SurfaceTotals surface_totals(const std::vector<float>& values, unsigned threads) {
  constexpr std::size_t kBlock = 1 << 16;
  const std::size_t blocks = (values.size() + kBlock - 1) / kBlock;
  std::vector<SurfaceTotals> partial(blocks);
  run_items_on_threads(blocks, std::max(1u, threads), [&](std::size_t b) {
    SurfaceTotals& totals = partial[b];
    const std::size_t end = std::min(values.size(), (b + 1) * kBlock);
    for (std::size_t i = b * kBlock; i < end; ++i) {
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
