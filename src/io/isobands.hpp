#pragma once
// Density isobands: polygons between successive thresholds of a raster surface (GDAL's contour polygons),
// written as RFC 7946 GeoJSON with each band's lower and upper value. The area below the lowest threshold
// is left out: it is the empty map.
#include <filesystem>
#include <string>
#include <vector>

#include "layers/raster_grid.hpp"

namespace conflictmap {

// The top band runs from the last level to `maximum`. Returns the number of bands written.
std::size_t write_isobands(const std::filesystem::path& temporary, const RasterGrid& grid,
                           const std::vector<float>& values, const std::vector<double>& levels, double maximum,
                           const std::string& unit);

}  // namespace conflictmap
