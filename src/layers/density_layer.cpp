#include "layers/density_layer.hpp"

#include <fmt/format.h>

#include <future>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "layers/density_isobands.hpp"
#include "layers/density_surface.hpp"
#include "layers/qgis_style.hpp"

namespace conflictmap {

DensityLayer compute_density(const LayerSetup& setup, const EventBatches& events, const DensityRequest& request,
                             const std::string& sources) {
  const auto report = select_strikes(events, request.selection, [&](const std::string& id) -> std::optional<double> {
    // only an admin unit has an area worth reading the polygons for
    const auto index = setup.gazetteer.find(id);
    if (!index || !is_admin_unit(setup.gazetteer.at(*index).kind)) return std::nullopt;
    const auto& areas = setup.areas();
    auto found = areas.find(id);
    if (found == areas.end()) return std::nullopt;
    return found->second;
  });
  if (report.selected.empty()) {
    throw std::runtime_error(fmt::format("no strike events to map in {} ({} events read): {}", sources, events.size(),
                                         report.summary()));
  }
  std::vector<const Event*> selected_events;
  for (const auto& s : report.selected) selected_events.push_back(s.event);
  const ProjectedEvents projected = project_events(setup, selected_events);  // every selected event has a point
  // Whether every event lies in the country is checked beside the kernel; nothing is written unless it passes.
  auto inside_country = std::async(std::launch::async, [&] { require_inside_country(setup, projected, 25000); });

  std::vector<WeightedPoint> points;
  Bounds reach;
  reach.min_x = 1;  // empty
  reach.max_x = 0;
  for (std::size_t i = 0; i < report.selected.size(); ++i) {
    const auto& s = report.selected[i];
    const double x = projected.x[i], y = projected.y[i];
    points.push_back({x, y, s.weight, s.bandwidth_m});
    const double r = Kernel(request.shape, s.bandwidth_m).support_radius();
    reach.expand(x - r, y - r);
    reach.expand(x + r, y + r);
  }
  const double bandwidth = request.selection.bandwidth_m;
  const Bounds extent = request.bounds              ? *request.bounds
                        : request.extent_of_events ? reach
                                                   : setup.country_bounds.buffered(bandwidth);
  DensityLayer layer;
  try {
    require_grid_within(extent, request.pixel_m, request.max_cells);
    if (!request.bounds) {
      layer.grid = RasterGrid::snapped(extent, request.pixel_m, setup.crs);
    } else {
      const Bounds& b = *request.bounds;
      if (!(b.max_x > b.min_x && b.max_y > b.min_y)) {
        throw std::invalid_argument("bounds: xmax and ymax must exceed xmin and ymin");
      }
      layer.grid.origin_x = b.min_x;
      layer.grid.origin_y = b.max_y;
      layer.grid.cell = request.pixel_m;
      layer.grid.width = int(std::lround((b.max_x - b.min_x) / request.pixel_m));
      layer.grid.height = int(std::lround((b.max_y - b.min_y) / request.pixel_m));
      layer.grid.crs = setup.crs;
    }
    layer.values = kernel_density(points, layer.grid, request.shape, std::max(1u, request.threads), 1e6);  // per km²
  } catch (...) {
    inside_country.wait();
    throw;
  }
  const SurfaceTotals totals = surface_totals(layer.values, std::max(1u, request.threads));
  layer.maximum = totals.maximum;
  layer.mass = totals.sum * layer.grid.cell_area() / 1e6;
  layer.selection_summary = report.summary();
  layer.selected = report.selected.size();
  layer.total_weight = report.total_weight;
  inside_country.get();
  return layer;
}

DensityWritten write_density_layer(const DensityLayer& layer, const DensityRequest& request, const DensityOutputs& outputs) {
  StagedOutputs staged;
  const auto raster_temporary = staged.stage(outputs.raster);
  const auto bands_temporary = outputs.isobands ? staged.stage(*outputs.isobands) : std::filesystem::path();
  // The isobands are traced, thinned and written beside the COG.
  const IsobandRequest isoband_request{outputs.levels, outputs.isoband_tolerance, bands_temporary, kDensityUnit};
  std::future<IsobandSummary> isobands;
  if (outputs.isobands) {
    isobands = std::async(std::launch::async, [&] {
      return write_density_isobands(layer.grid, layer.values, layer.maximum, request.selection.bandwidth_m, isoband_request);
    });
  }
  RasterMetadata metadata = outputs.description;
  metadata["CONFLICTMAP_LAYER"] = "strike density";
  metadata["UNITS"] = kDensityUnit;
  metadata["KERNEL"] = std::string(kernel_shape_name(request.shape));
  metadata["BANDWIDTH_M"] = fmt::format("{}", request.selection.bandwidth_m);
  metadata["PIXEL_SIZE_M"] = fmt::format("{}", request.pixel_m);
  metadata["CRS"] = layer.grid.crs;
  metadata["HALF_LIFE_DAYS"] = fmt::format("{}", request.selection.half_life_days);
  metadata["FATALITY_WEIGHT"] = fmt::format("{}", request.selection.fatality_weight);
  metadata["NEAR_RADIUS_M"] = fmt::format("{}", request.selection.near_radius_m);
  metadata["REGION_RADIUS_M"] = fmt::format("{}", request.selection.region_radius_m);
  metadata["EVENTS_SELECTED"] = fmt::format("{}", layer.selected);
  metadata["TOTAL_WEIGHT"] = fmt::format("{:.6g}", layer.total_weight);
  metadata["MASS_ON_GRID"] = fmt::format("{:.6g}", layer.mass);
  metadata["MAXIMUM"] = fmt::format("{:.6g}", layer.maximum);
  metadata["SOFTWARE"] = std::string("conflictmap ") + CONFLICTMAP_VERSION;
  try {
    write_float_cog(raster_temporary, layer.grid, layer.values, -1.0, kDensityUnit, metadata, outputs.compression);
  } catch (...) {
    if (isobands.valid()) isobands.wait();
    throw;
  }
  const IsobandSummary written = isobands.valid() ? isobands.get() : IsobandSummary{};
  write_text(staged.stage(sibling_path(outputs.raster, "", ".qml")), density_raster_style(layer.maximum, kDensityUnit));
  if (outputs.isobands) {
    write_text(staged.stage(sibling_path(*outputs.isobands, "", ".qml")),
               isoband_style(written.levels, layer.maximum, kDensityUnit));
  }
  staged.commit();
  return {written.bands, written.vertices_traced, written.vertices_kept};
}

}  // namespace conflictmap
