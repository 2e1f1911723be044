#pragma once
// Kernel density of weighted points on a grid: each point spreads its weight over the cells whose centres
// lie within its kernel's reach, exactly as QGIS's Heatmap samples the kernel at cell centres. Points may
// carry their own bandwidth (imprecise locations are wider). The sum is independent of the thread count.
#include <vector>

#include "core/raster_grid.hpp"
#include "layers/kernel.hpp"
#include "layers/kernel_placement.hpp"

namespace conflictmap {

// Density per unit area of the CRS (per m² for metres) times `value_scale` (1e6 gives per km²), row-major
// from the north-west cell. Sums in float, as QGIS does: 7 significant digits are plenty for a map.
std::vector<float> kernel_density(const std::vector<WeightedPoint>& points, const RasterGrid& grid, KernelShape shape,
                                  unsigned threads, double value_scale = 1.0);


// The largest value and the sum of a surface. The sum is made in fixed blocks added in order, so it is the
// same for any number of threads.
struct SurfaceTotals {
  double maximum = 0;
  double sum = 0;
};
SurfaceTotals surface_totals(const std::vector<float>& values, unsigned threads);

}  // namespace conflictmap
