#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "layers/density_surface.hpp"
#include "tiles/raster_tile_renderer.hpp"
#include "tiles/tile_sinks.hpp"
#include "web/static_site.hpp"

using namespace conflictmap;
namespace fs = std::filesystem;

namespace {
fs::path scratch(const char* name) {
  const fs::path folder = fs::temp_directory_path() / ("conflictmap_test_" + std::string(name) + "_" + std::to_string(::getpid()));
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}
}  // namespace

TEST_CASE("site paths stay inside the folder", "[web]") {
  const fs::path root = scratch("site");
  fs::create_directories(root / "tiles");
  std::ofstream(root / "index.html") << "<html>";
  std::ofstream(root / "tiles/a.pmtiles") << "x";
  fs::create_directory_symlink("/etc", root / "escape");
  CHECK(resolve_site_path(root, "/") == fs::canonical(root / "index.html"));
  CHECK(resolve_site_path(root, "/tiles/a.pmtiles") == fs::canonical(root / "tiles/a.pmtiles"));
  CHECK(resolve_site_path(root, "/tiles/./a.pmtiles") == fs::canonical(root / "tiles/a.pmtiles"));
  CHECK_FALSE(resolve_site_path(root, "/../etc/passwd"));
  CHECK_FALSE(resolve_site_path(root, "/tiles/../../etc/passwd"));
  CHECK_FALSE(resolve_site_path(root, "/escape/passwd"));
  CHECK_FALSE(resolve_site_path(root, "/tiles\\a.pmtiles"));
  CHECK_FALSE(resolve_site_path(root, "relative"));
  CHECK(content_type_for("x.pmtiles") == "application/vnd.pmtiles");
  CHECK(content_type_for("x.geojson") == "application/geo+json");
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(cache_control_for("config.json") == "no-cache");
  CHECK(cache_control_for("tiles/a.pmtiles") == "public, max-age=3600");
  fs::remove_all(root);
}

TEST_CASE("MBTiles tiles are served by XYZ address from TMS rows", "[web]") {
  const fs::path root = scratch("mbtiles");
  fs::create_directories(root / "tiles");
  {
    auto sink = open_tile_sink(root / "tiles/layer.mbtiles", "png");
    sink->put({3, 4, 2}, "tile-bytes");
    CHECK(sink->has({3, 4, 2}));
    CHECK_FALSE(sink->has({3, 4, 5}));
    sink->finish(TileSetInfo{"layer", "", "", "png", 3, 3});
  }
  CHECK(mbtiles_tile(root, "/tiles/layer/3/4/2.png") == std::string("tile-bytes"));
  CHECK_FALSE(mbtiles_tile(root, "/tiles/layer/3/4/5.png"));
  CHECK_FALSE(mbtiles_tile(root, "/tiles/../layer/3/4/2.png"));
  CHECK_FALSE(mbtiles_tile(root, "/tiles/other/3/4/2.png"));
  const auto contents = read_tile_set(root / "tiles/layer.mbtiles");
  REQUIRE(contents.tiles.size() == 1);
  CHECK(contents.tiles[0].first == TileAddress{3, 4, 2});
  CHECK(contents.info.min_zoom == 3);
  fs::remove_all(root);
}

TEST_CASE("tile images round-trip through PNG and WebP", "[web]") {
  std::vector<std::uint8_t> rgba(16 * 8 * 4);
  for (std::size_t i = 0; i < rgba.size(); ++i) rgba[i] = std::uint8_t(i * 7);
  for (auto encoding : {TileEncoding::Png, TileEncoding::Webp}) {
    const std::string bytes = encode_tile_image(rgba, 16, 8, encoding);
    int width = 0, height = 0;
    const auto back = decode_tile_image(bytes, width, height);
    CHECK(width == 16);
    CHECK(height == 8);
    CHECK(back == rgba);
  }
  CHECK(encode_tile_image(rgba, 16, 8, TileEncoding::Png) == encode_tile_image(rgba, 16, 8, TileEncoding::Png));
}


TEST_CASE("dotfiles are never served, and a logged path cannot write to the terminal", "[web]") {
  const auto root = std::filesystem::temp_directory_path() / "conflictmap_dotfiles_test";
  std::filesystem::create_directories(root / ".git");
  { std::ofstream(root / ".env") << "secret"; }
  { std::ofstream(root / "map.html") << "map"; }
  CHECK_FALSE(resolve_site_path(root, "/.env"));
  CHECK_FALSE(resolve_site_path(root, "/.git/config"));
  CHECK(resolve_site_path(root, "/map.html"));
  CHECK(printable_path("/a\x1b[31m\nforged") == "/a\\x1b[31m\\x0aforged");
  CHECK(printable_path(std::string(600, 'a')).size() < 520);
  // Bytes that are not UTF-8, and C1 controls (U+009B is CSI to some terminals), are escaped; Arabic passes
  CHECK(printable_path("/\xff\xc2\x9b" "2J") == "/\\xff\\xc2\\x9b2J");
  CHECK(printable_path("/\xd8\xaa\xd9\x84.png") == "/\xd8\xaa\xd9\x84.png");
  CHECK(printable_path(std::string(499, 'a') + "\xd8\xaa").ends_with("\\xd8…"));
  std::filesystem::remove_all(root);
}

TEST_CASE("a tile address with a long or strange name is no tile, without a regular expression", "[web]") {
  const auto root = std::filesystem::temp_directory_path();
  CHECK_FALSE(mbtiles_tile(root, "/tiles/" + std::string(5000, 'a') + "/1/1/1.png"));
  CHECK_FALSE(mbtiles_tile(root, "/tiles/../x/1/1/1.png"));
  CHECK_FALSE(mbtiles_tile(root, "/tiles/.hidden/1/1/1.png"));
  CHECK_FALSE(mbtiles_tile(root, "/tiles/a/1/1/1.gif"));
}
