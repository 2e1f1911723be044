#pragma once
// A strike-density layer from events to files, for every caller (the `density` command, the Python module): the
// strikes selected and weighed, the kernel surface on a grid in the country's projected CRS, and the outputs
// (a Float32 COG in strikes/km², its isobands as GeoJSON, and a QGIS style for each), written whole or not at all.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/event_batches.hpp"
#include "core/raster_grid.hpp"
#include "io/cloud_optimized_geotiff.hpp"
#include "layers/kernel.hpp"
#include "layers/layer_setup.hpp"
#include "layers/strike_selection.hpp"

namespace conflictmap {

inline constexpr const char* kDensityUnit = "strikes/km²";

struct DensityRequest {
  StrikeSelection selection;  // its bandwidth_m is the kernel's
  KernelShape shape = KernelShape::Quartic;
  double pixel_m = 500;
  bool extent_of_events = false;  // the grid covers the selected events' reach, not the country plus the bandwidth
  std::optional<Bounds> bounds;   // an exact grid instead (not snapped), in the CRS
  long long max_cells = 100'000'000;
  unsigned threads = 1;
};

struct DensityLayer {
  RasterGrid grid;
  std::vector<float> values;     // strikes/km², rows from the north
  std::string selection_summary;  // which events counted and why the others did not
  std::size_t selected = 0;
  double total_weight = 0;        // of the selected strikes
  double maximum = 0;             // the largest cell value
  double mass = 0;                // the surface's integral over the grid, in strikes
};

// The surface of `events` on the setup's country. Throws when no strike is selected (`sources` names the input
// in the message), when an event lies more than 25 km outside the country, or when the grid would exceed
// max_cells.
DensityLayer compute_density(const LayerSetup& setup, const EventBatches& events, const DensityRequest& request,
                             const std::string& sources);

struct DensityOutputs {
  std::filesystem::path raster;               // .tif; its style beside it
  std::optional<std::filesystem::path> isobands;  // GeoJSON; none: no isobands
  std::vector<double> levels;                 // isoband thresholds; empty: 1-2-5 steps below the maximum
  std::optional<double> isoband_tolerance;    // metres
  Compression compression = Compression::Zstd;
  // How the layer was asked for, as the user wrote it, for the raster's metadata: TYPES, ACTORS, FROM, TO,
  // AS_OF, EXTENT, SOURCES and the like. The computed values (EVENTS_SELECTED, MAXIMUM, …) are added here.
  RasterMetadata description;
};

struct DensityWritten {
  std::size_t isobands = 0, vertices_traced = 0, vertices_kept = 0;
};

// Writes the raster, the isobands and their styles through staged temporaries: all appear, or none.
DensityWritten write_density_layer(const DensityLayer& layer, const DensityRequest& request, const DensityOutputs& outputs);

}  // namespace conflictmap
