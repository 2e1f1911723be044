#pragma once
// Density isobands: polygons between successive thresholds of a raster surface (GDAL's contour polygons),
// written as RFC 7946 GeoJSON with each band's lower and upper value. The area below the lowest threshold
// is left out: it is the empty map.
#include <filesystem>
#include <string>
#include <vector>

#include "layers/raster_grid.hpp"

namespace conflictmap {

struct IsobandsWritten {
  std::size_t bands = 0;
  std::size_t vertices_traced = 0, vertices_written = 0;
};

// The top band runs from the last level to `maximum`. The bands' shared boundaries are thinned together
// (layers/boundary_thinning) so that no boundary moves more than `thinning_tolerance` (grid units; 0 keeps
// every traced vertex).
IsobandsWritten write_isobands(const std::filesystem::path& temporary, const RasterGrid& grid,
                               const std::vector<float>& values, const std::vector<double>& levels, double maximum,
                               const std::string& unit, double thinning_tolerance);

}  // namespace conflictmap
