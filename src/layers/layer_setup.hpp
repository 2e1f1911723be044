#pragma once
// What the layer commands share: the gazetteer's country (its outline and admin areas) in a projected CRS,
// reading every events source, and refusing events that lie outside the country.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/event_batches.hpp"
#include "core/raster_grid.hpp"
#include "gazetteer/gazetteer.hpp"
#include "io/crs_transform.hpp"
#include "layers/admin_geometry.hpp"
#include "layers/geos_context.hpp"

namespace conflictmap {

struct LayerSetup {
  std::filesystem::path gazetteer_folder;
  Gazetteer gazetteer;
  std::string crs;  // projected, metres
  std::unique_ptr<CrsTransform> transform;
  AdminGeometry admin;  // the outline; areas() reads the units' areas when first asked
  GeosContext geos;
  GeosGeometry country{nullptr, GeosDeleter{}};  // projected; null when the gazetteer has no polygons
  Bounds country_bounds;                         // projected: the country, or its places when it has no outline
  // Admin unit areas in m² by P-code, read on first use (only imprecise strikes need them), once even when
  // several threads ask at once.
  const std::map<std::string, double>& areas() const;

 private:
  mutable std::once_flag areas_read_;
  mutable std::map<std::string, double> areas_;
};

// The gazetteer of `gazetteer_folder` and its country; `crs_option` empty: the UTM zone of the gazetteer's places.
std::unique_ptr<LayerSetup> prepare_layer_setup(const std::filesystem::path& gazetteer_folder, const std::string& crs_option);

// Every source, in order, in the batches they were read in; an empty total is an InputError naming the sources.
EventBatches read_event_sources(const std::vector<std::string>& sources, const std::string& layer);

struct ProjectedEvents {
  std::vector<const Event*> events;
  std::vector<double> x, y;  // in the setup's CRS
};
// The events' points in the projected CRS, in one PROJ call.
ProjectedEvents project_events(const LayerSetup& setup, std::vector<const Event*> events);

// Events more than `tolerance_m` outside the country are an error listing them (id, source, point).
void require_inside_country(const LayerSetup& setup, const ProjectedEvents& projected, double tolerance_m);

// "out/control.tif" + "_zones", ".geojson" → "out/control_zones.geojson"
std::filesystem::path sibling_path(const std::filesystem::path& base, const std::string& suffix, const std::string& extension);

// The text of a file written beside the layer (a .qml style) through the staged outputs.
void write_text(const std::filesystem::path& temporary, const std::string& text);

}  // namespace conflictmap
