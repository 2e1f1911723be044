#pragma once
// Kernels summed cell by cell: the profile is evaluated at every cell centre a kernel reaches. Serves every
// shape; the polynomial ones have a quicker path in row_polynomial_sum.
#include <span>
#include <vector>

#include "layers/kernel_placement.hpp"

namespace conflictmap {

// Adds the kernels to the rows [row_begin, row_end) of `density` (row-major, grid.width per row). The rows
// belong to the caller's thread alone. Each cell sums its kernels in their order, so the result does not
// depend on how rows are split among threads.
void add_kernels_cell_by_cell(KernelShape shape, std::span<const PlacedKernel> kernels, const RasterGrid& grid,
                              int row_begin, int row_end, std::vector<float>& density);

}  // namespace conflictmap
