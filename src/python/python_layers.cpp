#include "python/python_layers.hpp"

#include <ogr_spatialref.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "io/delimited_table.hpp"
#include "layers/control_baseline.hpp"
#include "layers/control_layer.hpp"
#include "layers/date_series.hpp"
#include "layers/density_layer.hpp"
#include "python/event_list.hpp"
#include "python/python_arguments.hpp"
#include "python/python_engine.hpp"

namespace py = pybind11;

namespace conflictmap::python {

namespace {

std::string wkt_of(const std::string& crs) {
  OGRSpatialReference reference;
  if (reference.SetFromUserInput(crs.c_str()) != OGRERR_NONE) return crs;
  char* wkt = nullptr;
  reference.exportToWkt(&wkt);
  std::string out = wkt ? wkt : "";
  CPLFree(wkt);
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

py::dict density(const PythonEngine& engine, const EventList& events, double bandwidth, double pixel_size,
                 const std::string& kernel, const std::vector<std::string>& types, const std::vector<std::string>& actors,
                 const std::optional<std::string>& from, const std::optional<std::string>& to,
                 const std::optional<std::string>& as_of, double half_life, double fatality_weight, double near_radius,
                 double region_radius, const std::string& extent, const std::optional<std::vector<double>>& bounds,
                 long long max_cells, std::optional<int> threads, const std::optional<std::string>& output,
                 const std::optional<std::string>& isobands, bool write_isobands, const std::vector<double>& levels,
                 const std::string& compress, const std::string& crs, const std::string& sources) {
  DensityRequest request;
  const auto shape = parse_kernel_shape(kernel);
  if (!shape) throw py::value_error("kernel: '" + kernel + "' is not one of quartic, triangular, epanechnikov, uniform, gaussian");
  request.shape = *shape;
  request.selection.types.clear();
  for (const auto& type : types) {
    const auto parsed = strike_type_named(type);
    if (!parsed) throw py::value_error("types: '" + type + "' is not a sub-event type");
    request.selection.types.insert(*parsed);
  }
  request.selection.actors.insert(actors.begin(), actors.end());
  request.selection.from = date_argument(from, "date_from");
  request.selection.to = date_argument(to, "date_to");
  request.selection.as_of = date_argument(as_of, "as_of");
  request.selection.half_life_days = finite_at_least(half_life, 0, "half_life");
  if (half_life > 0 && !request.selection.as_of) throw py::value_error("half_life: needs as_of, the day decay counts back from");
  request.selection.fatality_weight = finite_at_least(fatality_weight, 0, "fatality_weight");
  request.selection.bandwidth_m = finite_at_least(bandwidth, 0, "bandwidth", true);
  request.selection.near_radius_m = finite_at_least(near_radius, 0, "near_radius");
  request.selection.region_radius_m = finite_at_least(region_radius, 0, "region_radius");
  request.pixel_m = finite_at_least(pixel_size, 1, "pixel_size");
  if (extent != "country" && extent != "events") throw py::value_error("extent: 'country' or 'events'");
  request.extent_of_events = extent == "events";
  if (bounds) {
    if (bounds->size() != 4) throw py::value_error("bounds: four numbers, xmin, ymin, xmax, ymax");
    const auto& b = *bounds;
    if (!(b[2] > b[0] && b[3] > b[1])) throw py::value_error("bounds: xmax and ymax must exceed xmin and ymin");
    request.bounds = Bounds{b[0], b[1], b[2], b[3]};
  }
  if (max_cells < 1) throw py::value_error("max_cells: must be 1 or more");
  request.max_cells = max_cells;
  request.threads = thread_count(threads);
  for (const double level : levels) finite_at_least(level, 0, "levels", true);
  if (compress != "zstd" && compress != "deflate") throw py::value_error("compress: 'zstd' or 'deflate'");

  DensityLayer layer;
  DensityWritten written;
  std::string setup_crs;
  {
    py::gil_scoped_release unlocked;
    const auto setup = engine.layer_setup(crs);
    EventBatches batches;
    batches.add(std::vector<Event>(events.events));
    layer = compute_density(*setup, batches, request, sources);
    if (output) {
      DensityOutputs outputs;
      outputs.raster = *output;
      if (write_isobands) {
        outputs.isobands = isobands ? std::filesystem::path(*isobands) : sibling_path(*output, "_isobands", ".geojson");
      }
      outputs.levels = levels;
      outputs.compression = compress == "deflate" ? Compression::Deflate : Compression::Zstd;
      outputs.description = {
          {"EXTENT", bounds ? "bounds" : extent}, {"TYPES", joined(types)},  {"ACTORS", joined(actors)},
          {"FROM", from.value_or("")},          {"TO", to.value_or("")},    {"AS_OF", as_of.value_or("")},
          {"SOURCES", sources},
      };
      written = write_density_layer(layer, request, outputs);
    }
  }
  py::dict out;
  out["crs"] = wkt_of(layer.grid.crs);
  out["crs_code"] = layer.grid.crs;
  out["geotransform"] = py::make_tuple(layer.grid.origin_x, layer.grid.cell, 0.0, layer.grid.origin_y, 0.0, -layer.grid.cell);
  out["unit"] = kDensityUnit;
  out["maximum"] = layer.maximum;
  out["mass"] = layer.mass;
  out["selected"] = layer.selected;
  out["total_weight"] = layer.total_weight;
  out["summary"] = layer.selection_summary;
  if (output) {
    out["isobands"] = written.isobands;
  } else {
    py::array_t<float> values({layer.grid.height, layer.grid.width});
    std::copy(layer.values.begin(), layer.values.end(), values.mutable_data());
    out["values"] = values;
  }
  return out;
}

py::list control(const PythonEngine& engine, const std::shared_ptr<EventList>& events, const std::string& baseline,
                 const std::optional<std::string>& baseline_date, const std::string& as_of, const std::string& output,
                 int decay_days, int contested_days, double influence, double pixel_size, const std::string& undated,
                 long long max_cells, const std::string& palette_path, const std::string& crs) {
  if (!events && baseline.empty()) throw py::value_error("give events, a baseline, or both");
  ControlRequest request;
  try {
    request.dates = parse_date_series(as_of);
  } catch (const std::invalid_argument& error) {
    throw py::value_error(std::string("as_of: ") + error.what());
  }
  const auto baseline_day = date_argument(baseline_date, "baseline_date");
  if (decay_days < 0) throw py::value_error("decay_days: cannot be negative");
  if (contested_days < 0) throw py::value_error("contested_days: cannot be negative");
  request.decay_days = decay_days;
  request.contested_days = contested_days;
  request.influence_m = finite_at_least(influence, 0, "influence");
  request.pixel_m = finite_at_least(pixel_size, 1, "pixel_size");
  if (undated != "skip" && undated != "as-of") throw py::value_error("undated: 'skip' or 'as-of'");
  request.undated_as_of = undated == "as-of";
  request.undated = undated;
  if (max_cells < 1) throw py::value_error("max_cells: must be 1 or more");
  request.max_cells = max_cells;
  request.baseline = baseline;
  const auto extension = std::filesystem::path(output).extension();
  if (extension != ".tif" && extension != ".tiff") throw py::value_error("output: the control layer is a GeoTIFF: name it .tif");
  std::vector<ControlSnapshotSummary> summaries;
  {
    py::gil_scoped_release unlocked;
    const std::string palette_file = palette_path.empty() ? default_controller_palette().string() : palette_path;
    const ControllerPalette palette = ControllerPalette::parse(read_text_file(palette_file), palette_file);
    const auto setup = engine.layer_setup(crs);
    ControlInputs inputs;
    EventBatches batches;
    if (events) batches.add(std::vector<Event>(events->events));
    add_event_reports(batches, setup->gazetteer, palette, inputs);
    if (!baseline.empty()) {
      add_baseline_reports(read_control_baseline(baseline), setup->gazetteer, palette, baseline_day, inputs);
    }
    if (inputs.reports.empty()) throw std::runtime_error("nothing says who controls anything: " + inputs.summary());
    require_inside_country(*setup, project_events(*setup, inputs.placed_events), 25000);
    summaries = write_control_layers(*setup, palette, inputs, request, output);
  }
  py::list out;
  for (const auto& s : summaries) {
    py::dict row;
    row["as_of"] = s.date.iso();
    row["raster"] = s.raster.string();
    row["zones"] = s.zones_file.string();
    row["fronts"] = s.fronts_file.string();
    row["settlements"] = s.settlements;
    row["contested"] = s.contested;
    row["decayed"] = s.decayed;
    row["undated_skipped"] = s.undated_skipped;
    row["zone_count"] = s.zones;
    row["front_count"] = s.fronts;
    out.append(row);
  }
  return out;
}

}  // namespace

void bind_layers(py::module_& module) {
  module.def("density", &density, py::arg("engine"), py::arg("events"), py::arg("bandwidth"), py::arg("pixel_size"),
             py::arg("kernel"), py::arg("types"), py::arg("actors"), py::arg("date_from"), py::arg("date_to"),
             py::arg("as_of"), py::arg("half_life"), py::arg("fatality_weight"), py::arg("near_radius"),
             py::arg("region_radius"), py::arg("extent"), py::arg("bounds"), py::arg("max_cells"), py::arg("threads"),
             py::arg("output"), py::arg("isobands"), py::arg("write_isobands"), py::arg("levels"), py::arg("compress"),
             py::arg("crs"), py::arg("sources"));
  module.def("control", &control, py::arg("engine"), py::arg("events"), py::arg("baseline"), py::arg("baseline_date"),
             py::arg("as_of"), py::arg("output"), py::arg("decay_days"), py::arg("contested_days"), py::arg("influence"),
             py::arg("pixel_size"), py::arg("undated"), py::arg("max_cells"), py::arg("palette"), py::arg("crs"));
}

}  // namespace conflictmap::python
