#pragma once
// The Web Mercator tile grid (EPSG:3857, GoogleMapsCompatible): 256-pixel tiles, (0, 0) at the north-west,
// 2^z tiles a side at zoom z. MBTiles rows count from the south (TMS); PMTiles number tiles along a
// Hilbert curve.
#include <cstdint>

namespace conflictmap {

// The deepest zoom a tile may have here: PMTiles ids are computed up to it (2^26 tiles a side, far below any web
// map's use). Files claiming deeper tiles are refused when read.
constexpr int kMaxTileZoom = 26;

struct TileAddress {
  int z = 0, x = 0, y = 0;
  bool operator==(const TileAddress&) const = default;
};

struct MercatorBounds {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;  // metres
};

constexpr int kTileSize = 256;
constexpr double kMercatorHalfWorld = 20037508.342789244;  // π·6378137

MercatorBounds tile_bounds(TileAddress tile);
double tile_resolution(int zoom);  // metres per pixel at the tile grid's zoom
// The tile containing a point in metres, clamped to the world.
TileAddress tile_at(double x, double y, int zoom);
int tms_row(TileAddress tile);  // 2^z − 1 − y
// Web Mercator metres from WGS84 degrees (spherical, as the tile grid defines it).
void lonlat_to_mercator(double lon, double lat, double& x, double& y);
void mercator_to_lonlat(double x, double y, double& lon, double& lat);

// PMTiles v3 tile ids: all tiles of lower zooms first, then the Hilbert index within the zoom.
std::uint64_t pmtiles_tile_id(TileAddress tile);
TileAddress pmtiles_tile_address(std::uint64_t id);

}  // namespace conflictmap
