#pragma once
// Density isobands: polygons between successive thresholds of a raster surface (GDAL's contour polygons),
// written as RFC 7946 GeoJSON with each band's lower and upper value. The area below the lowest threshold
// is left out: it is the empty map.
#include <filesystem>
#include <string>
#include <vector>

#include "core/raster_grid.hpp"
#include "layers/boundary_thinning.hpp"

namespace conflictmap {

// Bands between successive levels, in the grid's CRS, thinned (layers/boundary_thinning) so that no boundary
// moves more than `thinning_tolerance` (grid units; 0 keeps every traced vertex) and neighbouring bands still
// share theirs. The top band's `upper` is +inf until the writer is given the surface's maximum.
struct TracedIsobands {
  struct Band {
    double lower = 0, upper = 0;
    std::vector<std::vector<Ring>> polygons;  // each polygon's exterior ring first
  };
  std::string crs;
  std::vector<Band> bands;
  std::size_t vertices_traced = 0, vertices_kept = 0;
};

TracedIsobands trace_isobands(const RasterGrid& grid, const std::vector<float>& values,
                              const std::vector<double>& levels, double thinning_tolerance);

// RFC 7946 GeoJSON with each band's density_min, density_max and unit, bands in ascending order; the top band
// runs up to `maximum`.
void write_isobands(const std::filesystem::path& temporary, const TracedIsobands& isobands, double maximum,
                    const std::string& unit);

}  // namespace conflictmap
