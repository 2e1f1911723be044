#pragma once
// Burns polygons into a grid of category codes through GDAL's rasterizer (a cell takes the code of the
// polygon covering its centre; cells no polygon covers keep `background`).
#include <cstdint>
#include <utility>
#include <vector>

#include "core/raster_grid.hpp"

namespace conflictmap {

std::vector<std::uint8_t> rasterize_categories(const RasterGrid& grid,
                                               const std::vector<std::pair<std::vector<unsigned char>, std::uint8_t>>& polygons,
                                               std::uint8_t background);

}  // namespace conflictmap
