#include <catch2/catch.hpp>

#include "core/geo.hpp"

using namespace conflictmap;

TEST_CASE("distance_km matches a known great-circle distance", "[geo]") {
  // Aleppo citadel to Damascus Umayyad mosque: about 310 km
  CHECK(distance_km({36.1992, 37.1628}, {33.5116, 36.3066}) == Approx(308.6).margin(2.0));
  CHECK(distance_km({36.2, 37.1}, {36.2, 37.1}) == Approx(0.0).margin(1e-9));
}

TEST_CASE("bearing_deg points the right way", "[geo]") {
  CHECK(bearing_deg({36.0, 37.0}, {37.0, 37.0}) == Approx(0.0).margin(0.01));
  CHECK(bearing_deg({36.0, 37.0}, {36.0, 38.0}) == Approx(89.7).margin(0.5));
  CHECK(bearing_deg({36.0, 37.0}, {35.0, 37.0}) == Approx(180.0).margin(0.01));
}

TEST_CASE("destination goes the distance along the bearing", "[geo]") {
  const LatLon aleppo{36.2021, 37.1343};
  const LatLon north = destination(aleppo, 0.0, 12.0);
  CHECK(distance_km(aleppo, north) == Approx(12.0).epsilon(1e-6));
  CHECK(north.lat > aleppo.lat);
  CHECK(north.lon == Approx(aleppo.lon).margin(1e-9));
}

TEST_CASE("bearing_difference_deg wraps around north", "[geo]") {
  CHECK(bearing_difference_deg(350, 10) == Approx(20));
  CHECK(bearing_difference_deg(90, 270) == Approx(180));
  CHECK(bearing_difference_deg(45, 45) == Approx(0));
}
