// The place names of the bundled reports, with the context the reports give, against the shipped gazetteer.
#include <catch2/catch.hpp>

#include "embedded_data.hpp"

#include "core/geo.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "resolve/resolver.hpp"

using namespace conflictmap;

namespace {

const Gazetteer& syria() { return testing::syria_gazetteer(); }

const Resolver& resolver() { return testing::syria_resolver(); }

Resolution resolve(const std::string& name, const std::string& context) {
  ResolveContext ctx;
  if (!context.empty()) ctx.texts.push_back(context);
  return resolver().resolve(name, ctx);
}

double km_to(const Resolution& r, LatLon point) { return distance_km(r.point, point); }

constexpr const char* kNorthAleppo = "northern countryside of Aleppo";

}  // namespace

TEST_CASE("Tal Rifaat in three spellings and two scripts is one place", "[reports]") {
  for (const char* name : {"Tal Rifaat", "Tal Refaat", "Tell Refaat", "تل رفعت"}) {
    INFO(name);
    const auto r = resolve(name, kNorthAleppo);
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.place_id == "C1621");
    CHECK(r.precision == Precision::Place);
  }
}

TEST_CASE("every candidate's score lies in [0, 1], however much context lifts it", "[reports]") {
  // found by fuzzing: a countryside as context lifted ranked candidates past 1
  for (const char* context : {kNorthAleppo, "Aleppo", "ريف حلب الشمالي"}) {
    const auto r = resolve("Tell Refaat", context);
    REQUIRE_FALSE(r.candidates.empty());
    for (const auto& candidate : r.candidates) CHECK((candidate.score >= 0.0 && candidate.score <= 1.0));
  }
}

TEST_CASE("Soran north of Aleppo is the Suran near Mare', not the other two", "[reports]") {
  const auto r = resolve("Soran", kNorthAleppo);
  CHECK(r.status == ResolutionStatus::Resolved);
  CHECK(r.place_id == "C1664");
  CHECK(resolve("Soran", "Hama").place_id == "C3026");
  CHECK(resolve("Soran", "Al Bab").place_id == "C1197");
  const auto bare = resolve("Soran", "");
  CHECK(bare.candidates.size() >= 3);
}

TEST_CASE("the villages of the northern Aleppo offensive", "[reports]") {
  CHECK(resolve("Albal", kNorthAleppo).place_id == "C1669");
  CHECK(resolve("Kafra", kNorthAleppo).place_id == "C1672");
  CHECK(resolve("Alkafra", kNorthAleppo).place_id == "C1672");
  CHECK(resolve("Mare'", kNorthAleppo).place_id == "C1643");
  const auto shaier = resolve("Tal Shaier", kNorthAleppo);
  CHECK(shaier.status == ResolutionStatus::Resolved);
  CHECK(km_to(shaier, {36.6147, 37.3437}) < 1.0);
}

TEST_CASE("Altoqla is Touqi or honestly unplaced, never a confident stranger", "[reports]") {
  const auto r = resolve("Altoqla", kNorthAleppo);
  if (r.status == ResolutionStatus::Resolved) {
    CHECK(r.place_id == "C8223");
  } else {
    CHECK(r.score < 0.7);
    CHECK(r.precision != Precision::Place);
  }
}

TEST_CASE("Ahras and Tel Jabin, 12 km north of Aleppo", "[reports]") {
  const auto ahras = resolve("Ahras", "12 km north of Aleppo");
  CHECK(ahras.place_id == "C1623");
  CHECK(ahras.status == ResolutionStatus::Resolved);
  const auto jabin = resolve("Tel Jabin (12 km north of Aleppo)", "");
  CHECK(jabin.place_id == "C1617");
  CHECK(jabin.status == ResolutionStatus::Resolved);
}

TEST_CASE("Hasakah: Tal Baroud and the Milabiya regiment resolve, Alnashwa does not", "[reports]") {
  const auto baroud = resolve("Tal Baroud", "Hasakah");
  CHECK(baroud.status == ResolutionStatus::Resolved);
  CHECK(km_to(baroud, {36.4166, 40.6608}) < 1.0);
  const auto regiment = resolve("Milabiya regiment", "Hasakah");
  CHECK(km_to(regiment, {36.4066, 40.7951}) < 5.0);
  CHECK(regiment.precision == Precision::Near);  // the village it is named after, not the base itself
  const auto nashwa = resolve("Alnashwa", "Hasakah");
  CHECK(nashwa.status != ResolutionStatus::Resolved);
  CHECK(nashwa.score < 0.7);
  if (nashwa.has_point()) {
    CHECK(nashwa.precision != Precision::Place);
    CHECK(km_to(nashwa, {36.5054, 40.7429}) < 60.0);  // somewhere in Hasakah, not a stranger elsewhere
  }
  const auto in_city = resolve("Alnashwa neighborhood in the southeast of Hasaka", "");
  CHECK(in_city.status == ResolutionStatus::RegionOnly);
  CHECK(in_city.precision == Precision::Near);
  CHECK(km_to(in_city, {36.5054, 40.7429}) < 5.0);
}

TEST_CASE("Arabic names of the Aleppo countryside", "[reports]") {
  CHECK(resolve("تل سوسين", "ريف حلب").place_id == "C8136");
  CHECK(resolve("قرية تل سوسين بريف حلب الشمالي", "").place_id == "C8136");
  const auto radwaniya = resolve("الرضوانية", "ريف حلب");
  CHECK(radwaniya.place_id == "C2152");  // not the Radwaniyeh near Homs
  const auto kuweires = resolve("مطار كويرس", "ريف حلب");
  CHECK(kuweires.status == ResolutionStatus::Resolved);
  CHECK(km_to(kuweires, {36.185, 37.584}) < 3.0);
}

TEST_CASE("كفر بطونة in the Aleppo countryside is not Kafr Batna near Damascus", "[reports]") {
  for (const char* context : {"ريف حلب", "ريف حلب الشمالي"}) {
    INFO(context);
    const auto r = resolve("كفر بطونة", context);
    const bool kafr_batna = r.place_id == "C2319" || r.place_id == "SY030105";
    CHECK_FALSE((r.status == ResolutionStatus::Resolved && kafr_batna));
    CHECK(r.score < 0.7);
    if (r.has_point()) CHECK(km_to(r, {36.2021, 37.1343}) < 80.0);
  }
}

TEST_CASE("context inside the string: a district and a parent place", "[reports]") {
  const auto maqsod = resolve("Sheikh Maqsod (Aleppo)", "");
  CHECK(maqsod.status == ResolutionStatus::Resolved);
  CHECK(km_to(maqsod, {36.2197, 37.1570}) < 3.0);
  const auto direction = resolve("12 km north of Aleppo", "");
  CHECK(direction.status == ResolutionStatus::RegionOnly);
  CHECK(direction.precision == Precision::Near);
  CHECK(km_to(direction, destination({36.2060, 37.1524}, 0, 12)) < 1.0);
}

TEST_CASE("nonsense stays unresolved, with no point", "[reports]") {
  const auto r = resolve("Xqzvw Plorp", "");
  CHECK(r.status == ResolutionStatus::Unresolved);
  CHECK_FALSE(r.has_point());
}

TEST_CASE("places_near finds Tal Rifaat's neighbours with the rtree", "[resolver]") {
  const auto near = resolver().places_near({36.4726, 37.0941}, 3.0);
  REQUIRE_FALSE(near.empty());
  CHECK(syria().at(near.front()).id == "C1621");
}

TEST_CASE("names that look like structure are names too", "[resolver]") {
  // a direction word that is part of the name, a lone qualifier word, a number in a name
  for (const char* name : {"Eastern Rashidiyeh", "المزرعة", "Border Post 67", "علي كاسون_الشيخ علي"}) {
    INFO(name);
    const auto r = resolve(name, "");
    CHECK(r.has_point());
    CHECK(r.match != MatchKind::Context);
  }
}

TEST_CASE("facility words are not names, and a bridge town keeps its name", "[resolver]") {
  const auto police = resolve("مركز شرطة الباب", "حلب");
  CHECK(km_to(police, {36.3697, 37.5149}) < 3.0);  // Al Bab
  const auto jisr = resolve("قرية المنطار في جسر الشغور", "إدلب");
  CHECK(km_to(jisr, {35.81, 36.32}) < 15.0);  // Mintar, by Jisr al-Shughur
  const auto road = resolve("الطريق بين القامشلي والقحطانية", "الحسكة");
  CHECK(road.precision == Precision::Near);
  CHECK(km_to(road, {37.0447, 41.2262}) < 3.0);  // near Qamishli, the first place named
}

TEST_CASE("a place answered by a base named after it is only near it", "[resolver]") {
  const auto r = resolve("Ramousa", "Aleppo");
  REQUIRE(r.has_point());
  CHECK(r.precision == Precision::Near);
  CHECK(resolve("مطار كويرس", "ريف حلب").precision == Precision::Place);  // asked for the airbase itself
}

TEST_CASE("a landform or a half of a village is found through the village", "[resolver]") {
  // Badama (Idlib) and the two halves of Kafardali (Aleppo) are in the gazetteer; Badama's woods and hill,
  // and an eastern Kafardali, are not
  for (const char* name : {"حرش بداما", "Jabal Badama"}) {
    INFO(name);
    const auto r = resolve(name, "Idlib");
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.place_id == "C4226");
  }
  const auto half = resolve("Kafardali Sharqi", "Aleppo");
  CHECK((half.place_id == "C1442" || half.place_id == "C1448"));
  // a half the gazetteer knows is kept: the upper half, not any other
  const auto upper = resolve("Kafardali Foqani", "Aleppo");
  CHECK(upper.status == ResolutionStatus::Resolved);
  CHECK(upper.place_id == "C1442");
}

TEST_CASE("a bare direction between two names locates the first", "[resolver]") {
  const auto r = resolve("Tal Rifaat north of Aleppo", "");
  CHECK(r.place_id == "C1621");
}

TEST_CASE("a quarter named like a town elsewhere falls back to the city", "[resolver]") {
  // "the Bab Road quarter" of Aleppo is not the town of Al Bab, 35 km away
  const auto r = resolve("حي طريق الباب", "حلب");
  CHECK(r.status == ResolutionStatus::RegionOnly);
  CHECK(r.place_name == "Aleppo");
  // but a town named with a quarter in another clause is still that town
  const auto town = resolve("Al Bab, Zamzam neighbourhood", "Aleppo");
  CHECK(town.status != ResolutionStatus::RegionOnly);
  CHECK(town.place_name == "Al Bab");
}

TEST_CASE("Rif Dimashq is a governorate of its own, not the countryside of Damascus city", "[resolver]") {
  // Dimas lies in Rural Damascus (SY03); Damascus city (SY01) also has a namesake spelling ("Damas")
  for (const char* context : {"ريف دمشق", "Rif Dimashq", "Rural Damascus", "Damascus countryside"}) {
    INFO(context);
    CHECK(resolve("Dimas", context).place_id == "C2437");
    CHECK(resolve("ديماس", context).place_id == "C2437");
  }
}

TEST_CASE("Arabic edge words for the town proper, its suburb, a hamlet and a feminine half", "[resolver]") {
  CHECK(resolve("دوما البلد", "ريف دمشق").place_id == "C2338");          // Douma the town
  CHECK(resolve("حرستا الضاحية", "ريف دمشق").place_id == "C2342");       // Harasta's suburb
  CHECK(resolve("الزعفرانية الشرقية", "حمص").place_id == "C2888");       // eastern (feminine) Zafaraniya
  const auto hamlet = resolve("ضيعة العزيزية", "حمص");                    // ضيعة: a hamlet, like قرية
  CHECK(hamlet.place_id == "C2656");
  CHECK(hamlet.status == ResolutionStatus::Resolved);
}

TEST_CASE("a village written with its town or unit and no comma", "[resolver]") {
  for (const char* name : {"محمبل ادلب", "Mhambal Idlib"}) {
    INFO(name);
    const auto r = resolve(name, "");
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.place_id == "C4330");
  }
  // a name the gazetteer spells whole is never split: Kafr Halab is a village, not a Kafr in Aleppo
  CHECK(resolve("Kafr Halab", "").place_id == "C1039");
}

TEST_CASE("a governorate without a city is placed at its largest town, and places of the city it surrounds stay near", "[resolver]") {
  // Rural Damascus has no city of its own; its polygon's point lies out in the desert
  const auto unknown = resolve("xyzzy", "ريف دمشق");
  CHECK(unknown.status == ResolutionStatus::RegionOnly);
  CHECK(distance_km(unknown.point, {33.51, 36.29}) < 30);  // near Damascus, where its towns are
  // Yarmouk camp is in Damascus city, which Rural Damascus surrounds: written loosely, still found
  const auto camp = resolve("مخيم اليرموك", "ريف دمشق");
  CHECK(camp.status == ResolutionStatus::Resolved);
  CHECK(camp.place_id == "C1002");
}

TEST_CASE("a town named \"of Sham\" is found without it", "[resolver]") {
  // Muadamiyat al-Sham (C2499); Who's On First writes Muadamiyat al-Qalamun (C2385), in the same governorate,
  // "معضمية" too: the bare name is then an honest ambiguity between the two, never a third place
  for (const auto& [name, context] : {std::pair{"معضمية", "ريف دمشق"}, std::pair{"Moadamiya", "Rural Damascus"}}) {
    INFO(name);
    const auto r = resolve(name, context);
    if (r.place_id != "C2499") {
      CHECK(r.status == ResolutionStatus::Ambiguous);
      CHECK(r.place_id == "C2385");
      REQUIRE(r.candidates.size() >= 2);
      CHECK(r.candidates[1].place == *syria().find("C2499"));
    }
  }
  CHECK(resolve("معضمية الشام", "").place_id == "C2499");
}

TEST_CASE("an Arabic name followed by definite adjectives is read as the name, even beside a weak guess at the whole", "[resolver]") {
  // the article marks "الشهباء", "العريقة" as attributes of the city, not a second word of a village's name
  for (const auto& [text, id] : {std::pair{"مدينة حلب الشهباء", "C1007"}, std::pair{"مدينة دير الزور العريقة", "C5086"}}) {
    INFO(text);
    const auto r = resolve(text, "");
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.place_id == id);
    CHECK(r.precision == Precision::Near);
  }
}

TEST_CASE("an Arabic name followed by words that describe it is read as the name, near and less sure", "[resolver]") {
  for (const auto& [text, id] : {std::pair{"مدينة تدمر الأثرية", "C2889"}, std::pair{"مدينة البوكمال على الحدود العراقية", "C5167"}}) {
    INFO(text);
    const auto r = resolve(text, "");
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.place_id == id);
    CHECK(r.precision == Precision::Near);
    CHECK(r.score <= 0.75);
  }
  // never a lone generic word: Kafr Batuna is no village called Kafr (see the report test above)
  CHECK(resolve("كفر بطونة", "ريف حلب").status != ResolutionStatus::Resolved);
}

TEST_CASE("transliterated unit words qualify a name as their Arabic originals do", "[resolver]") {
  CHECK(resolve("Qutayfah mantiqah", "Rural Damascus").place_id == "C2384");  // منطقة
  CHECK(resolve("al-Jalaa nahiyah", "Deir-ez-Zor").place_id == "C5178");      // ناحية
}

TEST_CASE("descriptions place the thing described at or near its place", "[resolver][descriptions]") {
  const LatLon saraqib{35.86111, 36.80611};
  for (const char* text : {"Saraqib street", "Saraqib desert", "Saraqib refugee camp", "the road linking Saraqib with Ariha",
                           "between Saraqib and Ariha", "شارع سراقب"}) {
    INFO(text);
    const auto r = resolve(text, "");
    REQUIRE(r.has_point());
    CHECK(km_to(r, saraqib) < 1);
    CHECK(r.precision == Precision::Near);
  }
  // a compass point as releases abbreviate it: near the place, never the place itself
  const auto sse = resolve("SSE of Saraqib", "");
  REQUIRE(sse.has_point());
  CHECK(sse.precision != Precision::Place);
  CHECK(km_to(sse, saraqib) < 1);
  const auto measured = resolve("10 km SSE of Saraqib", "");
  REQUIRE(measured.has_point());
  CHECK(km_to(measured, saraqib) == Approx(10).margin(0.5));
  CHECK(measured.point.lat < saraqib.lat);
  CHECK(measured.point.lon > saraqib.lon);
}

TEST_CASE("a street lies in the town its context names, unless its name is found there", "[resolver]") {
  // a street named after a far town is in the city the report is about
  for (const auto& [name, context] : {std::pair{"Tal Abyad Street, Ar Raqqa", ""}, std::pair{"شارع تل أبيض", "الرقة"},
                                      std::pair{"Baron Street", "Aleppo"}}) {
    INFO(name);
    const auto r = resolve(name, context);
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.precision == Precision::Near);
    CHECK((r.place_id == "C5710" || r.place_id == "C1007"));
    CHECK(r.score < 0.8);
  }
  // a quarter of the city gives its name to its street: the quarter, near
  const auto hanano = resolve("Hanano Street", "Aleppo");
  CHECK(km_to(hanano, {36.2330, 37.2041}) < 1.0);
  // with nothing to say which town, the street's name is all there is
  CHECK(resolve("Tal Abyad street", "").place_id == "C5792");
}

TEST_CASE("a facility whose string names its town lies in that town, unless its name is found there", "[resolver]") {
  // camps and schools are named after villages and stand elsewhere: the town the string names is the answer
  const LatLon saraqib{35.86111, 36.80611};
  for (const char* text : {"Kafr Nabl IDP camp, Saraqib", "Tal Halawa school in Saraqib", "Al Huda mosque, Saraqib"}) {
    INFO(text);
    const auto r = resolve(text, "Idlib");
    CHECK(r.status == ResolutionStatus::Resolved);
    CHECK(r.precision == Precision::Near);
    CHECK(r.place_id == "C3916");
    CHECK(km_to(r, saraqib) < 1);
    CHECK(r.score < 0.8);
  }
  // named after its own town: the facility's name places it
  CHECK(resolve("Saraqib hospital, Saraqib", "Idlib").place_id == "C3916");
  // no town in the string: only the governorate beside it, which places no facility
  CHECK(resolve("Kafr Nabl hospital", "Idlib").place_id == "C4068");
}

TEST_CASE("a name's numbers are never respelt, and an ordinal is its number", "[resolver]") {
  // "17th Division" is the base the map calls "Division 17"
  const auto division = resolve("17th Division", "");
  CHECK(division.status == ResolutionStatus::Resolved);
  CHECK(division.place_name == "Division 17");
  // a number nobody names is no other number's place: never "Brigade 13" for "Brigade 113"
  for (const char* name : {"Brigade 113", "Hill 8123"}) {
    INFO(name);
    const auto r = resolve(name, "");
    for (const auto& c : r.candidates) {
      const std::string matched = c.matched_name;
      CHECK(matched.find_first_of("0123456789") == std::string::npos);
    }
  }
}

TEST_CASE("places_by_spelling takes a confident respelling of a place, never a guess or a place abroad", "[resolver]") {
  CHECK(resolver().places_by_spelling("Saraqib"));
  CHECK(resolver().places_by_spelling("Sarakib"));        // a respelling the gazetteer does not hold
  CHECK_FALSE(resolver().places_by_spelling("Xqzvbrt"));  // nothing like it
  CHECK_FALSE(resolver().places_by_spelling("Aleppo Governorate"));  // a region, not a place to put an event at
}

TEST_CASE("'شمال حماة' is north of Hama, as 'north of Hama' is, not a village spelt like it", "[resolver]") {
  for (const char* text : {"شمال حماة", "north of Hama", "جنوب إدلب"}) {
    INFO(text);
    const auto r = resolve(text, "");
    CHECK(r.status == ResolutionStatus::RegionOnly);
  }
  CHECK(km_to(resolve("شمال حماة", ""), {35.1337, 36.7613}) < 1.0);
}

TEST_CASE("a place written 'at' its governorate is placed as one written 'in' it", "[resolver]") {
  const auto at = resolve("Sheikh Miskeen at the Daraa Governorate", "");
  CHECK(at.status == ResolutionStatus::Resolved);
  CHECK(at.place_id == "C6126");
}

TEST_CASE("an unknown name is placed at what its own string says locates it, before the context given beside it",
          "[resolver]") {
  const auto r = resolve("Alnashwa neighborhood in the southeast of Hasaka", "Aleppo");
  CHECK(r.status == ResolutionStatus::RegionOnly);
  CHECK(km_to(r, {36.5054, 40.7429}) < 1.0);  // Hasaka, not Aleppo
  const auto arabic = resolve("مركز البحوث العلمية في ضواحي حلب", "Homs");
  CHECK(km_to(arabic, {36.2060, 37.1524}) < 1.0);  // Aleppo's outskirts, not Homs
}

TEST_CASE("a named region is the region, not a village that shares its name, and locates the places in it", "[reports]") {
  const auto qalamoun = resolve("Qalamoun", "");
  CHECK(qalamoun.place_id == "regions:qalamoun");
  CHECK(qalamoun.precision == Precision::Region);
  CHECK(resolve("the Qalamoun Mountains", "").place_id == "regions:qalamoun");
  CHECK(resolve("جبال القلمون", "").place_id == "regions:qalamoun");
  CHECK(resolve("Jabal al-Zawiya", "").place_id == "regions:jabal-zawiya");
  CHECK(resolve("سهل الغاب", "").place_id == "regions:ghab");
  // the village itself, by its own spelling, is still the village
  CHECK(resolve("Qalmun", "").place_id == "C3841");
  // "Eastern Ghouta" after a town is the region the town lies in, not a bearing east of the Ghouta
  const auto douma = resolve("Douma, Eastern Ghouta", "");
  CHECK(douma.place_id == "C2338");
  CHECK(douma.precision == Precision::Place);
  // a name the gazetteer lacks is placed at the region its string names
  const auto unknown = resolve("Zzyqatun, Eastern Ghouta", "");
  CHECK(unknown.status == ResolutionStatus::RegionOnly);
  CHECK(unknown.place_id == "regions:eastern-ghouta");
}

TEST_CASE("plural landform words and feminine directions read like their singular and masculine forms", "[reports]") {
  CHECK(resolve("سهول الغاب", "").place_id == "regions:ghab");
  // "the eastern Homs governorate" lies in Homs: never unresolved
  const auto east = resolve("محافظة حمص الشرقية", "");
  CHECK(east.has_point());
  CHECK(east.place_id == "C2528");
  CHECK(east.precision != Precision::Place);
}
