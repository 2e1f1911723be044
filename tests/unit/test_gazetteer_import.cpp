#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "gazetteer/gazetteer_build.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "gazetteer/place_merger.hpp"
#include "gazetteer/region_source.hpp"
#include "gazetteer/source_readers.hpp"
#include "io/input_error.hpp"
#include "resolve/resolver.hpp"

using namespace conflictmap;

namespace {
const std::string kData = CONFLICTMAP_TEST_DATA;

SourceRecord record(std::string id, PlaceKind kind, double lat, double lon, std::vector<PlaceName> names, std::string tag) {
  SourceRecord r;
  r.place.id = std::move(id);
  r.place.kind = kind;
  r.place.lat = lat;
  r.place.lon = lon;
  r.place.names = std::move(names);
  r.place.sources = {std::move(tag)};
  return r;
}
}  // namespace

TEST_CASE("read_ocha_pcode_table reads any country's lowest level with coordinates", "[import]") {
  const auto all = read_ocha_pcode_table(kData + "/import/ocha_pcodes_small.csv", "ocha");
  REQUIRE(all.size() == 9);  // 2 governorates and 3 districts, then 4 communities
  CHECK(all[0].place.id == "LB1");
  CHECK(all[0].place.kind == PlaceKind::Governorate);
  CHECK(all[0].place.lat == Approx((34.4367 + 34.3886) / 2));
  CHECK(all[2].place.kind == PlaceKind::District);
  const std::vector<SourceRecord> records(all.begin() + 5, all.end());
  CHECK(records[0].place.id == "LB1101");
  CHECK(records[0].place.kind == PlaceKind::City);
  CHECK(records[1].place.kind == PlaceKind::Village);
  CHECK(records[1].place.admin[0] == "LB1");
  CHECK(records[1].place.admin[1] == "LB11");
  CHECK(records[1].place.has_name("القلمون", "ar"));
  CHECK(records[0].place.lat == Approx(34.4367));
}

TEST_CASE("read_geonames keeps populated places and their Latin and Arabic names", "[import]") {
  const auto records = read_geonames(kData + "/import/geonames_small.txt", "geonames");
  REQUIRE(records.size() == 2);  // the mountain is not a populated place
  CHECK(records[1].place.id == "geonames:268743");
  CHECK(records[1].place.kind == PlaceKind::City);
  CHECK(records[1].place.population == 78145);
  CHECK(records[1].place.has_name("زحلة", "ar"));
}

TEST_CASE("read_point_table maps columns and reports bad rows when asked", "[import]") {
  PointTableLayout layout;
  layout.id_column = "id";
  layout.name_columns = {{"name", "en"}};
  layout.lat_column = "lat";
  layout.lon_column = "lon";
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_points.csv";
  std::ofstream(path) << "id,name,lat,lon\n1,Hill 402,35.1,36.2\n2,Broken,135.1,36.2\n";
  CHECK_THROWS_WITH(read_point_table(path, "marks", layout), Catch::Contains(":3: field 'lat'"));
  layout.report_bad_rows = true;
  std::vector<std::string> rejected;
  const auto records = read_point_table(path, "marks", layout, &rejected);
  CHECK(records.size() == 1);
  CHECK(records[0].place.id == "marks:1");
  REQUIRE(rejected.size() == 1);
  std::filesystem::remove(path);
}

TEST_CASE("the merge rule joins one place across sources and keeps distinct places apart", "[merge]") {
  PlaceMerger merger;
  std::vector<SourceRecord> ocha;
  ocha.push_back(record("C1", PlaceKind::Village, 36.5666, 37.2139, {{"Suran", "en", "ocha"}, {"صوران", "ar", "ocha"}}, "ocha"));
  ocha.push_back(record("C2", PlaceKind::Village, 36.2636, 37.3764, {{"Suran", "en", "ocha"}}, "ocha"));
  ocha.push_back(record("C3", PlaceKind::Village, 36.5800, 37.2300, {{"Suran", "en", "ocha"}}, "ocha"));
  const auto first = merger.merge("ocha", std::move(ocha), MergeMode::MergeOrAdd);
  CHECK(first.added == 3);  // one source lists each place once, even two Surans 2 km apart

  std::vector<SourceRecord> wiki;
  wiki.push_back(record("wiki:1", PlaceKind::Village, 36.5680, 37.2160, {{"Sawran", "en", "wiki"}}, "wiki"));  // 0.3 km
  wiki.push_back(record("wiki:2", PlaceKind::Hill, 36.5670, 37.2140, {{"Suran", "en", "wiki"}}, "wiki"));  // a hill
  wiki.push_back(record("wiki:3", PlaceKind::Village, 35.0, 36.0, {{"Suran", "en", "wiki"}}, "wiki"));  // far
  const auto second = merger.merge("wiki", std::move(wiki), MergeMode::MergeOrAdd);
  CHECK(second.merged == 1);
  CHECK(second.added == 2);

  std::vector<SourceRecord> archive;
  archive.push_back(record("", PlaceKind::Other, 36.2640, 37.3770, {{"صوران", "ar", "archive"}}, "archive"));
  archive.push_back(record("", PlaceKind::Other, 33.0, 36.0, {{"Nowhere", "en", "archive"}}, "archive"));
  const auto third = merger.merge("archive", std::move(archive), MergeMode::NamesOnly);
  CHECK(third.merged == 1);
  CHECK(third.unmatched == 1);

  const Gazetteer gazetteer = merger.take();
  CHECK(gazetteer.size() == 5);
  const Place& c1 = gazetteer.at(*gazetteer.find("C1"));
  CHECK(c1.has_name("Sawran", "en"));
  CHECK(c1.sources == std::vector<std::string>{"ocha", "wiki"});
  CHECK(gazetteer.at(*gazetteer.find("C2")).has_name("صوران", "ar"));
  CHECK(gazetteer.find("wiki:2").has_value());
}

TEST_CASE("a gazetteer imported for another country resolves its own names", "[import]") {
  nlohmann::json manifest;
  manifest["sources"] = {
      {{"tag", "ocha"}, {"format", "ocha-pcodes"}, {"path", kData + "/import/ocha_pcodes_small.csv"}},
      {{"tag", "geonames"}, {"format", "geonames"}, {"path", kData + "/import/geonames_small.txt"}},
  };
  const auto build = build_gazetteer(manifest, "/", "test");
  // 4 communities, 2 + 3 admin units derived from the table, 1 GeoNames town; Zahle merged into OCHA's
  CHECK(build.gazetteer.size() == 10);
  CHECK(build.reports[1].merged == 1);
  const Resolver resolver(build.gazetteer);
  const auto zahle = resolver.resolve("Zahlé");
  CHECK(zahle.place_id == "LB2101");
  const auto bhamdoun = resolver.resolve("بحمدون");
  CHECK(bhamdoun.place_id == "geonames:276781");
  const auto qalamoun = resolver.resolve("Qalamoun", {{"Baalbek"}, {}});
  CHECK(qalamoun.place_id == "LB2201");
  CHECK(qalamoun.status == ResolutionStatus::Resolved);
}

TEST_CASE("read_point_table keeps only the rows asked for, takes populations, and tells a name's script", "[import]") {
  PointTableLayout layout;
  layout.separator = '\t';
  layout.id_column = "id";
  layout.name_columns = {{"name", "en"}, {"arabic", "auto"}};
  layout.name_split = "|";
  layout.lat_column = "lat";
  layout.lon_column = "lon";
  layout.keep = {{"type", {"locality"}}, {"retired", {""}}};
  layout.population_column = "people";
  const auto path = std::filesystem::temp_directory_path() / "conflictmap_keep.tsv";
  std::ofstream(path) << "id\ttype\tretired\tname\tarabic\tlat\tlon\tpeople\n"
                         "1\tlocality\t\tQasr Hill\tقصر|Qaşr\t35.1\t36.2\t1200\n"
                         "2\tregion\t\tSome Region\t\t35.0\t36.0\t\n"
                         "3\tlocality\t2020-01-01\tGone\t\t35.2\t36.1\t\n"
                         "4\tlocality\t\tNo People\t\t35.3\t36.3\tmany\n";
  const auto records = read_point_table(path, "list", layout);
  std::filesystem::remove(path);
  REQUIRE(records.size() == 2);  // the region and the retired row are left out
  CHECK(records[0].place.population == 1200);
  CHECK(records[0].place.has_name("قصر", "ar"));
  CHECK(records[0].place.has_name("Qaşr", "latn"));  // a romanisation in the "Arabic" column is Latin
  CHECK(records[1].place.population == 0);            // not a number: unknown
}

TEST_CASE("a secondary source's places rank below namesakes the main sources know, and are written down as such", "[import][merge]") {
  const auto folder = std::filesystem::temp_directory_path() / "conflictmap_secondary";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "main.csv") << "id,name,lat,lon\n1,Tall Hamra,35.10,36.20\n";
  std::ofstream(folder / "extra.csv") << "id,name,lat,lon\n7,Tall Hamra,35.60,36.90\n8,Nishwahiyeh,35.90,37.10\n";
  nlohmann::json manifest;
  manifest["sources"] = {
      {{"tag", "main"}, {"format", "points"}, {"path", "main.csv"}, {"id", "id"}, {"names", nlohmann::json::array({nlohmann::json::array({"name", "en"})})},
       {"lat", "lat"}, {"lon", "lon"}},
      {{"tag", "extra"}, {"format", "points"}, {"role", "secondary"}, {"path", "extra.csv"}, {"id", "id"},
       {"names", nlohmann::json::array({nlohmann::json::array({"name", "en"})})}, {"lat", "lat"}, {"lon", "lon"}},
  };
  auto build = build_gazetteer(manifest, folder, "test");
  CHECK(build.gazetteer.only_secondary(build.gazetteer.at(*build.gazetteer.find("extra:7"))));
  CHECK_FALSE(build.gazetteer.only_secondary(build.gazetteer.at(*build.gazetteer.find("main:1"))));
  {
    const Resolver resolver(build.gazetteer);
    // two places spelt alike, 85 km apart: the one the main source knows, without a doubt
    const auto hamra = resolver.resolve("Tall Hamra");
    CHECK(hamra.place_id == "main:1");
    CHECK(hamra.status == ResolutionStatus::Resolved);
    // written exactly, the secondary source's place is found; respelt, it is only a guess
    CHECK(resolver.resolve("Nishwahiyeh").status == ResolutionStatus::Resolved);
    const auto respelt = resolver.resolve("Nashwahiya");
    CHECK(respelt.status != ResolutionStatus::Resolved);
    CHECK(respelt.score < 0.7);
  }
  // sources.tsv keeps the roles; a gazetteer without secondary sources has none
  save_gazetteer(build.gazetteer, folder / "out");
  const Gazetteer loaded = load_gazetteer(folder / "out");
  CHECK(loaded.secondary_sources() == std::set<std::string>{"extra"});
  CHECK(loaded.only_secondary(loaded.at(*loaded.find("extra:8"))));
  build.gazetteer.set_secondary_sources({});
  save_gazetteer(build.gazetteer, folder / "out");
  CHECK_FALSE(std::filesystem::exists(folder / "out" / "sources.tsv"));
  std::ofstream(folder / "out" / "sources.tsv") << "tag\trole\nextra\tminor\n";
  CHECK_THROWS_WITH(load_gazetteer(folder / "out"), Catch::Contains("sources.tsv:2: field 'role'"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("a region is placed at the mean of the settlements in its member units, with the codes they share", "[import]") {
  Gazetteer gazetteer;
  auto settlement = [&](std::string id, PlaceKind kind, double lat, double lon, std::array<std::string, 3> admin, long people) {
    Place p;
    p.id = std::move(id);
    p.kind = kind;
    p.lat = lat;
    p.lon = lon;
    p.admin = std::move(admin);
    p.population = people;
    p.names = {{p.id, "en", "test"}};
    gazetteer.add(std::move(p));
  };
  settlement("V1", PlaceKind::Village, 10.0, 20.0, {"A1", "A11", "A111"}, 100);
  settlement("V2", PlaceKind::Town, 12.0, 22.0, {"A1", "A11", "A112"}, 300);
  settlement("V3", PlaceKind::Village, 40.0, 40.0, {"A2", "A21", "A211"}, 5000);       // outside the region
  settlement("N1", PlaceKind::Neighbourhood, 50.0, 50.0, {"A1", "A11", "A111"}, 9000);  // part of a town, not counted
  const std::string file = std::filesystem::temp_directory_path() / "conflictmap_regions_test.tsv";
  {
    std::ofstream out(file);
    out << "id\tnames_en\tnames_ar\tmembers\n"
        << "upland\tThe Upland|Upland Hills\tالنجد\tA111 A112\n";
  }
  const auto regions = read_region_table(file, "regions");
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].place.kind == PlaceKind::Region);
  CHECK(regions[0].place.has_name("Upland Hills", "en"));
  CHECK(regions[0].place.has_name("النجد", "ar"));
  const auto placed = place_regions(regions, gazetteer, file);
  REQUIRE(placed.size() == 1);
  const Place& upland = placed[0].place;
  CHECK(upland.id == "regions:upland");
  CHECK(upland.lat == Approx(11.0));
  CHECK(upland.lon == Approx(21.0));
  CHECK(upland.admin[0] == "A1");
  CHECK(upland.admin[1] == "A11");
  CHECK(upland.admin[2].empty());  // its settlements lie in two subdistricts
  CHECK(upland.population == 400);

  // a mistyped member code is an error naming the row, never a region placed from nothing
  {
    std::ofstream out(file);
    out << "id\tnames_en\tnames_ar\tmembers\n"
        << "upland\tThe Upland\t\tA111\n"
        << "lowland\tThe Lowland\t\tA999\n";
  }
  try {
    place_regions(read_region_table(file, "regions"), gazetteer, file);
    FAIL("a member code no settlement carries must be an error");
  } catch (const InputError& error) {
    const std::string what = error.what();
    CHECK(what.find(":3") != std::string::npos);
    CHECK(what.find("members") != std::string::npos);
    CHECK(what.find("A999") != std::string::npos);
  }
  {
    std::ofstream out(file);
    out << "id\tnames_en\tnames_ar\tmembers\n"
        << "upland\tThe Upland\t\t\n";
  }
  CHECK_THROWS_AS(read_region_table(file, "regions"), InputError);
  std::filesystem::remove(file);
}
