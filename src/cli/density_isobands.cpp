#include "cli/density_isobands.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include "cli/stage_timer.hpp"
#include "io/isobands.hpp"
#include "layers/density_ramp.hpp"

namespace conflictmap::cli {

DensityIsobands::DensityIsobands(const std::vector<WeightedPoint>& points, const RasterGrid& surface_grid,
                                 KernelShape shape, double bandwidth, IsobandRequest request)
    : tracing_grid_(surface_grid.coarsened(std::max(1, int(bandwidth / (8 * surface_grid.cell))))),
      traces_surface_(tracing_grid_.cell == surface_grid.cell),
      request_(std::move(request)),
      surface_ready_(surface_.get_future().share()),
      maximum_ready_(maximum_.get_future().share()) {
  done_ = std::async(std::launch::async, [this, &points, shape] { return run(points, shape); });
}

DensityIsobands::~DensityIsobands() {
  // An error before the surface was done: the waiting thread is told so, then joined.
  const auto gave_up = std::make_exception_ptr(std::runtime_error("the density surface was not computed"));
  try {
    surface_.set_exception(gave_up);
  } catch (const std::future_error&) {
  }
  try {
    maximum_.set_exception(gave_up);
  } catch (const std::future_error&) {
  }
  if (done_.valid()) done_.wait();
}

void DensityIsobands::surface_done(const std::vector<float>& values, double maximum) {
  surface_.set_value(&values);
  maximum_.set_value(maximum);
}

IsobandSummary DensityIsobands::finish() { return done_.get(); }

IsobandSummary DensityIsobands::run(const std::vector<WeightedPoint>& points, KernelShape shape) {
  StageTimer timer("density isobands");
  std::vector<float> sampled;
  const std::vector<float>* traced_values = &sampled;
  if (traces_surface_) {
    traced_values = surface_ready_.get();
  } else {
    sampled = kernel_density(points, tracing_grid_, shape, 1, 1e6);  // per km², as the surface
  }
  IsobandSummary summary;
  summary.levels = request_.levels;
  if (summary.levels.empty() && !traced_values->empty()) {
    summary.levels = nice_levels(*std::max_element(traced_values->begin(), traced_values->end()));
  }
  std::sort(summary.levels.begin(), summary.levels.end());
  const double tolerance = request_.tolerance ? *request_.tolerance : tracing_grid_.cell / 10;
  timer.stage("tracing surface");
  const TracedIsobands traced = trace_isobands(tracing_grid_, *traced_values, summary.levels, tolerance);
  timer.stage("trace and thin");
  write_isobands(request_.temporary, traced, [this] { return maximum_ready_.get(); }, request_.unit);
  timer.stage("write");
  summary.bands = traced.bands.size();
  summary.vertices_traced = traced.vertices_traced;
  summary.vertices_kept = traced.vertices_kept;
  return summary;
}

}  // namespace conflictmap::cli
