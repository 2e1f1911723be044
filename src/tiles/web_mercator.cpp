#include "tiles/web_mercator.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace conflictmap {

MercatorBounds tile_bounds(TileAddress tile) {
  const double size = 2 * kMercatorHalfWorld / double(1 << tile.z);
  MercatorBounds b;
  b.min_x = -kMercatorHalfWorld + tile.x * size;
  b.max_x = b.min_x + size;
  b.max_y = kMercatorHalfWorld - tile.y * size;
  b.min_y = b.max_y - size;
  return b;
}

double tile_resolution(int zoom) { return 2 * kMercatorHalfWorld / (kTileSize * double(1 << zoom)); }

TileAddress tile_at(double x, double y, int zoom) {
  const int n = 1 << zoom;
  const double size = 2 * kMercatorHalfWorld / n;
  const int column = std::clamp(int(std::floor((x + kMercatorHalfWorld) / size)), 0, n - 1);
  const int row = std::clamp(int(std::floor((kMercatorHalfWorld - y) / size)), 0, n - 1);
  return {zoom, column, row};
}

int tms_row(TileAddress tile) { return (1 << tile.z) - 1 - tile.y; }

void lonlat_to_mercator(double lon, double lat, double& x, double& y) {
  constexpr double radius = 6378137.0;
  lat = std::clamp(lat, -85.0511287798, 85.0511287798);
  x = radius * lon * std::numbers::pi / 180.0;
  y = radius * std::log(std::tan(std::numbers::pi / 4 + lat * std::numbers::pi / 360.0));
}

void mercator_to_lonlat(double x, double y, double& lon, double& lat) {
  constexpr double radius = 6378137.0;
  lon = x / radius * 180.0 / std::numbers::pi;
  lat = (2 * std::atan(std::exp(y / radius)) - std::numbers::pi / 2) * 180.0 / std::numbers::pi;
}

namespace {

std::uint64_t tiles_below(int zoom) {  // (4^z − 1)/3
  return ((std::uint64_t(1) << (2 * zoom)) - 1) / 3;
}

void rotate(std::uint64_t n, std::uint64_t& x, std::uint64_t& y, std::uint64_t rx, std::uint64_t ry) {
  if (ry == 0) {
    if (rx == 1) {
      x = n - 1 - x;
      y = n - 1 - y;
    }
    std::swap(x, y);
  }
}

}  // namespace

std::uint64_t pmtiles_tile_id(TileAddress tile) {
  if (tile.z < 0 || tile.z > kMaxTileZoom) throw std::out_of_range("zoom out of range");
  const std::uint64_t n = std::uint64_t(1) << tile.z;
  if (tile.x < 0 || tile.y < 0 || std::uint64_t(tile.x) >= n || std::uint64_t(tile.y) >= n) {
    throw std::out_of_range("tile out of range");
  }
  std::uint64_t x = std::uint64_t(tile.x), y = std::uint64_t(tile.y), d = 0;
  for (std::uint64_t s = n / 2; s > 0; s /= 2) {
    const std::uint64_t rx = (x & s) > 0 ? 1 : 0;
    const std::uint64_t ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    rotate(s, x, y, rx, ry);
  }
  return tiles_below(tile.z) + d;
}

TileAddress pmtiles_tile_address(std::uint64_t id) {
  if (id >= tiles_below(kMaxTileZoom + 1)) throw std::out_of_range("tile id beyond the deepest zoom");
  int z = 0;
  while (z < kMaxTileZoom && tiles_below(z + 1) <= id) ++z;
  std::uint64_t t = id - tiles_below(z);
  const std::uint64_t n = std::uint64_t(1) << z;
  std::uint64_t x = 0, y = 0;
  for (std::uint64_t s = 1; s < n; s *= 2) {
    const std::uint64_t rx = 1 & (t / 2);
    const std::uint64_t ry = 1 & (t ^ rx);
    rotate(s, x, y, rx, ry);
    x += s * rx;
    y += s * ry;
    t /= 4;
  }
  return {z, int(x), int(y)};
}

}  // namespace conflictmap
