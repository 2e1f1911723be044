#include <catch2/catch.hpp>

#include <cmath>
#include <algorithm>
#include <cstdlib>

#include "gazetteer/gazetteer_files.hpp"
#include "names/place_words.hpp"
#include "resolve/place_proximity.hpp"
#include "resolve/resolution_json.hpp"

using namespace conflictmap;

TEST_CASE("qualifier and feature words in both scripts", "[words]") {
  CHECK(is_qualifier_word("village"));
  CHECK(is_qualifier_word("قريه"));
  CHECK_FALSE(is_qualifier_word("suran"));
  CHECK(kind_of_qualifier("حي") == PlaceKind::Neighbourhood);
  CHECK_FALSE(kind_of_qualifier("countryside").has_value());
  CHECK(kind_of_feature_word("مطار") == PlaceKind::Airbase);
  CHECK(kind_of_feature_word("regiment") == PlaceKind::Base);
  CHECK_FALSE(kind_of_feature_word("tal").has_value());
}

TEST_CASE("nearest_km measures to the closest of several points", "[proximity]") {
  CHECK(PlaceProximity::nearest_km({36.0, 37.0}, {{36.0, 37.0}, {35.0, 37.0}}) == Approx(0.0).margin(1e-9));
  CHECK(PlaceProximity::nearest_km({36.0, 37.0}, {{35.0, 37.0}}) == Approx(111.2).margin(0.5));
  CHECK(std::isinf(PlaceProximity::nearest_km({36.0, 37.0}, {})));
}

TEST_CASE("resolution_to_json carries the answer and every candidate", "[json]") {
  Gazetteer gazetteer;
  Place place;
  place.id = "C1621";
  place.kind = PlaceKind::Town;
  place.lat = 36.4725912;
  place.lon = 37.0940912;
  place.names = {{"Tall Refaat", "en", "ocha"}};
  place.admin = {"SY02", "SY0204", "SY020402"};
  place.sources = {"ocha"};
  gazetteer.add(place);
  Resolution r;
  r.query = "Tal Rifaat";
  r.status = ResolutionStatus::Resolved;
  r.point = {place.lat, place.lon};
  r.place_id = "C1621";
  r.place_name = "Tall Refaat";
  r.score = 0.95;
  r.precision = Precision::Place;
  r.match = MatchKind::Normalised;
  Candidate candidate;
  candidate.matched_name = "Tall Refaat";
  candidate.score = 1.02;
  candidate.match = MatchKind::Normalised;
  candidate.reason = "in aleppo; ";
  r.candidates.push_back(candidate);
  const auto json = resolution_to_json(r, gazetteer);
  CHECK(json["status"] == "resolved");
  CHECK(json["lat"] == Approx(36.472591));
  CHECK(json["precision"] == 1);
  CHECK(json["match"] == "normalised");
  REQUIRE(json["candidates"].size() == 1);
  CHECK(json["candidates"][0]["score"] == Approx(1.0));  // clamped for output
  CHECK(json["candidates"][0]["context"] == "in aleppo");
  Resolution none;
  none.query = "Xqz";
  CHECK_FALSE(resolution_to_json(none, gazetteer).contains("lat"));
}

TEST_CASE("default_gazetteer_folder follows CONFLICTMAP_GAZETTEER", "[gazetteer]") {
  setenv("CONFLICTMAP_GAZETTEER", "/tmp/elsewhere", 1);
  CHECK(default_gazetteer_folder() == "/tmp/elsewhere");
  unsetenv("CONFLICTMAP_GAZETTEER");
  CHECK(default_gazetteer_folder().filename() == "syria");
}

TEST_CASE("without_generic_edge drops a part word or a leading landform", "[words]") {
  using Words = std::vector<std::string>;
  CHECK(without_generic_edge(Words{"عبله", "غربي"}) == Words{"عبله"});
  CHECK(without_generic_edge(Words{"upper", "baqras"}) == Words{"baqras"});
  CHECK(without_generic_edge(Words{"jabal", "huweisis"}) == Words{"huweisis"});
  CHECK(without_generic_edge(Words{"حرش", "هبيط"}) == Words{"هبيط"});
  CHECK(without_generic_edge(Words{"tal", "rifaat"}).empty());
  CHECK(without_generic_edge(Words{"jabal"}).empty());
  CHECK(is_landform_word("jabal"));
  CHECK_FALSE(is_landform_word("tal"));
}

TEST_CASE("generic name words are single words, in both scripts, and the Arabic and Latin edge words are part words", "[words]") {
  const auto& generic = generic_name_words();
  CHECK(std::find(generic.begin(), generic.end(), "kafr") != generic.end());
  CHECK(std::find(generic.begin(), generic.end(), "كفر") != generic.end());
  for (const auto word : generic) CHECK(word.find(' ') == std::string_view::npos);
  // feminine and Levantine forms, the town proper, its suburb, and "of Sham"
  for (const char* word : {"شرقيه", "غربيه", "تحتا", "فوقا", "بلد", "ضاحيه", "شام", "balad", "dahiya", "sham"}) {
    INFO(word);
    CHECK(is_part_word(word));
  }
  CHECK(without_generic_edge({"دوما", "بلد"}) == std::vector<std::string>{"دوما"});
}
