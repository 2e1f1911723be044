#pragma once
// A north-up grid of square cells in a projected CRS, snapped to multiples of the cell size so that reruns
// and layers of the same cell size align cell for cell.
#include <algorithm>
#include <cstdint>
#include <string>

namespace conflictmap {

struct Bounds {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
  bool empty() const { return !(max_x >= min_x && max_y >= min_y); }
  void expand(double x, double y);
  Bounds buffered(double distance) const { return {min_x - distance, min_y - distance, max_x + distance, max_y + distance}; }
};

struct RasterGrid {
  double origin_x = 0;  // west edge
  double origin_y = 0;  // north edge
  double cell = 1;      // cell size, in CRS units (metres)
  int width = 0;
  int height = 0;
  std::string crs;      // "EPSG:32637", or WKT

  // The smallest snapped grid covering `bounds`.
  static RasterGrid snapped(const Bounds& bounds, double cell, std::string crs);
  std::int64_t cell_count() const { return std::int64_t(width) * height; }
  double cell_area() const { return cell * cell; }
  double column_centre_x(int column) const { return origin_x + (column + 0.5) * cell; }
  double row_centre_y(int row) const { return origin_y - (row + 0.5) * cell; }
  Bounds bounds() const { return {origin_x, origin_y - height * cell, origin_x + width * cell, origin_y}; }
  // The grid whose cell centres are every `factor`-th cell centre of this one, starting `sample_offset(factor)`
  // cells in from the north-west corner: this grid's values taken at those cells are exact at its centres.
  RasterGrid every_nth_centre(int factor) const;
  static int sample_offset(int factor) { return (std::max(1, factor) - 1) / 2; }
  // GDAL's affine geotransform.
  void geotransform(double out[6]) const;
};

// The UTM zone (WGS84) covering a longitude and latitude, as "EPSG:326zz" or "EPSG:327zz".
std::string utm_crs_for(double lon, double lat);

}  // namespace conflictmap

namespace conflictmap {

// Refuses a grid over `extent` with cells of `cell` metres when it would hold more than `max_cells` cells,
// saying the cell size that would fit (every grid a command computes has this guard).
void require_grid_within(const Bounds& extent, double cell, long long max_cells);

}  // namespace conflictmap
