#pragma once
// Thinning the rings of a polygon coverage (isobands) without opening gaps or overlaps between its polygons.
//
// A boundary between two bands is traced once but stored twice, once in each band's rings, often from another
// starting vertex and in the other direction. Simplifying each ring on its own moves the two copies
// differently and leaves slivers. Here each stretch of boundary is simplified once, and every ring that holds
// it takes the same result.
#include <vector>

#include "core/raster_grid.hpp"

namespace conflictmap {

struct RingPoint {
  double x = 0, y = 0;
  bool operator==(const RingPoint&) const = default;
};

// Closed: the last point repeats the first.
using Ring = std::vector<RingPoint>;

struct ThinningStats {
  std::size_t vertices_before = 0, vertices_after = 0;
};

// Douglas–Peucker on each stretch of boundary between pinned vertices, once for all the rings that share it, so
// that no removed vertex lies farther than `tolerance` from the result. A vertex is pinned, and stays, when:
// - it lies on `frame` (where bands meet the grid's edge, the copies part ways);
// - its copies disagree about its neighbours (a junction, a pinch where a ring touches itself);
// - its ring has under 12 points;
// - it is the lowest or highest point of a loop that touches nothing (so the loop has ends).
// A chord is refused, and its farthest vertex kept, when another vertex lies in or on the area it would cut off
// (so no boundary crosses or touches another) or when it would double an edge (so no ring collapses). The
// result depends only on the set of rings, not on their order, starting vertices or directions.
ThinningStats thin_shared_boundaries(std::vector<Ring*>& rings, double tolerance, const Bounds& frame);

}  // namespace conflictmap
