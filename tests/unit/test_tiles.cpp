#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include <sqlite3.h>

#include <gdal.h>
#include <gdalwarper.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <array>
#include <vector>

#include "io/input_error.hpp"
#include "tiles/block_sums.hpp"
#include "tiles/category_cover.hpp"
#include "tiles/drawn_mask.hpp"
#include "tiles/mbtiles_file.hpp"
#include "tiles/nearest_tile_sampler.hpp"
#include "tiles/pmtiles_archive.hpp"
#include "tiles/tile_image.hpp"
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

namespace {

// A PMTiles archive put together by hand, as a damaged or hostile writer might: the header's sections point at
// the given root directory, leaf section and tile data.
std::string hand_made_pmtiles(const std::vector<PmtilesEntry>& root, const std::string& leaves, const std::string& data,
                              std::uint64_t addressed) {
  const std::string root_bytes = encode_pmtiles_directory(root);
  std::string header(127, '\0');
  header.replace(0, 7, "PMTiles");
  header[7] = 3;
  const auto put = [&](std::size_t at, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) header[at + std::size_t(i)] = char((value >> (8 * i)) & 0xff);
  };
  put(8, 127);
  put(16, root_bytes.size());
  put(24, 127 + root_bytes.size());
  put(32, 0);
  put(40, 127 + root_bytes.size());
  put(48, leaves.size());
  put(56, 127 + root_bytes.size() + leaves.size());
  put(64, data.size());
  put(72, addressed);
  header[97] = 1;  // directories uncompressed
  header[99] = 2;  // png
  return header + root_bytes + leaves + data;
}

}  // namespace

TEST_CASE("a damaged PMTiles archive is refused with an error, never read without bound", "[tiles]") {
  // the well-formed case of the helper: one tile at 0/0/0
  CHECK(read_pmtiles(hand_made_pmtiles({{0, 0, 1, 1}}, "", "a", 1)).tiles.size() == 1);
  // a leaf directory that points at itself
  const std::string self_leaf = encode_pmtiles_directory({{0, 0, 0, 0}});
  std::vector<PmtilesEntry> to_leaf{{0, 0, std::uint32_t(self_leaf.size()), 0}};
  CHECK_THROWS_AS(read_pmtiles(hand_made_pmtiles(to_leaf, self_leaf, "a", 1)), std::runtime_error);
  // a run of two billion tiles sharing one byte, which the header also claims
  CHECK_THROWS_AS(read_pmtiles(hand_made_pmtiles({{0, 0, 1, 2'000'000'000}}, "", "a", 2'000'000'000)), std::runtime_error);
  // more tiles than the header counts
  CHECK_THROWS_AS(read_pmtiles(hand_made_pmtiles({{0, 0, 1, 3}}, "", "a", 2)), std::runtime_error);
  // a tile id beyond the deepest zoom, and an offset that wraps around
  CHECK_THROWS_AS(read_pmtiles(hand_made_pmtiles({{~std::uint64_t(0) - 5, 0, 1, 1}}, "", "a", 1)), std::runtime_error);
  CHECK_THROWS_AS(read_pmtiles(hand_made_pmtiles({{0, ~std::uint64_t(0), 2, 1}}, "", "a", 1)), std::runtime_error);
}

TEST_CASE("a damaged MBTiles file is an error naming the file, and a missing one is not created", "[tiles]") {
  const auto folder = std::filesystem::temp_directory_path() / "conflictmap_mbtiles_damage_test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const auto make = [&](const std::string& name, const std::string& sql) {
    const auto path = folder / name;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, ("CREATE TABLE metadata (name TEXT, value TEXT);"
                              "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);" + sql).c_str(),
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    return path;
  };
  CHECK(read_mbtiles(make("good.mbtiles", "INSERT INTO tiles VALUES (1, 1, 0, x'89');")).tiles.at(0).first == TileAddress{1, 1, 1});
  // a NULL metadata value (found by fuzzing: it was read through a null pointer)
  CHECK(read_mbtiles(make("null.mbtiles", "INSERT INTO metadata VALUES ('name', NULL);")).info.name.empty());
  CHECK_THROWS_AS(read_mbtiles(make("zoom.mbtiles", "INSERT INTO metadata VALUES ('minzoom', 'seven');")), InputError);
  CHECK_THROWS_AS(read_mbtiles(make("deep.mbtiles", "INSERT INTO tiles VALUES (40, 0, 0, x'89');")), InputError);
  CHECK_THROWS_AS(read_mbtiles(make("row.mbtiles", "INSERT INTO tiles VALUES (2, 1, 4, x'89');")), InputError);
  CHECK_THROWS_AS(read_mbtiles(make("utf8.mbtiles", "INSERT INTO metadata VALUES ('name', x'ff');")), InputError);
  CHECK_THROWS(read_mbtiles(folder / "missing.mbtiles"));
  CHECK_FALSE(std::filesystem::exists(folder / "missing.mbtiles"));
  std::filesystem::remove_all(folder);
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

TEST_CASE("as_paletted keeps an RGBA image of few colours exactly, and refuses one of many", "[tiles]") {
  std::vector<std::uint8_t> rgba;
  const std::array<std::uint8_t, 4> red{230, 30, 30, 255}, clear{0, 0, 0, 0}, blue{20, 40, 200, 128};
  for (int i = 0; i < 256 * 256; ++i) {
    const auto& colour = i % 7 == 0 ? blue : (i % 3 == 0 ? red : clear);
    rgba.insert(rgba.end(), colour.begin(), colour.end());
  }
  const auto paletted = as_paletted(rgba);
  REQUIRE(paletted);
  const auto& [indices, palette] = *paletted;
  REQUIRE(indices.size() == 256u * 256u);
  for (std::size_t i = 0; i < indices.size(); ++i) {
    REQUIRE(std::equal(palette[indices[i]].begin(), palette[indices[i]].end(), rgba.begin() + long(i) * 4));
  }
  CHECK(palette[0] == blue);  // colours in order of first appearance
  // the PNG written from it decodes to the same pixels
  int width = 0, height = 0;
  CHECK(decode_tile_image(encode_tile_image(rgba, 256, 256, TileEncoding::Png), width, height) == rgba);
  // 257 colours: not paletted
  std::vector<std::uint8_t> many;
  for (int i = 0; i < 257; ++i) many.insert(many.end(), {std::uint8_t(i % 256), std::uint8_t(i / 256), 0, 255});
  CHECK_FALSE(as_paletted(many));
}

TEST_CASE("DrawnMask finds a lone drawn pixel, and nothing where none is", "[tiles]") {
  GDALAllRegister();
  GDALDatasetH image = GDALCreate(GDALGetDriverByName("MEM"), "", 1000, 800, 1, GDT_Float32, nullptr);
  std::vector<float> values(1000 * 800, 0.0f);
  values[std::size_t(637) * 1000 + 411] = 2.5f;  // row 637, column 411
  REQUIRE(GDALRasterIO(GDALGetRasterBand(image, 1), GF_Write, 0, 0, 1000, 800, values.data(), 1000, 800, GDT_Float32, 0, 0) == CE_None);
  for (const std::size_t blocks : {std::size_t(1) << 20, std::size_t(5000)}) {  // one block per pixel, and coarse
    INFO(blocks);
    const auto mask = DrawnMask::measure(image, 1, [](float v) { return v > 0; }, blocks);
    CHECK_FALSE(mask.empty());
    CHECK(mask.any_in(411, 637, 412, 638));
    CHECK(mask.any_in(0, 0, 1000, 800));
    CHECK_FALSE(mask.any_in(0, 0, 400, 600));        // far from it
    CHECK_FALSE(mask.any_in(-50, -50, -1, -1));       // outside the layer
    CHECK_FALSE(mask.any_in(420, 0, 1000, 800));  // everything east of it
  }
  const auto nothing = DrawnMask::measure(image, 1, [](float v) { return v > 10; });
  CHECK(nothing.empty());
  GDALClose(image);
}

TEST_CASE("CategoryCover names the one category under a window, and nothing where two meet or the layer ends", "[tiles]") {
  GDALAllRegister();
  GDALDatasetH image = GDALCreate(GDALGetDriverByName("MEM"), "", 600, 400, 1, GDT_Byte, nullptr);
  std::vector<std::uint8_t> values(600 * 400, 2);
  for (int row = 0; row < 400; ++row) {
    for (int column = 300; column < 600; ++column) values[std::size_t(row) * 600 + column] = 5;  // the east half
  }
  values[std::size_t(350) * 600 + 100] = 7;  // one odd pixel in the west half
  REQUIRE(GDALRasterIO(GDALGetRasterBand(image, 1), GF_Write, 0, 0, 600, 400, values.data(), 600, 400, GDT_Byte, 0, 0) == CE_None);
  for (const std::size_t blocks : {std::size_t(1) << 18, std::size_t(2000)}) {  // fine and coarse blocks
    INFO(blocks);
    const auto cover = CategoryCover::measure(image, 1, blocks);
    CHECK(cover.sole_category(10, 10, 200, 200) == std::uint8_t(2));
    CHECK(cover.sole_category(320, 20, 590, 390) == std::uint8_t(5));
    CHECK_FALSE(cover.sole_category(250, 10, 350, 100));   // across the line between the halves
    CHECK_FALSE(cover.sole_category(90, 340, 110, 360));   // over the odd pixel
    CHECK_FALSE(cover.sole_category(-5, 10, 100, 100));    // past the layer's edge
    CHECK_FALSE(cover.sole_category(500, 300, 610, 390));
  }
  GDALClose(image);
}

TEST_CASE("BlockGrid cuts a raster into blocks and BlockSums counts marked blocks over rectangles", "[tiles]") {
  const auto grid = BlockGrid::covering(1000, 500, 5000);  // 10 px blocks: 100 × 50
  CHECK(grid.block == 10);
  CHECK(grid.blocks_x == 100);
  CHECK(grid.blocks_y == 50);
  CHECK(grid.blocks_of(15, 25, 31, 40) == std::array<int, 4>{1, 2, 4, 4});
  CHECK(grid.blocks_of(-20, -20, 2000, 2000) == std::array<int, 4>{0, 0, 100, 50});  // clamped to the raster
  std::vector<std::uint8_t> marked(grid.size(), 0);
  marked[3 * 100 + 7] = 1;
  marked[49 * 100 + 99] = 1;
  const BlockSums sums(grid, marked);
  CHECK(sums.count(0, 0, 100, 50) == 2);
  CHECK(sums.count(7, 3, 8, 4) == 1);
  CHECK(sums.count(0, 0, 7, 50) == 0);
  CHECK(sums.count(5, 5, 5, 9) == 0);  // an empty rectangle
}

// The sampler must give the tiles GDAL's warper gives (nearest neighbour, 1/8-pixel approximation), up to the
// odd pixel whose centre falls within that approximation of a cell edge.
TEST_CASE("NearestTileSampler matches GDAL's nearest-neighbour warp, band for band", "[tiles]") {
  GDALAllRegister();
  OGRSpatialReference utm, mercator;
  utm.importFromEPSG(32637);
  mercator.importFromEPSG(3857);
  utm.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  mercator.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  char* utm_wkt = nullptr;
  char* mercator_wkt = nullptr;
  utm.exportToWkt(&utm_wkt);
  mercator.exportToWkt(&mercator_wkt);
  std::unique_ptr<OGRCoordinateTransformation> from_mercator(OGRCreateCoordinateTransformation(&mercator, &utm));
  for (const int bands : {1, 4}) {
    INFO(bands << " bands");
    // 250 m cells around Aleppo, in stripes and blocks so that most tile pixels lie near some edge
    const int width = 1200, height = 1000;
    GDALDatasetH layer = GDALCreate(GDALGetDriverByName("MEM"), "", width, height, bands, GDT_Byte, nullptr);
    double transform[6] = {250000, 250, 0, 4100000, 0, -250};
    GDALSetGeoTransform(layer, transform);
    GDALSetProjection(layer, utm_wkt);
    std::vector<std::uint8_t> values(std::size_t(width) * height);
    for (int band = 0; band < bands; ++band) {
      for (int row = 0; row < height; ++row) {
        for (int column = 0; column < width; ++column) {
          values[std::size_t(row) * width + column] = std::uint8_t((row / 7 * 31 + column / 11 * 17 + band * 50) % 251 + 1);
        }
      }
      REQUIRE(GDALRasterIO(GDALGetRasterBand(layer, band + 1), GF_Write, 0, 0, width, height, values.data(), width,
                           height, GDT_Byte, 0, 0) == CE_None);
    }
    NearestTileSampler sampler(layer, bands, 0, *from_mercator);
    std::size_t same = 0, total = 0;
    for (const TileAddress tile : {TileAddress{7, 77, 50}, TileAddress{9, 309, 201}, TileAddress{12, 2474, 1608}}) {
      const auto sampled = sampler.sample(tile);
      REQUIRE(sampled);
      GDALDatasetH reference = GDALCreate(GDALGetDriverByName("MEM"), "", kTileSize, kTileSize, bands, GDT_Byte, nullptr);
      const MercatorBounds b = tile_bounds(tile);
      const double resolution = tile_resolution(tile.z);
      double tile_transform[6] = {b.min_x, resolution, 0, b.max_y, 0, -resolution};
      GDALSetGeoTransform(reference, tile_transform);
      GDALSetProjection(reference, mercator_wkt);
      REQUIRE(GDALReprojectImage(layer, nullptr, reference, nullptr, GRA_NearestNeighbour, 0, 0.125, nullptr, nullptr,
                                 nullptr) == CE_None);
      std::vector<std::uint8_t> expected(std::size_t(kTileSize) * kTileSize * bands);
      REQUIRE(GDALDatasetRasterIO(reference, GF_Read, 0, 0, kTileSize, kTileSize, expected.data(), kTileSize, kTileSize,
                                  GDT_Byte, bands, nullptr, 0, 0, 0) == CE_None);
      GDALClose(reference);
      std::size_t drawn = 0;
      for (std::size_t i = 0; i < expected.size(); ++i) {
        same += expected[i] == (*sampled)[i];
        drawn += expected[i] != 0;
        ++total;
      }
      CHECK(drawn > expected.size() / 4);  // the tile does lie over the layer
    }
    CHECK(double(same) / double(total) > 0.995);
    GDALClose(layer);
  }
  CPLFree(utm_wkt);
  CPLFree(mercator_wkt);
}
