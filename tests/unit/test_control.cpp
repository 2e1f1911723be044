#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

#include "core/raster_grid.hpp"
#include "layers/control_timeline.hpp"
#include "layers/control_zones.hpp"
#include "layers/controller_palette.hpp"
#include "layers/date_series.hpp"

using namespace conflictmap;

namespace {
constexpr std::uint8_t kGov = 1, kIs = 4, kContested = 7;

ControlReport report(const char* place, ControlReportKind kind, std::uint8_t category, const char* date,
                     const char* document, const char* id) {
  ControlReport r;
  r.settlement = place;
  r.name = place;
  r.kind = kind;
  r.category = category;
  if (*date) r.date = CivilDate::parse(date);
  r.document = document;
  r.event_id = id;
  return r;
}

std::uint8_t category_of(const ControlSnapshot& snapshot, const std::string& place) {
  for (const auto& s : snapshot.settlements) {
    if (s.settlement == place) return s.category;
  }
  return 255;
}

ControlOptions on(const char* date) {
  ControlOptions options;
  options.as_of = *CivilDate::parse(date);
  return options;
}
}  // namespace

TEST_CASE("the palette reads categories and finds them by code, label or actor", "[control]") {
  const auto palette = ControllerPalette::parse(
      "# comment\nvalue\tcode\tlabel\tcolour\tactors\n1\tgovernment\tSyrian government\t#d7301f\tSyrian government forces\n"
      "7\tcontested\tContested\t#f768a1\t\n",
      "p.tsv");
  REQUIRE(palette.categories().size() == 2);
  CHECK(palette.find("Government")->value == 1);
  CHECK(palette.find("syrian government forces")->value == 1);
  CHECK(palette.contested().value == 7);
  CHECK(palette.find("Islamic State") == nullptr);
  CHECK(hex_colour(palette.by_value(1)->rgba) == "#d7301f");
  CHECK_THROWS_WITH(ControllerPalette::parse("value\tcode\tlabel\tcolour\n1\ta\tA\tred\n7\tcontested\tC\t#000000\n", "p.tsv"),
                    Catch::Contains("p.tsv:2: field 'colour'"));
  CHECK_THROWS_WITH(ControllerPalette::parse("value\tcode\tlabel\tcolour\n1\ta\tA\t#000000\n", "p.tsv"),
                    Catch::Contains("contested"));
}

TEST_CASE("date series: one date, a list, a range with a step", "[control]") {
  CHECK(parse_date_series("2017-07-01").size() == 1);
  const auto list = parse_date_series("2017-07-01,2017-01-01,2017-07-01");
  REQUIRE(list.size() == 2);
  CHECK(list[0].iso() == "2017-01-01");
  const auto months = parse_date_series("2016-01-31..2016-05-01/1m");
  REQUIRE(months.size() == 4);
  CHECK(months[1].iso() == "2016-02-29");
  CHECK(months[3].iso() == "2016-04-30");
  CHECK(parse_date_series("2017-01-01..2017-01-15/1w").size() == 3);
  CHECK_THROWS_WITH(parse_date_series("2017-01-01..2016-01-01/1d"), Catch::Contains("ends before"));
  CHECK_THROWS_WITH(parse_date_series("2017-01-01..2017-02-01"), Catch::Contains("step"));
  CHECK_THROWS_WITH(parse_date_series("2017-13-01"), Catch::Contains("not a date"));
}

TEST_CASE("the latest territorial report decides, in reading order on one day", "[control]") {
  const std::vector<ControlReport> reports{
      report("A", ControlReportKind::Baseline, kGov, "2017-01-01", "baseline", ""),
      report("A", ControlReportKind::Territorial, kIs, "2017-03-01", "r1", "e1"),
      report("B", ControlReportKind::Territorial, kIs, "2017-03-05", "r2", "e2"),
      report("B", ControlReportKind::Territorial, kGov, "2017-03-05", "r2", "e3"),  // "… but regained it"
      report("C", ControlReportKind::Territorial, kIs, "2017-06-01", "r3", "e4"),
  };
  auto options = on("2017-04-01");
  options.contested_days = 0;
  const auto before = control_on(reports, on("2017-02-01"), kContested);
  CHECK(category_of(before, "A") == kGov);
  CHECK(category_of(before, "C") == 255);  // not yet reported
  const auto after = control_on(reports, options, kContested);
  CHECK(category_of(after, "A") == kIs);
  CHECK(category_of(after, "B") == kGov);
  CHECK(after.settlements[1].deciding_events == std::vector<std::string>{"e3"});
}

TEST_CASE("control decays to unknown without reports; clashes and disagreement make it contested", "[control]") {
  const std::vector<ControlReport> reports{
      report("A", ControlReportKind::Territorial, kIs, "2017-01-01", "r1", "e1"),
      report("B", ControlReportKind::Territorial, kIs, "2017-03-01", "r1", "e2"),
      report("B", ControlReportKind::Clash, 0, "2017-03-20", "r2", "e3"),
      report("C", ControlReportKind::Clash, 0, "2017-03-20", "r2", "e4"),
      report("C", ControlReportKind::Territorial, kGov, "2017-03-20", "r2", "e5"),  // attacked, then taken
      report("D", ControlReportKind::Territorial, kGov, "2017-03-25", "r3", "e6"),
      report("D", ControlReportKind::Territorial, kIs, "2017-03-26", "r4", "e7"),
      report("E", ControlReportKind::Territorial, kGov, "", "r5", "e8"),
  };
  auto options = on("2017-04-01");
  options.decay_days = 60;
  options.contested_days = 30;
  const auto snapshot = control_on(reports, options, kContested);
  CHECK(category_of(snapshot, "A") == ControllerPalette::kUnknown);
  CHECK(snapshot.decayed == 1);
  CHECK(category_of(snapshot, "B") == kContested);
  CHECK(category_of(snapshot, "C") == kGov);
  CHECK(category_of(snapshot, "D") == kContested);
  CHECK(category_of(snapshot, "E") == 255);
  CHECK(snapshot.undated_skipped == 1);
  options.undated_as_of = true;
  CHECK(category_of(control_on(reports, options, kContested), "E") == kGov);
}

TEST_CASE("zones: nearest settlement within reach, dissolved per controller, with a front between", "[control]") {
  GeosContext geos;
  // Two government villages west, one IS village east, 10 km apart on a line.
  const std::vector<ProjectedSettlement> settlements{{0, 0, kGov}, {10000, 0, kGov}, {20000, 0, kIs}, {20000, 0, kIs}};
  ZoneOptions options;
  options.influence_m = 8000;
  options.contested = kContested;
  const auto zones = control_zones(geos, settlements, options);
  REQUIRE(zones.zones.size() == 2);
  CHECK(zones.zones[0].category == kGov);
  CHECK(zones.zones[0].settlements == std::vector<std::size_t>{0, 1});
  CHECK(zones.zones[1].settlements == std::vector<std::size_t>{2, 3});
  double area = 0;
  GEOSArea_r(geos.handle(), zones.zones[1].area.get(), &area);
  // the IS village keeps the half-disc east of x = 15 km, plus the cap between x = 15 and its reach
  const double r = 8000, d = 5000;
  const double half_plane_cap = r * r * std::acos(d / r) - d * std::sqrt(r * r - d * d);
  CHECK(area == Approx(std::numbers::pi * r * r - half_plane_cap).epsilon(0.01));
  REQUIRE(zones.fronts.size() == 1);
  CHECK(zones.fronts[0].category_a == kGov);
  CHECK(zones.fronts[0].category_b == kIs);
  double length = 0;
  GEOSLength_r(geos.handle(), zones.fronts[0].line.get(), &length);
  CHECK(length == Approx(2 * std::sqrt(r * r - d * d)).epsilon(0.01));  // the bisector where both reach
}

TEST_CASE("settlements at one spot that disagree are contested; unknown ones keep their ground empty", "[control]") {
  GeosContext geos;
  const std::vector<ProjectedSettlement> settlements{{0, 0, kGov}, {0, 0, kIs}, {5000, 0, 0}};
  ZoneOptions options;
  options.influence_m = 0;
  options.contested = kContested;
  const auto zones = control_zones(geos, settlements, options);
  REQUIRE(zones.zones.size() == 1);
  CHECK(zones.zones[0].category == kContested);
  CHECK(zones.fronts.empty());
}

TEST_CASE("a grid over the cell limit is refused with the cell size that fits, and a too-long date step too", "[grid]") {
  const Bounds syria{200000, 3600000, 1000000, 4150000};
  CHECK_NOTHROW(require_grid_within(syria, 500, 100'000'000));
  CHECK_THROWS_WITH(require_grid_within(syria, 5, 100'000'000), Catch::Contains("use --pixel-size 70 or more"));
  CHECK_THROWS_WITH(parse_date_series("2017-01-01..2017-12-01/300000000y"), Catch::Contains("too long"));
  CHECK(parse_date_series("2017-01-01..2017-12-01/100000y").size() == 1);
}
