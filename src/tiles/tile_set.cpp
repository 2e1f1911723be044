#include "tiles/tile_set.hpp"

namespace conflictmap {

TileSetInfo tile_set_info_from(const nlohmann::json& json) {
  TileSetInfo info;
  info.name = json.value("name", "");
  info.description = json.value("description", "");
  info.attribution = json.value("attribution", "");
  info.format = json.value("format", "png");
  info.min_zoom = json.value("minzoom", 0);
  info.max_zoom = json.value("maxzoom", 0);
  if (json.contains("bounds") && json["bounds"].size() == 4) {
    info.lon_min = json["bounds"][0];
    info.lat_min = json["bounds"][1];
    info.lon_max = json["bounds"][2];
    info.lat_max = json["bounds"][3];
  }
  return info;
}

nlohmann::ordered_json tilejson_of(const TileSetInfo& info) {
  return {{"tilejson", "3.0.0"},
          {"name", info.name},
          {"description", info.description},
          {"attribution", info.attribution},
          {"format", info.format},
          {"minzoom", info.min_zoom},
          {"maxzoom", info.max_zoom},
          {"bounds", {info.lon_min, info.lat_min, info.lon_max, info.lat_max}},
          {"scheme", "xyz"},
          {"tiles", {"{z}/{x}/{y}." + info.format}}};
}

}  // namespace conflictmap
