#include <catch2/catch.hpp>

#include "resolve/location_parser.hpp"
#include "resolve/location_vocabulary.hpp"

using namespace conflictmap;

namespace {
std::string words_of(const LocationSegment& s) {
  std::string out;
  for (const auto& w : s.words) out += (out.empty() ? "" : " ") + w;
  return out;
}
}  // namespace

TEST_CASE("a qualifier and a countryside clause", "[parser]") {
  const auto parsed = parse_location("village of Khirab Ashk in the Kobani countryside");
  REQUIRE(parsed.segments.size() == 2);
  CHECK(words_of(parsed.segments[0]) == "khirab ashk");
  CHECK(parsed.segments[0].role == SegmentRole::Head);
  CHECK(words_of(parsed.segments[1]) == "kobani");
  CHECK(parsed.segments[1].role == SegmentRole::Context);
  CHECK(parsed.segments[1].region);
  CHECK(parsed.kind_hint == PlaceKind::Village);
}

TEST_CASE("a parent place in brackets", "[parser]") {
  const auto parsed = parse_location("Sheikh Maqsod (Aleppo)");
  REQUIRE(parsed.segments.size() == 2);
  CHECK(parsed.segments[0].role == SegmentRole::Head);
  CHECK(parsed.segments[1].role == SegmentRole::Alternative);
  CHECK(words_of(parsed.segments[1]) == "aleppo");
}

TEST_CASE("a distance and a direction from a place", "[parser]") {
  const auto parsed = parse_location("Tel Jabin (12 km north of Aleppo)");
  REQUIRE(parsed.segments.size() == 2);
  const auto& context = parsed.segments[1];
  CHECK(context.role == SegmentRole::Context);
  CHECK(context.bearing_deg == Approx(0.0));
  CHECK(context.distance_km == Approx(12.0));
}

TEST_CASE("directional countryside, written both ways", "[parser]") {
  for (const char* text : {"northern countryside of Aleppo", "Aleppo northern countryside"}) {
    const auto parsed = parse_location(text);
    REQUIRE(parsed.segments.size() == 1);
    CHECK(parsed.segments[0].role == SegmentRole::Context);
    CHECK(parsed.segments[0].region);
    REQUIRE(parsed.segments[0].bearing_deg.has_value());
    CHECK(*parsed.segments[0].bearing_deg == Approx(0.0));
    CHECK(parsed.segments[0].countryside);
  }
  // Arabic writes the countryside word before the name and the direction after it
  const auto arabic = parse_location("ريف حلب الشمالي");
  REQUIRE(arabic.segments.size() == 1);
  CHECK(arabic.segments[0].countryside);
  CHECK(arabic.segments[0].bearing_deg == Approx(0.0));
}

TEST_CASE("Arabic: qualifier, joined preposition and the countryside after the head", "[parser]") {
  const auto parsed = parse_location("قرية تل سوسين بريف حلب الشمالي");
  REQUIRE(parsed.segments.size() == 2);
  CHECK(parsed.segments[0].role == SegmentRole::Head);
  CHECK(parsed.segments[0].words.size() == 2);
  CHECK(parsed.segments[1].role == SegmentRole::Context);
  CHECK(parsed.segments[1].region);
  CHECK(parsed.segments[1].bearing_deg == Approx(0.0));
  CHECK(parsed.script == Script::Arabic);
}

TEST_CASE("a facility in a town makes the town the head", "[parser]") {
  const auto parsed = parse_location("market and civilian homes in Sarmin");
  REQUIRE(parsed.segments.size() == 1);
  CHECK(words_of(parsed.segments[0]) == "sarmin");
  CHECK(parsed.segments[0].role == SegmentRole::Head);
  CHECK(parsed.kind_hint == PlaceKind::Facility);
}

TEST_CASE("slashes give another name, commas a parent", "[parser]") {
  const auto parsed = parse_location("Hajin / Bahra, Deir Ezzor");
  REQUIRE(parsed.segments.size() == 3);
  CHECK(parsed.segments[1].role == SegmentRole::Alternative);
  CHECK(parsed.segments[2].role == SegmentRole::Context);
}

TEST_CASE("a colon puts the place after it inside the place before it", "[parser]") {
  const auto parsed = parse_location("Ar Raqqah: Badou neighbourhood");
  REQUIRE(parsed.segments.size() == 2);
  CHECK(words_of(parsed.segments[0]) == "ar raqqah");
  CHECK(parsed.segments[0].role == SegmentRole::Context);
  CHECK(words_of(parsed.segments[1]) == "badou");
  CHECK(parsed.segments[1].role == SegmentRole::Head);
  CHECK(parsed.kind_hint == PlaceKind::Neighbourhood);
}

TEST_CASE("a number is a distance only before a unit", "[parser]") {
  const auto regiment = parse_location("Regiment 91");
  REQUIRE(regiment.segments.size() == 1);
  CHECK(words_of(regiment.segments[0]) == "regiment 91");
  const auto hill = parse_location("828m");
  REQUIRE(hill.segments.size() == 1);
  CHECK(words_of(hill.segments[0]) == "828m");
  const auto direction = parse_location("5 km east of Manbij");
  REQUIRE(direction.segments.size() == 1);
  CHECK(direction.segments[0].distance_km == Approx(5.0));
  // a number past any country's size is no offset (found by fuzzing: it put the point off the globe)
  const auto far = parse_location("12222222222222222222222222222222222 km north of Manbij");
  REQUIRE(far.segments.size() == 1);
  CHECK_FALSE(far.segments[0].distance_km);
}

TEST_CASE("a bare direction between two names leads to the second", "[parser]") {
  for (const char* text : {"Tal Rifaat north of Aleppo", "Tal Rifaat north Aleppo"}) {
    const auto parsed = parse_location(text);
    REQUIRE(parsed.segments.size() == 2);
    CHECK(words_of(parsed.segments[0]) == "tal rifaat");
    CHECK(parsed.segments[0].role == SegmentRole::Head);
    CHECK(parsed.segments[1].role == SegmentRole::Context);
    CHECK(parsed.segments[1].bearing_deg == Approx(0.0));
  }
  // Arabic: "بلدة تل مرديخ جنوب سراقب", the town of Tal Mardikh south of Saraqib
  const auto arabic = parse_location("بلدة تل مرديخ جنوب سراقب");
  REQUIRE(arabic.segments.size() == 2);
  CHECK(arabic.segments[0].role == SegmentRole::Head);
  CHECK(arabic.segments[0].words.size() == 2);
  CHECK(arabic.segments[1].bearing_deg == Approx(180.0));
}

TEST_CASE("a direction beside the only name is part of that name", "[parser]") {
  const auto eastern = parse_location("Eastern Ghouta");
  REQUIRE(eastern.segments.size() == 1);
  CHECK(eastern.segments[0].role == SegmentRole::Head);
  CHECK(words_of(eastern.segments[0]) == "eastern ghouta");
  CHECK_FALSE(eastern.segments[0].bearing_deg);
  const auto western = parse_location("عبلة غربي");  // Western Abla
  REQUIRE(western.segments.size() == 1);
  CHECK(western.segments[0].role == SegmentRole::Head);
  CHECK(western.segments[0].words.size() == 2);
  // but the countryside of a town stays a region, and "north of X" stays a direction
  const auto region = parse_location("ريف حلب الشمالي");
  REQUIRE(region.segments.size() == 1);
  CHECK(region.segments[0].role == SegmentRole::Context);
  CHECK(region.segments[0].region);
  const auto of = parse_location("north of Aleppo");
  REQUIRE(of.segments.size() == 1);
  CHECK(of.segments[0].role == SegmentRole::Context);
}

TEST_CASE("a name pasted twice is one name", "[parser]") {
  const auto parsed = parse_location("السوسة السوسة");
  REQUIRE(parsed.segments.size() == 1);
  CHECK(parsed.segments[0].words.size() == 1);
}

TEST_CASE("a region written as a countryside is told from a district", "[parser]") {
  for (const char* text : {"ريف دمشق", "Damascus countryside", "countryside of Damascus", "Rif Dimashq"}) {
    INFO(text);
    const auto parsed = parse_location(text);
    REQUIRE(parsed.segments.size() == 1);
    CHECK(parsed.segments[0].region);
    CHECK(parsed.segments[0].countryside);
  }
  const auto district = parse_location("Azaz district");
  REQUIRE(district.segments.size() == 1);
  CHECK(district.segments[0].region);
  CHECK_FALSE(district.segments[0].countryside);
}

TEST_CASE("is_countryside_word tells a countryside from a district", "[parser]") {
  for (const char* word : {"ريف", "countryside", "rif", "rural"}) CHECK(is_countryside_word(word));
  for (const char* word : {"district", "ناحيه", "منطقه", "damascus"}) CHECK_FALSE(is_countryside_word(word));
}
