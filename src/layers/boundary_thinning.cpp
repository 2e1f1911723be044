#include "layers/boundary_thinning.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/plane_rtree.hpp"

namespace conflictmap {

namespace {

using IndexedVertex = std::pair<PlanePoint, std::uint32_t>;

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kSmallestThinned = 12;  // rings with fewer points are left whole

struct PointHash {
  std::size_t operator()(const RingPoint& p) const {
    const auto x = std::bit_cast<std::uint64_t>(p.x), y = std::bit_cast<std::uint64_t>(p.y);
    return std::size_t(x * 0x9E3779B97F4A7C15ULL ^ (y + 0x7F4A7C159E3779B9ULL + (x << 6) + (x >> 2)));
  }
};

// One distinct point of the coverage, shared by every ring copy that passes through it.
struct Vertex {
  RingPoint point;
  std::uint32_t first = kNone, second = kNone;  // neighbours along the boundary; copies that disagree pin it
  bool pinned = false;
  bool removed = false;
};

double distance_to_segment(const RingPoint& p, const RingPoint& a, const RingPoint& b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

class CoverageGraph {
 public:
  CoverageGraph(const std::vector<Ring*>& rings, const Bounds& frame) {
    const double slack = 1e-9 * std::max({std::abs(frame.min_x), std::abs(frame.max_x), std::abs(frame.min_y),
                                          std::abs(frame.max_y), 1.0});
    for (std::uint32_t r = 0; r < rings.size(); ++r) {
      const Ring& ring = *rings[r];
      const std::size_t n = ring.size() > 1 ? ring.size() - 1 : 0;
      sequences_.emplace_back();
      for (std::size_t i = 0; i < n; ++i) sequences_.back().push_back(vertex_at(ring[i]));
      for (std::size_t i = 0; i < n; ++i) {
        Vertex& v = vertices_[sequences_.back()[i]];
        const std::uint32_t previous = sequences_.back()[(i + n - 1) % n], next = sequences_.back()[(i + 1) % n];
        note_neighbours(v, std::min(previous, next), std::max(previous, next));
        if (n < kSmallestThinned) v.pinned = true;  // too small to be worth thinning
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
      entries.emplace_back(PlanePoint(vertices_[i].point.x, vertices_[i].point.y), i);
    }
    index_ = bgi::rtree<IndexedVertex, bgi::rstar<16>>(entries.begin(), entries.end());
  }

  // Douglas–Peucker once per stretch of boundary between pinned vertices, whichever rings share it: the
  // farthest vertex from the chord is kept until every vertex lies within `tolerance` of the result. A chord
  // is refused when another vertex lies in the area it would cut off (then no boundary could cross it) or
  // when it would double an existing edge (a ring would collapse).
  std::size_t simplify_chains(double tolerance) {
    pin_free_loops();
    stamps_.assign(vertices_.size(), 0);
    std::vector<std::vector<std::uint32_t>> chains = unique_chains();
    for (const auto& [a, b] : edges_from_sequences()) edges_.insert(edge(a, b));
    std::size_t removed = 0;
    for (const auto& chain : chains) removed += simplify(chain, 0, chain.size() - 1, tolerance);
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
  static bool before(const RingPoint& a, const RingPoint& b) { return std::tie(a.x, a.y) < std::tie(b.x, b.y); }

  // A ring whose every vertex is free (a loop touching nothing) gets two pins, its lowest and highest points:
  // chosen from its points alone, so both copies of the loop get the same ones.
  void pin_free_loops() {
    for (const auto& sequence : sequences_) {
      if (sequence.empty()) continue;
      if (std::any_of(sequence.begin(), sequence.end(), [&](std::uint32_t id) { return vertices_[id].pinned; })) continue;
      auto [low, high] = std::minmax_element(sequence.begin(), sequence.end(), [&](std::uint32_t a, std::uint32_t b) {
        return before(vertices_[a].point, vertices_[b].point);
      });
      vertices_[*low].pinned = vertices_[*high].pinned = true;
    }
  }

  // Every stretch from a pinned vertex through free ones to the next pinned vertex, once, however many rings
  // hold it and in whichever direction: walked from its lower end (by position), and ordered by position.
  std::vector<std::vector<std::uint32_t>> unique_chains() const {
    std::vector<std::vector<std::uint32_t>> chains;
    std::unordered_set<std::uint64_t> seen;  // (start, first free vertex)
    for (const auto& sequence : sequences_) {
      const std::size_t n = sequence.size();
      const auto first_pin = std::find_if(sequence.begin(), sequence.end(), [&](std::uint32_t id) {
        return vertices_[id].pinned;
      });
      if (first_pin == sequence.end()) continue;
      const std::size_t start = std::size_t(first_pin - sequence.begin());
      std::vector<std::uint32_t> chain{sequence[start]};
      for (std::size_t step = 1; step <= n; ++step) {
        const std::uint32_t id = sequence[(start + step) % n];
        chain.push_back(id);
        if (!vertices_[id].pinned) continue;
        if (chain.size() > 2) {
          const bool forward = before(vertices_[chain.front()].point, vertices_[chain.back()].point) ||
                               (chain.front() == chain.back() &&
                                before(vertices_[chain[1]].point, vertices_[chain[chain.size() - 2]].point));
          if (!forward) std::reverse(chain.begin(), chain.end());
          if (seen.insert(edge_key(chain[0], chain[1])).second) chains.push_back(chain);
        }
        chain = {id};
      }
    }
    std::sort(chains.begin(), chains.end(), [&](const auto& a, const auto& b) {
      const auto &p = vertices_[a[0]].point, &q = vertices_[b[0]].point;
      if (p != q) return before(p, q);
      return before(vertices_[a[1]].point, vertices_[b[1]].point);
    });
    return chains;
  }

  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges_from_sequences() const {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (const auto& sequence : sequences_) {
      for (std::size_t i = 0; i < sequence.size(); ++i) {
        const std::uint32_t a = sequence[i], b = sequence[(i + 1) % sequence.size()];
        edges.emplace_back(std::min(a, b), std::max(a, b));
      }
    }
    return edges;
  }

  // Removes what it can of chain[first+1 … last-1]; returns how many vertices went. Spans wait on a stack
  // rather than in recursion, as a long stretch can split many times over.
  std::size_t simplify(const std::vector<std::uint32_t>& chain, std::size_t first, std::size_t last, double tolerance) {
    std::size_t removed = 0;
    std::vector<std::pair<std::size_t, std::size_t>> spans{{first, last}};
    while (!spans.empty()) {
      const auto [from, to] = spans.back();
      spans.pop_back();
      if (to <= from + 1) continue;
      const RingPoint &a = vertices_[chain[from]].point, &b = vertices_[chain[to]].point;
      double farthest = -1;
      std::size_t split = from + 1;
      for (std::size_t i = from + 1; i < to; ++i) {
        const double d = distance_to_segment(vertices_[chain[i]].point, a, b);
        if (d > farthest) {
          farthest = d;
          split = i;
        }
      }
      // a closed stretch keeps two of its vertices, so that its ring keeps an area
      const bool closed = chain[from] == chain[to];
      if (farthest <= tolerance && !closed && cut_is_clear(chain, from, to)) {
        for (std::size_t i = from + 1; i < to; ++i) vertices_[chain[i]].removed = true;
        for (std::size_t i = from; i < to; ++i) edges_.erase(edge(chain[i], chain[i + 1]));
        edges_.insert(edge(chain[from], chain[to]));
        removed += to - from - 1;
        continue;
      }
      spans.push_back({split, to});
      spans.push_back({from, split});
    }
    return removed;
  }

  // an ordered pair of vertex ids as one hashable number
  static std::uint64_t edge_key(std::uint32_t first, std::uint32_t second) {
    return std::uint64_t(first) << 32 | second;
  }
  static std::uint64_t edge(std::uint32_t a, std::uint32_t b) { return edge_key(std::min(a, b), std::max(a, b)); }

  // Whether the chord chain[first]–chain[last] may stand for the vertices between: it must not double an edge,
  // and no other remaining vertex may lie in or on the area between the stretch and the chord.
  bool cut_is_clear(const std::vector<std::uint32_t>& chain, std::size_t first, std::size_t last) {
    if (edges_.count(edge(chain[first], chain[last]))) return false;
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (std::size_t i = first; i <= last; ++i) {
      const RingPoint& p = vertices_[chain[i]].point;
      min_x = std::min(min_x, p.x);
      min_y = std::min(min_y, p.y);
      max_x = std::max(max_x, p.x);
      max_y = std::max(max_y, p.y);
    }
    ++stamp_;
    for (std::size_t i = first; i <= last; ++i) stamps_[chain[i]] = stamp_;  // the stretch's own vertices
    const PlaneBox box(PlanePoint(min_x, min_y), PlanePoint(max_x, max_y));
    // query() into a reused vector: the query iterators allocate on every check
    nearby_.clear();
    index_.query(bgi::intersects(box), std::back_inserter(nearby_));
    for (const IndexedVertex& entry : nearby_) {
      const std::uint32_t other = entry.second;
      if (vertices_[other].removed || stamps_[other] == stamp_) continue;
      if (in_cut_off_area(vertices_[other].point, chain, first, last)) return false;
    }
    return true;
  }

  // In or on the polygon chain[first] … chain[last] closed by the chord (crossing number, with the edges
  // themselves counted in).
  bool in_cut_off_area(const RingPoint& p, const std::vector<std::uint32_t>& chain, std::size_t first,
                       std::size_t last) const {
    bool inside = false;
    const std::size_t n = last - first + 1;
    for (std::size_t k = 0; k < n; ++k) {
      const RingPoint& u = vertices_[chain[first + k]].point;
      const RingPoint& v = vertices_[chain[first + (k + 1) % n]].point;
      if (distance_to_segment(p, u, v) == 0) return true;
      if ((u.y > p.y) != (v.y > p.y) && p.x < (v.x - u.x) * (p.y - u.y) / (v.y - u.y) + u.x) inside = !inside;
    }
    return inside;
  }

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

  std::vector<Vertex> vertices_;
  std::unordered_map<RingPoint, std::uint32_t, PointHash> ids_;
  std::vector<std::vector<std::uint32_t>> sequences_;
  bgi::rtree<IndexedVertex, bgi::rstar<16>> index_;
  std::unordered_set<std::uint64_t> edges_;  // the current edges, for chords that would double one
  std::vector<std::uint32_t> stamps_;                          // marks a stretch's own vertices, per check
  std::vector<IndexedVertex> nearby_;                          // the vertices in a check's box
  std::uint32_t stamp_ = 0;
};

}  // namespace

ThinningStats thin_shared_boundaries(std::vector<Ring*>& rings, double tolerance, const Bounds& frame) {
  ThinningStats stats;
  for (const Ring* ring : rings) stats.vertices_before += ring->size() > 1 ? ring->size() - 1 : 0;
  if (!(tolerance > 0)) {
    stats.vertices_after = stats.vertices_before;
    return stats;
  }
  CoverageGraph graph(rings, frame);
  graph.simplify_chains(tolerance);
  stats.vertices_after = graph.write_back(rings);
  return stats;
}

}  // namespace conflictmap
