#include <catch2/catch.hpp>

#include "io/field_values.hpp"

using namespace conflictmap;

TEST_CASE("table fields: strict numbers and coordinates in range", "[io]") {
  CHECK(parse_number("36.25") == 36.25);
  CHECK_FALSE(parse_number("36.2a"));
  CHECK_FALSE(parse_number(""));
  CHECK_FALSE(parse_number("nan"));
  CHECK(optional_number("", "f.csv", 3, "latitude") == std::nullopt);
  CHECK(optional_number(" +7", "f.csv", 3, "latitude") == 7.0);
  CHECK_THROWS_WITH(optional_number("north", "f.csv", 3, "latitude"),
                    Catch::Contains("f.csv:3: field 'latitude': 'north' is not a number"));
  CHECK_NOTHROW(require_coordinates(36.2, 37.1, "f.csv", 4));
  CHECK_THROWS_WITH(require_coordinates(96.2, 37.1, "f.csv", 4), Catch::Contains("f.csv:4: field 'latitude'"));
  CHECK_THROWS_WITH(require_coordinates(36.2, 187.1, "f.csv", 4), Catch::Contains("f.csv:4: field 'longitude'"));
}
