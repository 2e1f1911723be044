#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "io/input_error.hpp"

using namespace conflictmap;

namespace {
Place make_place(std::string id, PlaceKind kind, double lat, double lon, std::vector<PlaceName> names) {
  Place place;
  place.id = std::move(id);
  place.kind = kind;
  place.lat = lat;
  place.lon = lon;
  place.names = std::move(names);
  place.sources = {"test"};
  return place;
}

std::filesystem::path fresh_folder(const char* name) {
  const auto folder = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(folder);
  return folder;
}
}  // namespace

TEST_CASE("Gazetteer finds places by id and refuses duplicate ids", "[gazetteer]") {
  Gazetteer gazetteer;
  gazetteer.add(make_place("C2", PlaceKind::Village, 36.5, 37.1, {{"Kafra", "en", "test"}}));
  gazetteer.add(make_place("C1", PlaceKind::Town, 36.4, 37.0, {{"Suran", "en", "test"}, {"صوران", "ar", "test"}}));
  CHECK(gazetteer.find("C1") == 1u);
  CHECK_FALSE(gazetteer.find("C9").has_value());
  CHECK(gazetteer.name_count() == 3);
  CHECK_THROWS_AS(gazetteer.add(make_place("C1", PlaceKind::Village, 0, 0, {})), std::invalid_argument);
  gazetteer.sort_by_id();
  CHECK(gazetteer.at(0).id == "C1");
  CHECK(gazetteer.find("C2") == 1u);
}

TEST_CASE("the text format round-trips and is written in id order", "[gazetteer]") {
  Gazetteer gazetteer;
  auto place = make_place("C2", PlaceKind::Village, 36.5666431, 37.2139333, {{"Suran", "en", "ocha"}, {"صوران", "ar", "ocha"}});
  place.admin = {"SY02", "SY0203", "SY020305"};
  place.population = 1200;
  place.sources = {"ocha", "geonames"};
  gazetteer.add(place);
  gazetteer.add(make_place("C1", PlaceKind::Airbase, 36.185, 37.584, {{"Kuweires Airbase", "en", "wiki"}}));
  const auto folder = fresh_folder("conflictmap_gazetteer_roundtrip");
  save_gazetteer(gazetteer, folder);
  const Gazetteer loaded = load_gazetteer(folder);
  REQUIRE(loaded.size() == 2);
  CHECK(loaded.at(0).id == "C1");
  const Place& suran = loaded.at(*loaded.find("C2"));
  CHECK(suran.kind == PlaceKind::Village);
  CHECK(suran.lat == Approx(36.566643).margin(1e-6));
  CHECK(suran.admin[2] == "SY020305");
  CHECK(suran.population == 1200);
  CHECK(suran.sources == std::vector<std::string>{"ocha", "geonames"});
  CHECK(suran.names.size() == 2);
  CHECK(suran.names[1].lang == "ar");
  std::filesystem::remove_all(folder);
}

TEST_CASE("a malformed gazetteer file names the file, line and field", "[gazetteer]") {
  const auto folder = fresh_folder("conflictmap_gazetteer_bad");
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "places.tsv") << "id\tkind\tlat\tlon\tadmin1\tadmin2\tadmin3\tpopulation\tsources\n"
                                       << "C1\tvillage\t36.1\t37.1\t\t\t\t\tx\n"
                                       << "C2\tvillage\t96.1\t37.1\t\t\t\t\tx\n";
  std::ofstream(folder / "names.tsv") << "id\tname\tlang\tsource\n";
  try {
    load_gazetteer(folder);
    FAIL("expected an error");
  } catch (const InputError& error) {
    CHECK(error.line() == 3);
    CHECK(error.field() == "lat");
  }
  std::ofstream(folder / "places.tsv") << "id\tkind\tlat\tlon\tadmin1\tadmin2\tadmin3\tpopulation\tsources\n"
                                       << "C1\tcastle\t36.1\t37.1\t\t\t\t\tx\n";
  CHECK_THROWS_WITH(load_gazetteer(folder), Catch::Contains("places.tsv:2: field 'kind'"));
  CHECK_THROWS_AS(load_gazetteer(folder / "missing"), InputError);
  std::filesystem::remove_all(folder);
}
