#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <ogrsf_frmts.h>

#include "gazetteer/admin_adjacency.hpp"
#include "gazetteer/admin_assigner.hpp"
#include "gazetteer/gazetteer_build.hpp"
#include "gazetteer/source_readers.hpp"

using namespace conflictmap;

namespace {
const std::string kAdmin = std::string(CONFLICTMAP_TEST_DATA) + "/import/admin_small.geojson";

Place point_place(std::string id, double lat, double lon) {
  Place place;
  place.id = std::move(id);
  place.kind = PlaceKind::Village;
  place.lat = lat;
  place.lon = lon;
  place.names = {{"x", "en", "t"}};
  place.sources = {"t"};
  return place;
}
}  // namespace

TEST_CASE("read_ocha_admin_layer gives each unit a point on its polygon and its names", "[admin]") {
  const auto records = read_ocha_admin_layer(kAdmin, "cod");
  REQUIRE(records.size() == 3);
  CHECK(records[0].place.id == "XX01");
  CHECK(records[0].place.kind == PlaceKind::Governorate);
  CHECK(records[0].place.has_name("الغرب", "ar"));
  CHECK(records[0].place.lon > 35.0);
  CHECK(records[0].place.lon < 36.0);
}

TEST_CASE("AdminAssigner fills admin codes by polygon, and by the nearest one just outside", "[admin]") {
  Gazetteer gazetteer;
  gazetteer.add(point_place("inside", 33.5, 35.5));
  gazetteer.add(point_place("coast", 33.5, 34.98));  // 2 km west of the western polygon
  gazetteer.add(point_place("far", 20.0, 20.0));
  std::size_t outside = 0;
  const AdminAssigner assigner(kAdmin);
  CHECK(assigner.assign(gazetteer, &outside) == 2);
  CHECK(outside == 1);
  CHECK(gazetteer.at(*gazetteer.find("inside")).admin[0] == "XX01");
  CHECK(gazetteer.at(*gazetteer.find("coast")).admin[0] == "XX01");
  CHECK(gazetteer.at(*gazetteer.find("far")).admin[0].empty());
}

TEST_CASE("find_admin_neighbours pairs units that share a border, and only those", "[admin]") {
  const auto neighbours = find_admin_neighbours({kAdmin});
  REQUIRE(neighbours.count("XX01") == 1);
  CHECK(neighbours.at("XX01") == std::set<std::string>{"XX02"});
  CHECK(neighbours.at("XX02") == std::set<std::string>{"XX01"});
  CHECK(neighbours.count("XX03") == 0);
  Gazetteer gazetteer;
  gazetteer.set_neighbours(neighbours);
  CHECK(gazetteer.are_neighbours("XX01", "XX02"));
  CHECK_FALSE(gazetteer.are_neighbours("XX01", "XX03"));
}

TEST_CASE("write_admin_package writes a layer per level, identical on a rerun", "[admin]") {
  const auto folder = std::filesystem::temp_directory_path() / "conflictmap_admin_package";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  write_admin_package({kAdmin}, folder / "a.gpkg");
  write_admin_package({kAdmin}, folder / "b.gpkg");
  std::unique_ptr<GDALDataset> dataset(GDALDataset::Open((folder / "a.gpkg").string().c_str(), GDAL_OF_VECTOR));
  REQUIRE(dataset);
  REQUIRE(dataset->GetLayerByName("admin1") != nullptr);
  CHECK(dataset->GetLayerByName("admin1")->GetFeatureCount() == 3);
  dataset.reset();
  CHECK(std::filesystem::file_size(folder / "a.gpkg") == std::filesystem::file_size(folder / "b.gpkg"));
  std::ifstream a(folder / "a.gpkg", std::ios::binary), b(folder / "b.gpkg", std::ios::binary);
  CHECK(std::equal(std::istreambuf_iterator<char>(a), {}, std::istreambuf_iterator<char>(b)));
  std::filesystem::remove_all(folder);
}

TEST_CASE("describe_build counts what each source did", "[admin]") {
  GazetteerBuild build;
  build.reports.push_back({"ocha (x.csv)", 10, 8, 2, 0, {"x.csv:4: field 'lat': bad"}});
  const std::string text = describe_build(build);
  CHECK(text.find("| ocha (x.csv) | 10 | 8 | 2 | 0 | 1 |") != std::string::npos);
  CHECK(text.find("left out: x.csv:4") != std::string::npos);
}
