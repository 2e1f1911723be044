#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "tiles/pmtiles_archive.hpp"
#include "tiles/tile_pyramid.hpp"
#include "tiles/web_mercator.hpp"

using namespace conflictmap;

TEST_CASE("Web Mercator tiles: bounds, lookup and TMS rows", "[tiles]") {
  const auto world = tile_bounds({0, 0, 0});
  CHECK(world.min_x == Approx(-kMercatorHalfWorld));
  CHECK(world.max_y == Approx(kMercatorHalfWorld));
  const auto b = tile_bounds({1, 1, 0});
  CHECK(b.min_x == Approx(0).margin(1e-6));
  CHECK(b.min_y == Approx(0).margin(1e-6));
  CHECK(tile_resolution(0) == Approx(156543.03392804097));
  double x, y;
  lonlat_to_mercator(37.16, 36.2, x, y);  // Aleppo
  CHECK(tile_at(x, y, 10) == TileAddress{10, 617, 401});
  CHECK(tms_row({10, 617, 401}) == 622);
  double lon, lat;
  mercator_to_lonlat(x, y, lon, lat);
  CHECK(lon == Approx(37.16));
  CHECK(lat == Approx(36.2));
}

TEST_CASE("PMTiles tile ids follow the spec's Hilbert order", "[tiles]") {
  CHECK(pmtiles_tile_id({0, 0, 0}) == 0);
  CHECK(pmtiles_tile_id({1, 0, 0}) == 1);
  CHECK(pmtiles_tile_id({1, 0, 1}) == 2);
  CHECK(pmtiles_tile_id({1, 1, 1}) == 3);
  CHECK(pmtiles_tile_id({1, 1, 0}) == 4);
  CHECK(pmtiles_tile_id({2, 0, 0}) == 5);
  CHECK(pmtiles_tile_id({12, 3423, 1763}) == 19078479);
  for (std::uint64_t id : {0ull, 4ull, 5ull, 1000ull, 19078479ull, 123456789ull}) {
    CHECK(pmtiles_tile_id(pmtiles_tile_address(id)) == id);
  }
  CHECK_THROWS(pmtiles_tile_id({2, 4, 0}));
}

TEST_CASE("PMTiles directories and archives round-trip, with leaves and shared contents", "[tiles]") {
  const std::vector<PmtilesEntry> entries{{1, 0, 10, 1}, {2, 10, 5, 2}, {9, 0, 10, 1}};
  const auto decoded = decode_pmtiles_directory(encode_pmtiles_directory(entries));
  REQUIRE(decoded.size() == 3);
  CHECK(decoded[1].offset == 10);
  CHECK(decoded[1].run_length == 2);
  CHECK(decoded[2].offset == 0);

  PmtilesBuilder builder;
  builder.add({2, 1, 1}, "b");
  builder.add({0, 0, 0}, "a");
  builder.add({2, 1, 2}, "b");  // the same contents: stored once
  builder.add({3, 5, 5}, "c");
  PmtilesDescription description;
  description.min_zoom = 0;
  description.max_zoom = 3;
  description.metadata_json = R"({"name":"t"})";
  for (std::size_t leaf : {std::size_t(0), std::size_t(1)}) {
    const std::string archive = builder.build(description, leaf);
    CHECK(archive.compare(0, 7, "PMTiles") == 0);
    const auto contents = read_pmtiles(archive);
    REQUIRE(contents.tiles.size() == 4);
    CHECK(contents.tiles[0].first == TileAddress{0, 0, 0});
    CHECK(contents.tiles[0].second == "a");
    CHECK(contents.description.metadata_json == R"({"name":"t"})");
    CHECK(contents.description.max_zoom == 3);
    std::set<std::string> data;
    for (const auto& [address, bytes] : contents.tiles) data.insert(bytes);
    CHECK(data == std::set<std::string>{"a", "b", "c"});
  }
  CHECK_THROWS(read_pmtiles("PMTiles\x02"));
}

TEST_CASE("zoom ranges and shards", "[tiles]") {
  CHECK(parse_zoom_range("0-11").max == 11);
  CHECK(parse_zoom_range("7").min == 7);
  CHECK_THROWS_WITH(parse_zoom_range("0-23"), Catch::Contains("0 to 22"));
  CHECK_THROWS_WITH(parse_zoom_range("9-3"), Catch::Contains("reversed"));
  CHECK_THROWS_WITH(parse_zoom_range("a-3"), Catch::Contains("not a whole number"));
  CHECK_THROWS(parse_shard("3/3"));
  double x0, y0, x1, y1;
  lonlat_to_mercator(35.7, 32.3, x0, y0);
  lonlat_to_mercator(42.4, 37.3, x1, y1);
  const auto tiles = tiles_covering({x0, y0, x1, y1}, {0, 8});
  std::size_t total = 0;
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 3; ++i) {
    for (const auto& t : shard_of(tiles, {i, 3})) {
      seen.insert(pmtiles_tile_id(t));
      ++total;
    }
  }
  CHECK(total == tiles.size());
  CHECK(seen.size() == tiles.size());
  CHECK(tiles.front() == TileAddress{0, 0, 0});
}
