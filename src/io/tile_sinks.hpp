#pragma once
// Where tiles go: a folder of z/x/y files, an MBTiles 1.3 database (TMS rows), or a PMTiles v3 archive.
// Each can tell which tiles it already holds, so an interrupted run resumes where it stopped: a folder keeps
// its finished files, MBTiles works in `.NAME.partial` and PMTiles stages tiles in `.NAME.parts/` until
// finish() renames or packs them into place.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
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

enum class TileContainer { Folder, Mbtiles, Pmtiles };
TileContainer tile_container_of(const std::filesystem::path& path);
// Throws std::runtime_error when the place cannot be written (a missing or read-only folder).
std::unique_ptr<TileSink> open_tile_sink(const std::filesystem::path& path, const std::string& extension);

// Every tile of a finished set (folder, MBTiles or PMTiles), in tile-id order, with its metadata.
struct TileSetContents {
  TileSetInfo info;
  std::vector<std::pair<TileAddress, std::string>> tiles;
};
TileSetContents read_tile_set(const std::filesystem::path& path);

// TileJSON 3.0 of a tile set, and back (the metadata every container keeps).
nlohmann::ordered_json tilejson_of(const TileSetInfo& info);
TileSetInfo tile_set_info_from(const nlohmann::json& json);

}  // namespace conflictmap
