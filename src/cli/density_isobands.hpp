#pragma once
// The isobands of a density run, traced and written on a thread of their own beside the surface and its COG.
//
// They are traced on a grid about bandwidth/8 across: a surface smoothed by a kernel of radius h holds no detail
// finer than that. That grid samples the same kernels at its own cell centres, for a sixteenth of the surface's
// work or less, so tracing, thinning and writing need not wait for the surface; only the top band, written last,
// waits for the surface's maximum. When the bandwidth is under 16 cells the surface is the tracing grid and the
// thread waits for it instead.
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "layers/density_surface.hpp"
#include "layers/kernel.hpp"
#include "layers/raster_grid.hpp"

namespace conflictmap::cli {

struct IsobandSummary {
  std::vector<double> levels;  // the thresholds used, ascending
  std::size_t bands = 0, vertices_traced = 0, vertices_kept = 0;
};

struct IsobandRequest {
  std::vector<double> levels;        // empty: 1-2-5 steps below the tracing grid's maximum
  std::optional<double> tolerance;   // thinning, in metres; default a tenth of the tracing cell
  std::filesystem::path temporary;   // the GeoJSON to write
  std::string unit;
};

class DensityIsobands {
 public:
  // Starts at once; `points` and `surface_grid` must outlive the job.
  DensityIsobands(const std::vector<WeightedPoint>& points, const RasterGrid& surface_grid, KernelShape shape,
                  double bandwidth, IsobandRequest request);
  // Joins the thread; if the surface never came (an error upstream), the thread gives up first.
  ~DensityIsobands();
  DensityIsobands(const DensityIsobands&) = delete;
  DensityIsobands& operator=(const DensityIsobands&) = delete;

  // The surface, once computed; it must outlive the job.
  void surface_done(const std::vector<float>& values, double maximum);
  // Waits for the GeoJSON to be written; rethrows what the thread threw.
  IsobandSummary finish();

 private:
  IsobandSummary run(const std::vector<WeightedPoint>& points, KernelShape shape);

  RasterGrid tracing_grid_;
  bool traces_surface_;
  IsobandRequest request_;
  std::promise<const std::vector<float>*> surface_;
  std::promise<double> maximum_;
  std::shared_future<const std::vector<float>*> surface_ready_;
  std::shared_future<double> maximum_ready_;
  std::future<IsobandSummary> done_;  // last, so that it is destroyed first, by the destructor's own rules
};

}  // namespace conflictmap::cli
