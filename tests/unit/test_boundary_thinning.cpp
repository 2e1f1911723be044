#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "layers/boundary_thinning.hpp"

using namespace conflictmap;

namespace {

// A wobbly circle: 200 points within ±0.5 of radius `radius`, closed.
Ring wobbly_circle(double radius, int points = 200, double cx = 0, double cy = 0) {
  Ring ring;
  for (int i = 0; i < points; ++i) {
    const double angle = 2 * M_PI * i / points;
    const double r = radius + 0.5 * std::sin(7.0 * angle) + 0.2 * std::cos(23.0 * angle);
    ring.push_back({cx + r * std::cos(angle), cy + r * std::sin(angle)});
  }
  ring.push_back(ring.front());
  return ring;
}

// The same closed ring, started elsewhere and walked the other way round.
Ring restarted_reversed(const Ring& ring, std::size_t start) {
  Ring open(ring.begin(), ring.end() - 1);
  std::rotate(open.begin(), open.begin() + std::ptrdiff_t(start), open.end());
  std::reverse(open.begin(), open.end());
  open.push_back(open.front());
  return open;
}

// The ring's points in one canonical cyclic order, for comparing rings that may start and turn differently.
std::vector<RingPoint> canonical(const Ring& ring) {
  std::vector<RingPoint> open(ring.begin(), ring.end() - 1);
  auto less = [](const RingPoint& a, const RingPoint& b) { return std::tie(a.x, a.y) < std::tie(b.x, b.y); };
  std::rotate(open.begin(), std::min_element(open.begin(), open.end(), less), open.end());
  if (open.size() > 2 && less(open.back(), open[1])) std::reverse(open.begin() + 1, open.end());
  return open;
}

double distance_to_ring(const RingPoint& p, const Ring& ring) {
  double best = 1e300;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const auto &a = ring[i], &b = ring[i + 1];
    const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0);
    best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
  }
  return best;
}

const Bounds kFarFrame{-1000, -1000, 1000, 1000};

}  // namespace

TEST_CASE("thin_shared_boundaries removes the same vertices from both copies of a shared boundary",
          "[thinning]") {
  // band A: a disc; band B: an annulus whose hole is A's boundary, stored from another start, reversed
  const Ring disc = wobbly_circle(50);
  Ring a = disc, hole = restarted_reversed(disc, 77), outer = wobbly_circle(80, 260);
  std::vector<Ring*> rings{&a, &outer, &hole};
  const ThinningStats stats = thin_shared_boundaries(rings, 1.0, kFarFrame);
  CHECK(stats.vertices_before == 200 + 260 + 200);
  CHECK(stats.vertices_after < stats.vertices_before * 3 / 4);
  CHECK(a.size() < disc.size());
  CHECK(canonical(a) == canonical(hole));
  CHECK(a.front() == a.back());
  CHECK(hole.front() == hole.back());
}

TEST_CASE("thin_shared_boundaries keeps every removed vertex within the tolerance", "[thinning]") {
  for (double tolerance : {0.3, 1.0, 3.0}) {
    const Ring original = wobbly_circle(50);
    Ring thinned = original;
    std::vector<Ring*> rings{&thinned};
    thin_shared_boundaries(rings, tolerance, kFarFrame);
    CHECK(thinned.size() < original.size());
    double worst = 0;
    for (const auto& p : original) worst = std::max(worst, distance_to_ring(p, thinned));
    CHECK(worst <= tolerance);
    CHECK(worst > 0);
    // what is kept is a subset of what was traced: nothing is moved, only left out
    for (const auto& p : thinned) CHECK(std::find(original.begin(), original.end(), p) != original.end());
  }
}

TEST_CASE("thin_shared_boundaries gives the same result whatever the order of the rings", "[thinning]") {
  const Ring disc = wobbly_circle(50), outer = wobbly_circle(80, 260);
  Ring a1 = disc, h1 = restarted_reversed(disc, 13), o1 = outer;
  Ring a2 = disc, h2 = restarted_reversed(disc, 13), o2 = outer;
  std::vector<Ring*> first{&a1, &o1, &h1}, second{&h2, &o2, &a2};
  thin_shared_boundaries(first, 1.0, kFarFrame);
  thin_shared_boundaries(second, 1.0, kFarFrame);
  CHECK(a1 == a2);
  CHECK(o1 == o2);
  CHECK(h1 == h2);
}

TEST_CASE("thin_shared_boundaries keeps vertices on the frame, small rings and blocked corners", "[thinning]") {
  SECTION("a frame through the ring pins the vertices on it") {
    Ring ring;
    for (int i = 0; i <= 40; ++i) ring.push_back({double(i), 0.01 * (i % 2)});  // nearly straight along y = 0
    for (int i = 40; i >= 0; --i) ring.push_back({double(i), 10.0 + 0.01 * (i % 2)});
    ring.push_back(ring.front());
    const Bounds frame{-5, 0, 100, 100};  // y = 0 is the frame's edge: the lower run stays whole
    std::vector<Ring*> rings{&ring};
    thin_shared_boundaries(rings, 0.5, frame);
    int lower = 0, upper = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) (ring[i].y < 5 ? lower : upper) += 1;
    CHECK(lower == 21);  // the y = 0 points: every even x
    CHECK(upper < 41);
  }
  SECTION("a ring under 12 points is left as it is") {
    Ring small = wobbly_circle(5, 11);
    const Ring before = small;
    std::vector<Ring*> rings{&small};
    thin_shared_boundaries(rings, 10.0, kFarFrame);
    CHECK(small == before);
  }
  SECTION("a vertex of another ring inside the cut-off area blocks the cut") {
    // a box with a slight dent in its bottom edge and zigzag sides; a tiny ring sits in the dent
    const Ring box{{0, 0},    {10, -0.4}, {20, 0},  {22, 5},  {20, 10}, {22, 15}, {20, 20}, {15, 22},
                   {10, 20},  {5, 22},    {0, 20},  {-2, 15}, {0, 10},  {-2, 5},  {0, 0}};
    const RingPoint dent{10, -0.4};
    Ring alone = box;
    std::vector<Ring*> rings{&alone};
    thin_shared_boundaries(rings, 1.5, kFarFrame);
    CHECK(std::find(alone.begin(), alone.end(), dent) == alone.end());
    Ring blocked = box;
    Ring island{{10, -0.1}, {10.05, -0.15}, {10, -0.2}, {9.95, -0.15}, {10, -0.1}};
    const Ring island_before = island;
    std::vector<Ring*> both{&blocked, &island};
    thin_shared_boundaries(both, 1.5, kFarFrame);
    CHECK(std::find(blocked.begin(), blocked.end(), dent) != blocked.end());
    CHECK(island == island_before);
  }
  SECTION("a tolerance of 0 keeps everything") {
    Ring ring = wobbly_circle(50);
    const Ring before = ring;
    std::vector<Ring*> rings{&ring};
    const auto stats = thin_shared_boundaries(rings, 0.0, kFarFrame);
    CHECK(ring == before);
    CHECK(stats.vertices_after == stats.vertices_before);
  }
}
