#pragma once
// Control-zone layers from reports of who holds what, for every caller (the `control` command, the Python
// module): for each date, a categorical COG, the zone polygons and front lines as GeoJSON, and a QGIS style for
// each; several dates add a manifest. Every file appears, or none.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "layers/control_inputs.hpp"
#include "layers/controller_palette.hpp"
#include "layers/layer_setup.hpp"

namespace conflictmap {

struct ControlRequest {
  std::vector<CivilDate> dates;  // one snapshot each, in this order
  int decay_days = 0;            // 0: a report holds until another replaces it
  int contested_days = 30;       // reports of two sides this close together make a place contested
  double influence_m = 15000;    // how far a settlement's control reaches
  double pixel_m = 500;
  bool undated_as_of = false;    // undated reports count as of each date (else they are skipped)
  long long max_cells = 100'000'000;
  // As the user wrote them, for the rasters' metadata
  std::string undated = "skip";
  std::string baseline;
};

struct ControlSnapshotSummary {
  CivilDate date;
  std::size_t settlements = 0, contested = 0, decayed = 0, undated_skipped = 0, zones = 0, fronts = 0;
  std::filesystem::path raster, zones_file, fronts_file;
};

// The palette controller names map to: $CONFLICTMAP_STYLES/controllers.tsv, else the data folder's.
std::filesystem::path default_controller_palette();

// Writes every snapshot of `request.dates` beside `output` (a .tif; with several dates each file takes the
// date as a suffix, and OUTPUT_snapshots.json lists them). Throws when the grid would exceed max_cells.
std::vector<ControlSnapshotSummary> write_control_layers(const LayerSetup& setup, const ControllerPalette& palette,
                                                         const ControlInputs& inputs, const ControlRequest& request,
                                                         const std::filesystem::path& output);

}  // namespace conflictmap
