#include "layers/boundary_thinning.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>
#include <unordered_map>

namespace conflictmap {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using IndexPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using IndexBox = bg::model::box<IndexPoint>;
using IndexedVertex = std::pair<IndexPoint, std::uint32_t>;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kSmallestRing = 6;  // open points a ring keeps at least

struct PointHash {
  std::size_t operator()(const RingPoint& p) const {
    const auto x = std::bit_cast<std::uint64_t>(p.x), y = std::bit_cast<std::uint64_t>(p.y);
    return std::size_t(x * 0x9E3779B97F4A7C15ULL ^ (y + 0x7F4A7C159E3779B9ULL + (x << 6) + (x >> 2)));
  }
};

// One distinct point of the coverage, shared by every ring copy that passes through it.
struct Vertex {
  RingPoint point;
  std::uint32_t first = kNone, second = kNone;  // neighbours along the boundary, while they agree
  bool pinned = false;
  bool removed = false;
  std::vector<std::uint32_t> rings;  // the rings through it, for their size floor
};

double distance_to_segment(const RingPoint& p, const RingPoint& a, const RingPoint& b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

double cross(const RingPoint& o, const RingPoint& a, const RingPoint& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// In the closed triangle, so a point on its edge also blocks.
bool in_triangle(const RingPoint& p, const RingPoint& a, const RingPoint& b, const RingPoint& c) {
  const double d1 = cross(a, b, p), d2 = cross(b, c, p), d3 = cross(c, a, p);
  const bool negative = d1 < 0 || d2 < 0 || d3 < 0, positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

class CoverageGraph {
 public:
  CoverageGraph(const std::vector<Ring*>& rings, const Bounds& frame) : ring_sizes_(rings.size()) {
    const double slack = 1e-9 * std::max({std::abs(frame.min_x), std::abs(frame.max_x), std::abs(frame.min_y),
                                          std::abs(frame.max_y), 1.0});
    for (std::uint32_t r = 0; r < rings.size(); ++r) {
      const Ring& ring = *rings[r];
      const std::size_t n = ring.size() > 1 ? ring.size() - 1 : 0;
      ring_sizes_[r] = n;
      sequences_.emplace_back();
      for (std::size_t i = 0; i < n; ++i) sequences_.back().push_back(vertex_at(ring[i]));
      for (std::size_t i = 0; i < n; ++i) {
        Vertex& v = vertices_[sequences_.back()[i]];
        v.rings.push_back(r);
        const std::uint32_t previous = sequences_.back()[(i + n - 1) % n], next = sequences_.back()[(i + 1) % n];
        note_neighbours(v, std::min(previous, next), std::max(previous, next));
        if (n < 2 * kSmallestRing) v.pinned = true;  // too small to be worth thinning
      }
    }
    for (Vertex& v : vertices_) {
      const auto& p = v.point;
      if (p.x <= frame.min_x + slack || p.x >= frame.max_x - slack || p.y <= frame.min_y + slack ||
          p.y >= frame.max_y - slack) {
        v.pinned = true;
      }
    }
    std::vector<IndexedVertex> entries;
    entries.reserve(vertices_.size());
    for (std::uint32_t i = 0; i < vertices_.size(); ++i) {
      entries.emplace_back(IndexPoint(vertices_[i].point.x, vertices_[i].point.y), i);
    }
    index_ = bgi::rtree<IndexedVertex, bgi::rstar<16>>(entries.begin(), entries.end());
  }

  std::size_t size() const { return vertices_.size(); }

  // One round: the candidates closest to their chord go first, and a vertex whose neighbour already moved
  // waits for the next round, so each round moves a boundary by less than `tolerance`.
  std::size_t thin_once(double tolerance) {
    std::vector<std::pair<double, std::uint32_t>> candidates;
    for (std::uint32_t i = 0; i < vertices_.size(); ++i) {
      const Vertex& v = vertices_[i];
      if (v.pinned || v.removed) continue;
      const double deviation = distance_to_segment(v.point, vertices_[v.first].point, vertices_[v.second].point);
      if (deviation < tolerance) candidates.emplace_back(deviation, i);
    }
    // ties by position, not by index, so the order does not depend on the rings' order
    std::sort(candidates.begin(), candidates.end(), [&](const auto& a, const auto& b) {
      const auto& p = vertices_[a.second].point;
      const auto& q = vertices_[b.second].point;
      return std::tie(a.first, p.x, p.y) < std::tie(b.first, q.x, q.y);
    });
    std::vector<bool> touched(vertices_.size(), false);
    std::size_t removed = 0;
    for (const auto& [deviation, i] : candidates) {
      Vertex& v = vertices_[i];
      if (touched[i] || touched[v.first] || touched[v.second] || !rings_can_shrink(v) || blocked(i)) continue;
      remove(i);
      touched[i] = touched[v.first] = touched[v.second] = true;
      ++removed;
    }
    return removed;
  }

  std::size_t write_back(std::vector<Ring*>& rings) const {
    std::size_t kept = 0;
    for (std::size_t r = 0; r < rings.size(); ++r) {
      Ring thinned;
      for (std::uint32_t id : sequences_[r]) {
        if (!vertices_[id].removed) thinned.push_back(vertices_[id].point);
      }
      if (!thinned.empty()) thinned.push_back(thinned.front());
      kept += thinned.empty() ? 0 : thinned.size() - 1;
      *rings[r] = std::move(thinned);
    }
    return kept;
  }

 private:
  std::uint32_t vertex_at(const RingPoint& p) {
    auto [found, added] = ids_.try_emplace(p, std::uint32_t(vertices_.size()));
    if (added) {
      Vertex vertex;
      vertex.point = p;
      vertices_.push_back(std::move(vertex));
    }
    return found->second;
  }

  static void note_neighbours(Vertex& v, std::uint32_t low, std::uint32_t high) {
    if (v.first == kNone) {
      v.first = low;
      v.second = high;
    } else if (v.first != low || v.second != high) {
      v.pinned = true;
    }
    if (low == high) v.pinned = true;
  }

  bool rings_can_shrink(const Vertex& v) const {
    return std::all_of(v.rings.begin(), v.rings.end(), [&](std::uint32_t r) { return ring_sizes_[r] > kSmallestRing; });
  }

  bool blocked(std::uint32_t i) const {
    const Vertex& v = vertices_[i];
    const RingPoint &a = vertices_[v.first].point, &b = vertices_[v.second].point, &c = v.point;
    const IndexBox box(IndexPoint(std::min({a.x, b.x, c.x}), std::min({a.y, b.y, c.y})),
                       IndexPoint(std::max({a.x, b.x, c.x}), std::max({a.y, b.y, c.y})));
    for (auto it = index_.qbegin(bgi::intersects(box)); it != index_.qend(); ++it) {
      const std::uint32_t other = it->second;
      if (other == i || other == v.first || other == v.second || vertices_[other].removed) continue;
      if (in_triangle(vertices_[other].point, a, c, b)) return true;
    }
    return false;
  }

  void remove(std::uint32_t i) {
    Vertex& v = vertices_[i];
    v.removed = true;
    for (std::uint32_t r : v.rings) --ring_sizes_[r];
    relink(v.first, i, v.second);
    relink(v.second, i, v.first);
  }

  // `neighbour` loses `gone` and gains `replacement`; a pinned vertex keeps no neighbour list to update.
  void relink(std::uint32_t neighbour, std::uint32_t gone, std::uint32_t replacement) {
    Vertex& n = vertices_[neighbour];
    if (n.pinned) return;
    std::uint32_t other = n.first == gone ? n.second : n.first;
    n.first = std::min(other, replacement);
    n.second = std::max(other, replacement);
    if (n.first == n.second) n.pinned = true;  // the ring is down to a back-and-forth: leave it
  }

  std::vector<Vertex> vertices_;
  std::unordered_map<RingPoint, std::uint32_t, PointHash> ids_;
  std::vector<std::vector<std::uint32_t>> sequences_;
  std::vector<std::size_t> ring_sizes_;
  bgi::rtree<IndexedVertex, bgi::rstar<16>> index_;
};

}  // namespace

ThinningStats thin_shared_boundaries(std::vector<Ring*>& rings, double tolerance, const Bounds& frame, int passes) {
  ThinningStats stats;
  for (const Ring* ring : rings) stats.vertices_before += ring->size() > 1 ? ring->size() - 1 : 0;
  if (!(tolerance > 0) || passes < 1) {
    stats.vertices_after = stats.vertices_before;
    return stats;
  }
  CoverageGraph graph(rings, frame);
  for (int pass = 0; pass < passes; ++pass) {
    if (graph.thin_once(tolerance / passes) == 0) break;
  }
  stats.vertices_after = graph.write_back(rings);
  return stats;
}

}  // namespace conflictmap
