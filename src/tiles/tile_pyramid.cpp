#include "tiles/tile_pyramid.hpp"

#include <charconv>
#include <stdexcept>
#include <string>

namespace conflictmap {

namespace {

int parse_int(std::string_view text, const char* what) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw std::invalid_argument(std::string(what) + " '" + std::string(text) + "' is not a whole number");
  }
  return value;
}

}  // namespace

ZoomRange parse_zoom_range(std::string_view text) {
  const auto dash = text.find('-');
  ZoomRange range;
  if (dash == std::string_view::npos) {
    range.min = range.max = parse_int(text, "zoom");
  } else {
    range.min = parse_int(text.substr(0, dash), "zoom");
    range.max = parse_int(text.substr(dash + 1), "zoom");
  }
  if (range.min < 0 || range.max > 22) throw std::invalid_argument("zooms run from 0 to 22");
  if (range.min > range.max) throw std::invalid_argument("the zoom range is reversed (write MIN-MAX)");
  return range;
}

Shard parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) throw std::invalid_argument("write the shard as i/n, e.g. 0/4");
  Shard shard{parse_int(text.substr(0, slash), "shard"), parse_int(text.substr(slash + 1), "shard count")};
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) {
    throw std::invalid_argument("the shard index must be in 0 … n−1");
  }
  return shard;
}

std::vector<TileAddress> tiles_covering(const MercatorBounds& bounds, ZoomRange zooms) {
  std::vector<TileAddress> tiles;
  for (int z = zooms.min; z <= zooms.max; ++z) {
    const TileAddress north_west = tile_at(bounds.min_x, bounds.max_y, z);
    const TileAddress south_east = tile_at(bounds.max_x, bounds.min_y, z);
    for (int y = north_west.y; y <= south_east.y; ++y) {
      for (int x = north_west.x; x <= south_east.x; ++x) tiles.push_back({z, x, y});
    }
  }
  return tiles;
}

std::vector<TileAddress> shard_of(const std::vector<TileAddress>& tiles, Shard shard) {
  const std::size_t begin = tiles.size() * std::size_t(shard.index) / std::size_t(shard.count);
  const std::size_t end = tiles.size() * std::size_t(shard.index + 1) / std::size_t(shard.count);
  return {tiles.begin() + long(begin), tiles.begin() + long(end)};
}

}  // namespace conflictmap
