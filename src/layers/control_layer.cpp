#include "layers/control_layer.hpp"

#include <fmt/format.h>
#include <geos_c.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "io/atomic_file.hpp"
#include "io/cloud_optimized_geotiff.hpp"
#include "io/data_location.hpp"
#include "io/geojson_layer.hpp"
#include "layers/control_timeline.hpp"
#include "layers/control_zones.hpp"
#include "layers/qgis_style.hpp"
#include "layers/rasterize.hpp"

namespace conflictmap {

namespace {

struct SnapshotFiles {
  std::filesystem::path raster, zones, fronts;
};

ControlSnapshotSummary write_snapshot(const LayerSetup& setup, const ControllerPalette& palette, const ControlInputs& inputs,
                                      const ControlRequest& request, const CivilDate& date, const RasterGrid& grid,
                                      const SnapshotFiles& files, StagedOutputs& outputs) {
  ControlOptions options;
  options.as_of = date;
  options.decay_days = request.decay_days;
  options.contested_days = request.contested_days;
  options.undated_as_of = request.undated_as_of;
  const ControlSnapshot snapshot = control_on(inputs.reports, options, palette.contested().value);

  std::vector<ProjectedSettlement> projected;
  for (const auto& settlement : snapshot.settlements) {
    const auto [x, y] = setup.transform->forward(settlement.point.lon, settlement.point.lat);
    projected.push_back({x, y, settlement.category});
  }
  ZoneOptions zone_options;
  zone_options.influence_m = request.influence_m;
  zone_options.country = setup.country.get();
  zone_options.contested = palette.contested().value;
  const ControlZones zones = control_zones(setup.geos, projected, zone_options);

  std::vector<std::pair<std::vector<unsigned char>, std::uint8_t>> burn;
  GeoJsonLayer zone_layer(outputs.stage(files.zones), "control_zones", setup.crs,
                          {{"controller", FieldKind::Text}, {"label", FieldKind::Text}, {"as_of", FieldKind::Text},
                           {"settlements", FieldKind::Integer}, {"area_km2", FieldKind::Real},
                           {"event_ids", FieldKind::TextList}});
  for (const auto& zone : zones.zones) {
    const ControllerCategory* category = palette.by_value(zone.category);
    std::vector<std::string> event_ids;
    for (std::size_t i : zone.settlements) {
      for (const auto& id : snapshot.settlements[i].deciding_events) event_ids.push_back(id);
    }
    std::sort(event_ids.begin(), event_ids.end());
    event_ids.erase(std::unique(event_ids.begin(), event_ids.end()), event_ids.end());
    double area = 0;
    GEOSArea_r(setup.geos.handle(), zone.area.get(), &area);
    auto wkb = geometry_to_wkb(setup.geos, zone.area.get());
    zone_layer.add(wkb, {category->code, category->label, date.iso(), (long long)zone.settlements.size(),
                         std::round(area / 1e4) / 100, event_ids});
    burn.emplace_back(std::move(wkb), zone.category);
  }
  zone_layer.close();

  GeoJsonLayer front_layer(outputs.stage(files.fronts), "front_lines", setup.crs,
                           {{"controller_a", FieldKind::Text}, {"controller_b", FieldKind::Text},
                            {"as_of", FieldKind::Text}, {"length_km", FieldKind::Real}});
  for (const auto& front : zones.fronts) {
    double length = 0;
    GEOSLength_r(setup.geos.handle(), front.line.get(), &length);
    front_layer.add(geometry_to_wkb(setup.geos, front.line.get()),
                    {palette.by_value(front.category_a)->code, palette.by_value(front.category_b)->code, date.iso(),
                     std::round(length / 10) / 100});
  }
  front_layer.close();

  const auto cells = rasterize_categories(grid, burn, ControllerPalette::kUnknown);
  std::vector<RasterCategory> categories;
  for (const auto& category : palette.categories()) categories.push_back({category.value, category.label, category.rgba});
  const RasterMetadata metadata{
      {"CONFLICTMAP_LAYER", "control zones"},
      {"AS_OF", date.iso()},
      {"DECAY_DAYS", std::to_string(request.decay_days)},
      {"CONTESTED_DAYS", std::to_string(request.contested_days)},
      {"INFLUENCE_M", fmt::format("{}", request.influence_m)},
      {"PIXEL_SIZE_M", fmt::format("{}", request.pixel_m)},
      {"UNDATED", request.undated},
      {"BASELINE", request.baseline},
      {"SETTLEMENTS", std::to_string(snapshot.settlements.size())},
      {"CONTESTED", std::to_string(snapshot.contested)},
      {"DECAYED", std::to_string(snapshot.decayed)},
      {"CRS", setup.crs},
      {"SOFTWARE", std::string("conflictmap ") + CONFLICTMAP_VERSION},
  };
  const auto raster_temporary = outputs.stage(files.raster);
  const auto aux = write_category_cog(raster_temporary, grid, cells, ControllerPalette::kUnknown, categories, metadata);
  auto aux_target = files.raster;
  aux_target += ".aux.xml";
  outputs.stage_companion(aux, aux_target);
  write_text(outputs.stage(sibling_path(files.raster, "", ".qml")), control_raster_style(palette));
  write_text(outputs.stage(sibling_path(files.zones, "", ".qml")), control_zone_style(palette));
  write_text(outputs.stage(sibling_path(files.fronts, "", ".qml")), front_line_style());
  ControlSnapshotSummary summary;
  summary.date = date;
  summary.settlements = snapshot.settlements.size();
  summary.contested = snapshot.contested;
  summary.decayed = snapshot.decayed;
  summary.undated_skipped = snapshot.undated_skipped;
  summary.zones = zones.zones.size();
  summary.fronts = zones.fronts.size();
  summary.raster = files.raster;
  summary.zones_file = files.zones;
  summary.fronts_file = files.fronts;
  return summary;
}

}  // namespace

std::filesystem::path default_controller_palette() {
  if (const char* env = std::getenv("CONFLICTMAP_STYLES")) return std::filesystem::path(env) / "controllers.tsv";
  return data_path("gazetteer/styles/controllers.tsv");
}

std::vector<ControlSnapshotSummary> write_control_layers(const LayerSetup& setup, const ControllerPalette& palette,
                                                         const ControlInputs& inputs, const ControlRequest& request,
                                                         const std::filesystem::path& output) {
  require_grid_within(setup.country_bounds, request.pixel_m, request.max_cells);
  const RasterGrid grid = RasterGrid::snapped(setup.country_bounds, request.pixel_m, setup.crs);
  StagedOutputs outputs;
  std::vector<ControlSnapshotSummary> summaries;
  nlohmann::ordered_json index = nlohmann::ordered_json::array();
  const auto& dates = request.dates;
  for (const CivilDate& date : dates) {
    const std::string suffix = dates.size() > 1 ? "_" + date.iso() : "";
    const SnapshotFiles files{sibling_path(output, suffix, output.extension().string()),
                              sibling_path(output, suffix + "_zones", ".geojson"),
                              sibling_path(output, suffix + "_fronts", ".geojson")};
    summaries.push_back(write_snapshot(setup, palette, inputs, request, date, grid, files, outputs));
    index.push_back({{"as_of", date.iso()},
                     {"raster", files.raster.filename().string()},
                     {"zones", files.zones.filename().string()},
                     {"fronts", files.fronts.filename().string()}});
  }
  if (dates.size() > 1) {
    const auto manifest = sibling_path(output, "_snapshots", ".json");
    write_text(outputs.stage(manifest), index.dump(2) + "\n");
  }
  outputs.commit();
  return summaries;
}

}  // namespace conflictmap
