#include "core/raster_grid.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace conflictmap {

void Bounds::expand(double x, double y) {
  if (empty()) {
    min_x = max_x = x;
    min_y = max_y = y;
    return;
  }
  min_x = std::min(min_x, x);
  max_x = std::max(max_x, x);
  min_y = std::min(min_y, y);
  max_y = std::max(max_y, y);
}

RasterGrid RasterGrid::snapped(const Bounds& bounds, double cell, std::string crs) {
  if (!(cell > 0.0)) throw std::invalid_argument("cell size must be > 0");
  RasterGrid grid;
  grid.cell = cell;
  grid.crs = std::move(crs);
  const double west = std::floor(bounds.min_x / cell) * cell;
  const double south = std::floor(bounds.min_y / cell) * cell;
  const double east = std::ceil(bounds.max_x / cell) * cell;
  const double north = std::ceil(bounds.max_y / cell) * cell;
  grid.origin_x = west;
  grid.origin_y = north;
  const double columns = std::round((east - west) / cell), rows = std::round((north - south) / cell);
  if (columns > 2e9 || rows > 2e9) throw std::invalid_argument("grid too large for its cell size");
  grid.width = std::max(1, int(columns));
  grid.height = std::max(1, int(rows));
  return grid;
}

RasterGrid RasterGrid::every_nth_centre(int factor) const {
  if (factor <= 1) return *this;
  const int offset = sample_offset(factor);
  RasterGrid sampled = *this;
  sampled.cell = cell * factor;
  sampled.origin_x = column_centre_x(offset) - sampled.cell / 2;
  sampled.origin_y = row_centre_y(offset) + sampled.cell / 2;
  sampled.width = width > offset ? (width - 1 - offset) / factor + 1 : 1;
  sampled.height = height > offset ? (height - 1 - offset) / factor + 1 : 1;
  return sampled;
}

void RasterGrid::geotransform(double out[6]) const {
  out[0] = origin_x;
  out[1] = cell;
  out[2] = 0;
  out[3] = origin_y;
  out[4] = 0;
  out[5] = -cell;
}

std::string utm_crs_for(double lon, double lat) {
  const int zone = std::clamp(int(std::floor((lon + 180.0) / 6.0)) + 1, 1, 60);
  const int code = (lat >= 0 ? 32600 : 32700) + zone;
  return "EPSG:" + std::to_string(code);
}

}  // namespace conflictmap

namespace conflictmap {

void require_grid_within(const Bounds& extent, double cell, long long max_cells) {
  const double cells = std::ceil((extent.max_x - extent.min_x) / cell + 1) * std::ceil((extent.max_y - extent.min_y) / cell + 1);
  if (!(cells <= double(max_cells))) {
    const double suggested = std::ceil(cell * std::sqrt(cells / double(max_cells)) / 10) * 10;
    throw std::runtime_error(fmt::format(
        "a {:.0f} m pixel gives a grid of {:.3g} cells ({:.1f} GB to compute), over the limit of {} cells; use "
        "--pixel-size {:.0f} or more, a smaller extent, or raise --max-cells",
        cell, cells, cells * 16 / 1e9, max_cells, suggested));
  }
}

}  // namespace conflictmap
