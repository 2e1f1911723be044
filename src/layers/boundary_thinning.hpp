#pragma once
// Thinning the rings of a polygon coverage (isobands) without opening gaps or overlaps between its polygons.
//
// A boundary between two bands is traced once but stored twice, once in each band's rings, often from another
// starting vertex and in the other direction. Simplifying each ring on its own (Douglas–Peucker) moves the two
// copies differently and leaves slivers. Here every decision is taken once per vertex, from the vertex and its
// neighbours along the boundary, so both copies lose the same vertices.
#include <vector>

#include "layers/raster_grid.hpp"

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

// Removes vertices that lie within `tolerance` of the segment joining their neighbours, in up to `passes`
// rounds of `tolerance / passes` each, so that no removed vertex ends farther than `tolerance` from the
// result. A vertex stays when:
// - it lies on `frame` (where bands meet the grid's edge, the copies part ways);
// - its copies disagree about its neighbours (a junction, a pinch where a ring touches itself);
// - another vertex lies in or on the triangle it would cut off, so no boundary is crossed or touched;
// - a ring through it would fall below 6 points, or a neighbour already moved in the same round.
// The result depends only on the set of rings, not on their order, starting vertices or directions.
ThinningStats thin_shared_boundaries(std::vector<Ring*>& rings, double tolerance, const Bounds& frame,
                                     int passes = 3);

}  // namespace conflictmap
