#pragma once
// The isobands of a density run: traced once the surface is done, thinned and written as GeoJSON, on a thread
// of their own beside the COG's writing.
//
// They are traced on every n-th cell centre of the surface, n about bandwidth/8 cells: a surface smoothed by a
// kernel of radius h holds no detail finer than that. Those centres carry the surface's own values, so the
// tracing needs no kernel sum of its own, and the surface's cores are not shared with one while it is computed.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/raster_grid.hpp"

namespace conflictmap {

struct IsobandSummary {
  std::vector<double> levels;  // the thresholds used, ascending
  std::size_t bands = 0, vertices_traced = 0, vertices_kept = 0;
};

struct IsobandRequest {
  std::vector<double> levels;        // empty: 1-2-5 steps below the surface's maximum
  std::optional<double> tolerance;   // thinning, in metres; default a tenth of the tracing cell
  std::filesystem::path temporary;   // the GeoJSON to write
  std::string unit;
};

// The isobands of `values` (the surface on `surface_grid`, whose largest value is `maximum`), written to
// request.temporary.
IsobandSummary write_density_isobands(const RasterGrid& surface_grid, const std::vector<float>& values,
                                      double maximum, double bandwidth, const IsobandRequest& request);

}  // namespace conflictmap
