#pragma once
// Which tiles a layer needs: every tile of each zoom that touches its bounds, in a fixed order (zoom, row,
// column), so that renders, shards and containers come out the same on every run and every machine.
#include <optional>
#include <string_view>
#include <vector>

#include "tiles/web_mercator.hpp"

namespace conflictmap {

struct ZoomRange {
  int min = 0, max = 0;
};

// "5" or "0-11"; throws std::invalid_argument saying what is wrong (over 22, reversed, not numbers).
ZoomRange parse_zoom_range(std::string_view text);

struct Shard {
  int index = 0, count = 1;  // 0-based index of count
};
// "i/n" with 0 ≤ i < n; throws std::invalid_argument.
Shard parse_shard(std::string_view text);

std::vector<TileAddress> tiles_covering(const MercatorBounds& bounds, ZoomRange zooms);
// A shard's contiguous share of the tiles: shards partition the list, and every shard's tiles are the same
// on every machine.
std::vector<TileAddress> shard_of(const std::vector<TileAddress>& tiles, Shard shard);

}  // namespace conflictmap
