#include <catch2/catch.hpp>

#include "core/place.hpp"
#include "core/resolution.hpp"

using namespace conflictmap;

TEST_CASE("place kinds round-trip through their names", "[place]") {
  for (auto kind : {PlaceKind::Governorate, PlaceKind::Village, PlaceKind::Airbase, PlaceKind::Neighbourhood}) {
    CHECK(place_kind_from_string(to_string(kind)) == kind);
  }
  CHECK_FALSE(place_kind_from_string("castle").has_value());
}

TEST_CASE("kind families", "[place]") {
  CHECK(is_admin_unit(PlaceKind::District));
  CHECK_FALSE(is_admin_unit(PlaceKind::City));
  CHECK(is_settlement(PlaceKind::Neighbourhood));
  CHECK(is_feature(PlaceKind::Hill));
  CHECK_FALSE(is_feature(PlaceKind::Village));
}

TEST_CASE("a place keeps one copy of each name and source, and shows its English name", "[place]") {
  Place place;
  place.add_name({"تل رفعت", "ar", "ocha"});
  place.add_name({"Tall Refaat", "en", "ocha"});
  place.add_name({"Tall Refaat", "en", "geonames"});
  place.add_source("ocha");
  place.add_source("ocha");
  CHECK(place.names.size() == 2);
  CHECK(place.sources.size() == 1);
  CHECK(place.display_name() == "Tall Refaat");
  CHECK(place.has_name("تل رفعت", "ar"));
}

TEST_CASE("match kinds and statuses have stable names", "[resolution]") {
  CHECK(to_string(MatchKind::Normalised) == "normalised");
  CHECK(to_string(MatchKind::Context) == "context");
  CHECK(to_string(ResolutionStatus::RegionOnly) == "region");
}
