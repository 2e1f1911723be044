#pragma once
// A weighted point readied for summing onto a grid: what every row of its kernel needs, worked out once, and
// the order in which kernels are best summed.
#include <vector>

#include "core/raster_grid.hpp"
#include "layers/kernel.hpp"

namespace conflictmap {

struct WeightedPoint {
  double x = 0, y = 0;   // in the grid's CRS
  double weight = 1;
  double bandwidth = 0;  // in the grid's CRS units
};

struct PlacedKernel {
  double x = 0, y = 0;
  double reach2 = 0;   // the squared support radius
  double inv_h = 0;    // 1/h
  double inv_h2 = 0;   // 1/h²
  double scale = 0;    // the value at the centre: weight × the kernel's peak × the caller's unit scale
  int first_row = 0;   // the rows whose centres can fall inside the reach, before clipping to the grid
  int last_row = 0;
  int strip = 0;       // which strip of kStripRows rows holds the centre, for ordering
};

constexpr int kStripRows = 32;

// Throws std::invalid_argument for a bandwidth that is not a positive number.
PlacedKernel place_kernel(const WeightedPoint& point, KernelShape shape, const RasterGrid& grid, double value_scale);

// Every point's kernel, in grid order: strips of rows north to south, west to east within a strip, ties in
// input order. Throws std::invalid_argument for a coordinate that is not a finite number or a bad bandwidth.
// The same order and values for any number of threads.
std::vector<PlacedKernel> place_in_grid_order(const std::vector<WeightedPoint>& points, KernelShape shape,
                                              const RasterGrid& grid, double value_scale, unsigned threads = 1);

}  // namespace conflictmap
