#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <numeric>

#include "core/event_batches.hpp"
#include "core/raster_grid.hpp"
#include "layers/density_ramp.hpp"
#include "layers/density_surface.hpp"
#include "layers/kernel.hpp"
#include "layers/strike_selection.hpp"

using namespace conflictmap;

namespace {
const double pi = std::numbers::pi;

// A 101×101 grid of 100 m cells whose centre cell is centred on (0, 0).
RasterGrid centred_grid() {
  RasterGrid grid;
  grid.cell = 100;
  grid.width = grid.height = 101;
  grid.origin_x = -50.5 * 100;
  grid.origin_y = 50.5 * 100;
  grid.crs = "EPSG:32637";
  return grid;
}

double at(const std::vector<float>& values, const RasterGrid& grid, int column, int row) {
  return values[std::size_t(row) * grid.width + column];
}

double mass(const std::vector<float>& values, const RasterGrid& grid) {
  return std::accumulate(values.begin(), values.end(), 0.0) * grid.cell_area();
}
}  // namespace

TEST_CASE("the quartic kernel has QGIS's corrected normalisation 16/(5πh²)·15/16", "[density]") {
  const Kernel k(KernelShape::Quartic, 1000);
  CHECK(k.at_distance(0) == Approx(16.0 / (5 * pi * 1e6) * 15.0 / 16.0));
  CHECK(k.at_distance(500) == Approx(3.0 / (pi * 1e6) * 0.75 * 0.75));
  CHECK(k.at_distance(1000) == Approx(0.0).margin(1e-18));
  CHECK(k.at_distance(1000.1) == 0.0);
  CHECK(Kernel(KernelShape::Triangular, 1000).at_distance(500) == Approx(3.0 / (pi * 1e6) * 0.5));
  CHECK(Kernel(KernelShape::Epanechnikov, 1000).at_distance(500) == Approx(2.0 / (pi * 1e6) * 0.75));
  CHECK(Kernel(KernelShape::Uniform, 1000).at_distance(999) == Approx(1.0 / (pi * 1e6)));
  CHECK(Kernel(KernelShape::Gaussian, 1000).support_radius() == 4000);
  CHECK_THROWS(Kernel(KernelShape::Quartic, 0));
  CHECK(parse_kernel_shape("epanechnikov") == KernelShape::Epanechnikov);
  CHECK_FALSE(parse_kernel_shape("cosine"));
}

TEST_CASE("a single point's density equals the kernel at each cell centre", "[density]") {
  const auto grid = centred_grid();
  const std::vector<WeightedPoint> points{{0, 0, 3.0, 1000}};
  const auto density = kernel_density(points, grid, KernelShape::Quartic, 1);
  const double peak = 3.0 * 3.0 / (pi * 1e6);
  CHECK(at(density, grid, 50, 50) == Approx(peak));
  // 500 m east: (1 - 0.25)² of the peak; 1000 m away: nothing
  CHECK(at(density, grid, 55, 50) == Approx(peak * 0.5625));
  CHECK(at(density, grid, 50, 45) == Approx(peak * 0.5625));
  CHECK(at(density, grid, 60, 50) == Approx(0.0).margin(1e-15));
  CHECK(at(density, grid, 61, 50) == 0.0);
  // 300 m east and 400 m north: 500 m
  CHECK(at(density, grid, 53, 46) == Approx(peak * 0.5625));
}

TEST_CASE("two points add up where their kernels overlap", "[density]") {
  const auto grid = centred_grid();
  const std::vector<WeightedPoint> points{{-600, 0, 1.0, 1000}, {600, 0, 2.0, 1000}};
  const auto density = kernel_density(points, grid, KernelShape::Quartic, 1);
  const double unit = 3.0 / (pi * 1e6);
  const double u = 1 - 0.36;  // 600 m of 1000 m
  CHECK(at(density, grid, 50, 50) == Approx(unit * u * u * 3.0));
  CHECK(at(density, grid, 44, 50) == Approx(unit * 1.0 + 0.0));  // 1200 m from the second point
  CHECK(at(density, grid, 56, 50) == Approx(unit * 2.0));
}

TEST_CASE("a point near the edge adds only to the cells that exist", "[density]") {
  const auto grid = centred_grid();
  const double edge_x = grid.column_centre_x(100);  // the centre of the last column
  const std::vector<WeightedPoint> points{{edge_x, 0, 1.0, 1000}};
  const auto density = kernel_density(points, grid, KernelShape::Quartic, 1);
  const double unit = 3.0 / (pi * 1e6);
  CHECK(at(density, grid, 100, 50) == Approx(unit));
  CHECK(at(density, grid, 95, 50) == Approx(unit * 0.5625));
  // the half east of the point falls off the grid, all but the 50 m strip up to the edge, whose share is
  // the kernel's marginal at 0, 16/(5πh), times its width
  CHECK(mass(density, grid) == Approx(0.5 + 50 * 16 / (5 * pi * 1000)).epsilon(0.01));
}

TEST_CASE("density × cell area sums to the total weight for every kernel", "[density]") {
  const auto grid = centred_grid();
  const std::vector<WeightedPoint> points{{10, -20, 70.0, 1500}, {-800, 900, 5.0, 1200}, {333, 333, 2.0, 2500}};
  for (auto shape : {KernelShape::Quartic, KernelShape::Triangular, KernelShape::Epanechnikov, KernelShape::Uniform,
                     KernelShape::Gaussian}) {
    INFO(kernel_shape_name(shape));
    const double bandwidth_scale = shape == KernelShape::Gaussian ? 0.25 : 1.0;  // keep the Gaussian on the grid
    std::vector<WeightedPoint> scaled = points;
    for (auto& p : scaled) p.bandwidth *= bandwidth_scale * 1.5;
    CHECK(mass(kernel_density(scaled, grid, shape, 2), grid) == Approx(77.0).epsilon(0.01));
  }
}

TEST_CASE("the density does not depend on the number of threads", "[density]") {
  const auto grid = centred_grid();
  std::vector<WeightedPoint> points;
  for (int i = 0; i < 200; ++i) points.push_back({std::sin(i) * 4000, std::cos(i * 1.3) * 4000, 1.0 + i % 3, 800});
  CHECK(kernel_density(points, grid, KernelShape::Quartic, 1) == kernel_density(points, grid, KernelShape::Quartic, 3));
}

// Kernels of very different widths, some centred off the grid: each band of rows must still find every
// kernel that reaches it, which a direct sum over points at each cell centre checks.
TEST_CASE("mixed bandwidths and off-grid centres match a direct sum at every cell", "[density]") {
  const auto grid = centred_grid();
  std::vector<WeightedPoint> points;
  for (int i = 0; i < 60; ++i) {
    const double bandwidth = i % 10 == 0 ? 9000 : 300 + 40 * (i % 7);
    points.push_back({std::sin(i * 0.7) * 6000, std::cos(i * 1.1) * 6500, 1.0 + i % 4, bandwidth});
  }
  for (unsigned threads : {1u, 2u, 5u}) {
    INFO(threads << " threads");
    const auto values = kernel_density(points, grid, KernelShape::Quartic, threads);
    double worst = 0;
    for (int row = 0; row < grid.height; ++row) {
      for (int column = 0; column < grid.width; ++column) {
        double expected = 0;
        for (const auto& p : points) {
          const double dx = grid.column_centre_x(column) - p.x, dy = grid.row_centre_y(row) - p.y;
          expected += p.weight * Kernel(KernelShape::Quartic, p.bandwidth).at_squared_distance(dx * dx + dy * dy);
        }
        worst = std::max(worst, std::abs(at(values, grid, column, row) - expected) / std::max(expected, 1e-9));
      }
    }
    CHECK(worst < 1e-4);
  }
}

TEST_CASE("grids snap to multiples of the cell size and cover their bounds", "[density]") {
  const auto grid = RasterGrid::snapped({1234, 5678, 9876, 15432}, 500, "EPSG:32637");
  CHECK(grid.origin_x == 1000);
  CHECK(grid.origin_y == 15500);
  CHECK(grid.width == 18);   // 1000 … 10000
  CHECK(grid.height == 20);  // 5500 … 15500
  CHECK(utm_crs_for(38.5, 35.0) == "EPSG:32637");
  CHECK(utm_crs_for(-70.0, -33.0) == "EPSG:32719");
}

TEST_CASE("surface_totals gives the maximum and a sum that does not depend on the thread count", "[density]") {
  std::vector<float> values(300000);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = float((i * 7919) % 1000) / 997.0f;
  values[123456] = 42.5f;
  const SurfaceTotals one = surface_totals(values, 1);
  CHECK(one.maximum == 42.5);
  double direct = 0;
  for (const float v : values) direct += v;
  CHECK(one.sum == Approx(direct).epsilon(1e-12));
  for (unsigned threads : {2u, 3u, 8u}) {
    const SurfaceTotals many = surface_totals(values, threads);
    CHECK(many.sum == one.sum);  // bit for bit
    CHECK(many.maximum == one.maximum);
  }
  CHECK(surface_totals({}, 2).sum == 0);
}

TEST_CASE("every n-th cell centre of a grid is a grid whose centres are those cells' centres", "[density]") {
  const auto grid = RasterGrid::snapped({1234, 5678, 9876, 15432}, 500, "EPSG:32637");  // 18 × 20 cells
  const RasterGrid sampled = grid.every_nth_centre(4);
  CHECK(RasterGrid::sample_offset(4) == 1);
  CHECK(sampled.cell == 2000);
  CHECK(sampled.width == 5);   // columns 1, 5, 9, 13, 17
  CHECK(sampled.height == 5);  // rows 1, 5, 9, 13, 17
  CHECK(sampled.crs == grid.crs);
  for (int j = 0; j < sampled.width; ++j) CHECK(sampled.column_centre_x(j) == grid.column_centre_x(1 + 4 * j));
  for (int i = 0; i < sampled.height; ++i) CHECK(sampled.row_centre_y(i) == grid.row_centre_y(1 + 4 * i));
  // an odd factor samples the middle cell of each block
  CHECK(RasterGrid::sample_offset(5) == 2);
  CHECK(grid.every_nth_centre(5).column_centre_x(1) == grid.column_centre_x(7));
  CHECK(grid.every_nth_centre(1).cell == grid.cell);
  CHECK(grid.every_nth_centre(0).width == grid.width);
}

TEST_CASE("strike selection filters, weighs, decays and widens imprecise places", "[density]") {
  auto event = [](SubEventType type, const char* date, int precision, std::optional<int> count, const char* actor) {
    Event e;
    e.type = type;
    if (*date) {
      e.date.date = *CivilDate::parse(date);
      e.date.precision = TimePrecision::Day;
    }
    e.place.point = {36, 37};
    e.place.precision = precision;
    e.count = count;
    e.actor1.canonical = actor;
    return e;
  };
  std::vector<Event> events{
      event(SubEventType::AirDroneStrike, "2017-01-10", 1, 70, "Russian air force"),
      event(SubEventType::ShellingArtilleryMissile, "2017-01-03", 2, std::nullopt, "Syrian government forces"),
      event(SubEventType::ArmedClash, "2017-01-10", 1, std::nullopt, "Islamic State"),
      event(SubEventType::AirDroneStrike, "", 3, 2, "US-led coalition"),
  };
  StrikeSelection selection;
  auto all = select_strikes(events, selection, {});
  REQUIRE(all.selected.size() == 3);
  CHECK(all.wrong_type == 1);
  CHECK(all.total_weight == 73);
  CHECK(all.selected[0].bandwidth_m == 10000);
  CHECK(all.selected[1].bandwidth_m == Approx(std::sqrt(1e8 + 25e6)));
  CHECK(all.selected[2].bandwidth_m == Approx(std::sqrt(1e8 + 625e6)));

  selection.as_of = CivilDate::parse("2017-01-10");
  selection.half_life_days = 7;
  auto decayed = select_strikes(events, selection, {});
  REQUIRE(decayed.selected.size() == 2);
  CHECK(decayed.undated == 1);
  CHECK(decayed.selected[0].weight == 70);
  CHECK(decayed.selected[1].weight == Approx(0.5));

  StrikeSelection by_actor;
  by_actor.actors = {"Russian air force"};
  CHECK(select_strikes(events, by_actor, {}).selected.size() == 1);

  events[3].place.place_id = "SY02";
  auto area = [](const std::string& id) -> std::optional<double> {
    if (id == "SY02") return pi * 40000.0 * 40000.0;
    return std::nullopt;
  };
  CHECK(select_strikes(events, StrikeSelection{}, area).selected[2].bandwidth_m == Approx(std::sqrt(1e8 + 16e8)));
}

TEST_CASE("isoband levels step 1-2-5 below the maximum", "[density]") {
  CHECK(nice_levels(3.7) == std::vector<double>{0.1, 0.2, 0.5, 1, 2});
  CHECK(nice_levels(0).empty());
  CHECK(density_colour(0)[3] == 0);
  CHECK(density_colour(1) == density_ramp().back().rgba);
}

TEST_CASE("strike selection over batches gives what it gives over the same events in one vector", "[density]") {
  std::vector<Event> all;
  for (int i = 0; i < 5000; ++i) {
    Event e;
    e.id = "e" + std::to_string(i);
    e.type = i % 3 == 0 ? SubEventType::ArmedClash : SubEventType::AirDroneStrike;
    e.place.point = {36, 37};
    e.place.precision = i % 7 == 0 ? 0 : 1 + i % 3;  // precision 0: no place
    e.count = i % 5;                                   // 0 strikes: zero weight
    e.place.place_id = i % 11 == 0 ? "SY02" : "";
    all.push_back(e);
  }
  EventBatches batches;
  for (int b = 0; b < 5; ++b) batches.add(std::vector<Event>(all.begin() + b * 1000, all.begin() + (b + 1) * 1000));
  const AdminAreaLookup area = [](const std::string& id) -> std::optional<double> {
    return id == "SY02" ? std::optional<double>(4e9) : std::nullopt;
  };
  const auto one = select_strikes(all, StrikeSelection{}, area);
  const auto many = select_strikes(batches, StrikeSelection{}, area);
  REQUIRE(many.selected.size() == one.selected.size());
  for (std::size_t i = 0; i < one.selected.size(); ++i) {
    CHECK(many.selected[i].event->id == one.selected[i].event->id);
    CHECK(many.selected[i].weight == one.selected[i].weight);
    CHECK(many.selected[i].bandwidth_m == one.selected[i].bandwidth_m);
  }
  CHECK(many.wrong_type == one.wrong_type);
  CHECK(many.no_place == one.no_place);
  CHECK(many.zero_weight == one.zero_weight);
  CHECK(many.total_weight == Approx(one.total_weight));
  CHECK(one.wrong_type > 0);
  CHECK(one.no_place > 0);
  CHECK(one.zero_weight > 0);
}

TEST_CASE("a kernel wholly east or west of the grid adds nothing and harms nothing", "[density]") {
  const auto grid = centred_grid();
  const double edge = 50.5 * 100;
  const std::vector<WeightedPoint> points{{edge + 1500, 0, 1.0, 1000}, {-edge - 1500, 200, 2.0, 1000}};
  for (unsigned threads : {1u, 2u}) {
    const auto density = kernel_density(points, grid, KernelShape::Quartic, threads);
    CHECK(mass(density, grid) == 0.0);
  }
}

TEST_CASE("kernels are placed with their rows and peak, and ordered by strip then west to east", "[density]") {
  const auto grid = centred_grid();
  const PlacedKernel k = place_kernel({0, 0, 2.0, 1000}, KernelShape::Quartic, grid, 1.0);
  CHECK(k.scale == Approx(2.0 * 3.0 / (pi * 1e6)));
  CHECK(k.reach2 == Approx(1e6));
  CHECK(k.first_row <= 40);  // 1000 m north of the centre row, 50
  CHECK(k.last_row >= 60);
  CHECK_THROWS(place_kernel({0, 0, 1.0, -5}, KernelShape::Quartic, grid, 1.0));
  std::vector<WeightedPoint> points;
  for (const auto& [x, y] : std::vector<std::pair<double, double>>{{300, -4000}, {-900, 4500}, {-300, -4000}, {200, 4600}, {-300, -4000.5}}) {
    points.push_back({x, y, 1.0, 500});
  }
  const auto ordered = place_in_grid_order(points, KernelShape::Quartic, grid, 1.0);
  REQUIRE(ordered.size() == 5);
  // the northern strip first, west to east; in the southern one the tie at x = −300 keeps its input order
  CHECK(ordered[0].x == -900);
  CHECK(ordered[1].x == 200);
  CHECK(ordered[2].x == -300);
  CHECK(ordered[2].y == -4000);
  CHECK(ordered[3].y == -4000.5);
  CHECK(ordered[4].x == 300);
  points.push_back({std::nan(""), 0, 1.0, 500});
  CHECK_THROWS(place_in_grid_order(points, KernelShape::Quartic, grid, 1.0));
}

TEST_CASE("kernels are placed alike on any number of threads", "[density]") {
  const auto grid = centred_grid();
  std::vector<WeightedPoint> points;
  for (int i = 0; i < 30000; ++i) points.push_back({std::sin(i * 0.37) * 4800, std::cos(i * 0.91) * 4800, 1.0 + i % 4, 300.0 + i % 7});
  const auto one = place_in_grid_order(points, KernelShape::Quartic, grid, 1e6, 1);
  const auto three = place_in_grid_order(points, KernelShape::Quartic, grid, 1e6, 3);
  REQUIRE(one.size() == points.size());
  REQUIRE(three.size() == points.size());
  bool same = true;
  for (std::size_t i = 0; i < one.size(); ++i) {
    same = same && one[i].x == three[i].x && one[i].y == three[i].y && one[i].scale == three[i].scale &&
           one[i].first_row == three[i].first_row && one[i].strip == three[i].strip;
  }
  CHECK(same);
  points[20000].bandwidth = 0;
  CHECK_THROWS_AS(place_in_grid_order(points, KernelShape::Quartic, grid, 1e6, 3), std::invalid_argument);
}
