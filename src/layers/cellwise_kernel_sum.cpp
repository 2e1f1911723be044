#include "layers/cellwise_kernel_sum.hpp"

#include <algorithm>
#include <cmath>

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
constexpr int kLanes = 8;  // floats in an AVX2 vector, half an AVX-512 one

// GCC clones the loop per instruction set; clang (the fuzzing build) cannot clone a template and builds it once
#if defined(__clang__)
#define CONFLICTMAP_KERNEL_CLONES
#else
#define CONFLICTMAP_KERNEL_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#endif

template <KernelShape Shape>
CONFLICTMAP_KERNEL_CLONES void add_kernels(
    std::span<const PlacedKernel> kernels, const RasterGrid& grid, int row_begin, int row_end,
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
    int square_last = std::min(grid.width - 1, int(std::ceil((point.x + reach - grid.origin_x) * inv_cell - 0.5)));
    if (square_first > square_last) continue;  // wholly east or west of the grid
    square_last = square_first + (square_last - square_first + kLanes) / kLanes * kLanes - 1;
    if (square_last >= grid.width) {
      square_first = std::max(0, square_first - (square_last - (grid.width - 1)));
      square_last = grid.width - 1;
    }
    // distances in units of the bandwidth: u = (dx² + dy²)/h², with dx² the same on every row
    const float x0 = float((grid.column_centre_x(0) - point.x) * point.inv_h);
    const float step = float(grid.cell * point.inv_h);
    const float scale = float(point.scale);
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

}  // namespace

void add_kernels_cell_by_cell(KernelShape shape, std::span<const PlacedKernel> kernels, const RasterGrid& grid,
                              int row_begin, int row_end, std::vector<float>& density) {
  switch (shape) {
    case KernelShape::Quartic: return add_kernels<KernelShape::Quartic>(kernels, grid, row_begin, row_end, density);
    case KernelShape::Triangular:
      return add_kernels<KernelShape::Triangular>(kernels, grid, row_begin, row_end, density);
    case KernelShape::Epanechnikov:
      return add_kernels<KernelShape::Epanechnikov>(kernels, grid, row_begin, row_end, density);
    case KernelShape::Uniform: return add_kernels<KernelShape::Uniform>(kernels, grid, row_begin, row_end, density);
    case KernelShape::Gaussian: return add_kernels<KernelShape::Gaussian>(kernels, grid, row_begin, row_end, density);
  }
}

}  // namespace conflictmap
