#include "layers/density_isobands.hpp"

#include <algorithm>

#include "io/stage_timer.hpp"
#include "layers/density_ramp.hpp"
#include "layers/isobands.hpp"

namespace conflictmap {

namespace {

// The surface's values at the tracing grid's centres.
std::vector<float> sampled(const std::vector<float>& values, const RasterGrid& surface, const RasterGrid& tracing,
                           int factor) {
  if (factor <= 1) return values;
  const int offset = RasterGrid::sample_offset(factor);
  std::vector<float> out(std::size_t(tracing.width) * std::size_t(tracing.height));
  for (int row = 0; row < tracing.height; ++row) {
    const float* from = values.data() + std::size_t(offset + row * factor) * std::size_t(surface.width) + offset;
    float* to = out.data() + std::size_t(row) * std::size_t(tracing.width);
    for (int column = 0; column < tracing.width; ++column) to[column] = from[std::size_t(column) * factor];
  }
  return out;
}

}  // namespace

IsobandSummary write_density_isobands(const RasterGrid& surface_grid, const std::vector<float>& values,
                                      double maximum, double bandwidth, const IsobandRequest& request) {
  StageTimer timer("density isobands");
  const int factor = std::max(1, int(bandwidth / (8 * surface_grid.cell)));
  const RasterGrid tracing_grid = surface_grid.every_nth_centre(factor);
  const std::vector<float> traced_values = sampled(values, surface_grid, tracing_grid, factor);
  IsobandSummary summary;
  summary.levels = request.levels.empty() ? nice_levels(maximum) : request.levels;
  std::sort(summary.levels.begin(), summary.levels.end());
  const double tolerance = request.tolerance ? *request.tolerance : tracing_grid.cell / 10;
  timer.stage("tracing surface");
  const TracedIsobands traced = trace_isobands(tracing_grid, traced_values, summary.levels, tolerance);
  timer.stage("trace and thin");
  write_isobands(request.temporary, traced, maximum, request.unit);
  timer.stage("write");
  summary.bands = traced.bands.size();
  summary.vertices_traced = traced.vertices_traced;
  summary.vertices_kept = traced.vertices_kept;
  return summary;
}

}  // namespace conflictmap
