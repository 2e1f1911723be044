#pragma once
// A tile set as every container holds it: its metadata (TileJSON), the sink tiles are written into, and the
// tiles read back. The containers themselves are tile_sinks.hpp (folder, PMTiles) and mbtiles_file.hpp.
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "tiles/web_mercator.hpp"

namespace conflictmap {

struct TileSetInfo {
  std::string name, description, attribution;
  std::string format = "png";  // png or webp
  int min_zoom = 0, max_zoom = 0;
  double lon_min = -180, lat_min = -85, lon_max = 180, lat_max = 85;
};

class TileSink {
 public:
  virtual ~TileSink() = default;
  virtual bool has(TileAddress tile) const = 0;
  virtual void put(TileAddress tile, const std::string& data) = 0;
  // Writes the metadata and puts the finished set in place.
  virtual void finish(const TileSetInfo& info) = 0;
};

// Every tile of a finished set (folder, MBTiles or PMTiles), in tile-id order, with its metadata.
struct TileSetContents {
  TileSetInfo info;
  std::vector<std::pair<TileAddress, std::string>> tiles;
};

// TileJSON 3.0 of a tile set, and back (the metadata every container keeps).
nlohmann::ordered_json tilejson_of(const TileSetInfo& info);
TileSetInfo tile_set_info_from(const nlohmann::json& json);

}  // namespace conflictmap
