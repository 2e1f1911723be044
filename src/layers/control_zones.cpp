#include "layers/control_zones.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "core/plane_rtree.hpp"

namespace conflictmap {

namespace {

// Settlements at one spot (to the metre) are one site: Voronoi cells need distinct points. A site whose
// settlements disagree is contested; one known controller beats unknown.
struct Site {
  double x = 0, y = 0;
  std::uint8_t category = 0;
  std::vector<std::size_t> members;
};

std::vector<Site> sites_of(const std::vector<ProjectedSettlement>& settlements, std::uint8_t contested) {
  std::map<std::pair<long long, long long>, std::size_t> index;
  std::vector<Site> sites;
  for (std::size_t i = 0; i < settlements.size(); ++i) {
    const auto& s = settlements[i];
    const std::pair<long long, long long> key{std::llround(s.x), std::llround(s.y)};
    auto [it, added] = index.emplace(key, sites.size());
    if (added) {
      sites.push_back({s.x, s.y, s.category, {i}});
      continue;
    }
    Site& site = sites[it->second];
    site.members.push_back(i);
    if (site.category == 0) site.category = s.category;
    else if (s.category != 0 && s.category != site.category) site.category = contested;
  }
  return sites;
}

GeosGeometry collection_of(const GeosContext& context, std::vector<GEOSGeometry*> parts, int type) {
  return own(context, GEOSGeom_createCollection_r(context.handle(), type, parts.data(), unsigned(parts.size())),
             "a collection");
}

// Only the lines of an intersection's result (shared edges can also touch at single points).
GeosGeometry linear_part(const GeosContext& context, const GEOSGeometry* geometry) {
  const auto h = context.handle();
  std::vector<GEOSGeometry*> lines;
  const int n = GEOSGetNumGeometries_r(h, geometry);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h, geometry, i);
    const int type = GEOSGeomTypeId_r(h, part);
    if (type == GEOS_LINESTRING) {
      lines.push_back(GEOSGeom_clone_r(h, part));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
      auto inner = linear_part(context, part);
      const int m = GEOSGetNumGeometries_r(h, inner.get());
      for (int j = 0; j < m; ++j) lines.push_back(GEOSGeom_clone_r(h, GEOSGetGeometryN_r(h, inner.get(), j)));
    }
  }
  if (lines.empty()) return GeosGeometry(nullptr, GeosDeleter{h});
  auto multi = collection_of(context, std::move(lines), GEOS_MULTILINESTRING);
  return own(context, GEOSLineMerge_r(h, multi.get()), "merged front lines");
}

GeosGeometry point_at(const GeosContext& context, double x, double y) {
  return own(context, GEOSGeom_createPointFromXY_r(context.handle(), x, y), "a point");
}

bool is_empty(const GeosContext& context, const GEOSGeometry* geometry) {
  return !geometry || GEOSisEmpty_r(context.handle(), geometry) == 1;
}

GeosGeometry intersection(const GeosContext& context, const GEOSGeometry* a, const GEOSGeometry* b) {
  return own(context, GEOSIntersection_r(context.handle(), a, b), "an intersection");
}

GeosGeometry difference(const GeosContext& context, const GEOSGeometry* a, const GEOSGeometry* b) {
  return own(context, GEOSDifference_r(context.handle(), a, b), "a difference");
}

// How far the farthest corner of a convex cell lies from its site.
double farthest_vertex(const GeosContext& context, const GEOSGeometry* cell, double x, double y) {
  const auto h = context.handle();
  const GEOSGeometry* ring = GEOSGetExteriorRing_r(h, cell);
  const GEOSCoordSequence* coordinates = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned int size = 0;
  GEOSCoordSeq_getSize_r(h, coordinates, &size);
  double farthest = 0;
  for (unsigned int i = 0; i < size; ++i) {
    double cx = 0, cy = 0;
    GEOSCoordSeq_getXY_r(h, coordinates, i, &cx, &cy);
    farthest = std::max(farthest, std::hypot(cx - x, cy - y));
  }
  return farthest;
}

// Overlays of many cells leave zero-width spikes and stray lines where edges met at slightly different
// points; an opening by half a metre (shrink, then grow back, with mitred corners so no vertices are added)
// removes them and nothing a map could show, and leaves only polygons.
GeosGeometry without_slivers(const GeosContext& context, const GEOSGeometry* area) {
  const auto h = context.handle();
  constexpr double kHalfMetre = 0.5;
  auto shrunk = own(context, GEOSBufferWithStyle_r(h, area, -kHalfMetre, 1, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 2.0),
                    "a shrunk zone");
  return own(context, GEOSBufferWithStyle_r(h, shrunk.get(), kHalfMetre, 1, GEOSBUF_CAP_FLAT, GEOSBUF_JOIN_MITRE, 2.0),
             "a cleaned zone");
}

using SiteIndex = bgi::rtree<std::pair<PlanePoint, std::size_t>, bgi::quadratic<16>>;

// The parts of front lines both sides reach. Every segment lies on the bisector of two sites, so it is in
// reach exactly where it is within the distance of its nearest site: each segment is clipped against that
// circle analytically, which stays exact where a polygon overlay would wobble along the shared edge.
GeosGeometry within_reach(const GeosContext& context, const GEOSGeometry* lines, const std::vector<Site>& sites,
                          const SiteIndex& index, double reach) {
  const auto h = context.handle();
  std::vector<GEOSGeometry*> pieces;
  const int n = GEOSGetNumGeometries_r(h, lines);
  for (int g = 0; g < n; ++g) {
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(h, GEOSGetGeometryN_r(h, lines, g));
    unsigned int size = 0;
    GEOSCoordSeq_getSize_r(h, sequence, &size);
    for (unsigned int k = 0; k + 1 < size; ++k) {
      double px, py, qx, qy;
      GEOSCoordSeq_getXY_r(h, sequence, k, &px, &py);
      GEOSCoordSeq_getXY_r(h, sequence, k + 1, &qx, &qy);
      std::vector<std::pair<PlanePoint, std::size_t>> nearest;
      index.query(bgi::nearest(PlanePoint((px + qx) / 2, (py + qy) / 2), 1), std::back_inserter(nearest));
      const Site& site = sites[nearest.front().second];
      // |p + t(q − p) − c|² = r²  →  a t² + 2 b t + c0 = 0
      const double dx = qx - px, dy = qy - py, ex = px - site.x, ey = py - site.y;
      const double a = dx * dx + dy * dy, b = dx * ex + dy * ey, c0 = ex * ex + ey * ey - reach * reach;
      const double discriminant = b * b - a * c0;
      if (a == 0 || discriminant <= 0) continue;
      const double root = std::sqrt(discriminant);
      const double t0 = std::max(0.0, (-b - root) / a), t1 = std::min(1.0, (-b + root) / a);
      if (t1 <= t0) continue;
      GEOSCoordSequence* piece = GEOSCoordSeq_create_r(h, 2, 2);
      GEOSCoordSeq_setXY_r(h, piece, 0, px + t0 * dx, py + t0 * dy);
      GEOSCoordSeq_setXY_r(h, piece, 1, px + t1 * dx, py + t1 * dy);
      pieces.push_back(GEOSGeom_createLineString_r(h, piece));
    }
  }
  auto multi = collection_of(context, std::move(pieces), GEOS_MULTILINESTRING);
  return own(context, GEOSLineMerge_r(h, multi.get()), "merged front lines");
}

// The cell of each site, by site index.
std::vector<GeosGeometry> voronoi_cells(const GeosContext& context, const std::vector<Site>& sites, const PlaneBox& frame) {
  const auto h = context.handle();
  auto envelope = own(context, GEOSGeom_createRectangle_r(h, frame.min_corner().get<0>(), frame.min_corner().get<1>(),
                                                         frame.max_corner().get<0>(), frame.max_corner().get<1>()),
                      "the frame");
  std::vector<GeosGeometry> cells(sites.size());
  if (sites.size() == 1) {
    cells[0] = std::move(envelope);
    return cells;
  }
  std::vector<GEOSGeometry*> points;
  for (const auto& site : sites) points.push_back(GEOSGeom_createPointFromXY_r(h, site.x, site.y));
  auto multipoint = collection_of(context, std::move(points), GEOS_MULTIPOINT);
  auto diagram = own(context, GEOSVoronoiDiagram_r(h, multipoint.get(), envelope.get(), 0.0, 0), "the Voronoi diagram");

  SiteIndex index;
  for (std::size_t i = 0; i < sites.size(); ++i) index.insert({PlanePoint(sites[i].x, sites[i].y), i});
  const int n = GEOSGetNumGeometries_r(h, diagram.get());
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), i);
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(h, cell, &x0);
    GEOSGeom_getYMin_r(h, cell, &y0);
    GEOSGeom_getXMax_r(h, cell, &x1);
    GEOSGeom_getYMax_r(h, cell, &y1);
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, cell);
    for (auto it = index.qbegin(bgi::intersects(PlaneBox(PlanePoint(x0, y0), PlanePoint(x1, y1)))); it != index.qend(); ++it) {
      const std::size_t site = it->second;
      if (cells[site]) continue;
      auto point = point_at(context, sites[site].x, sites[site].y);
      if (GEOSPreparedIntersects_r(h, prepared, point.get()) == 1) {
        cells[site] = own(context, GEOSGeom_clone_r(h, cell), "a cell");
        break;
      }
    }
    GEOSPreparedGeom_destroy_r(h, prepared);
  }
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (!cells[i]) throw std::runtime_error("the Voronoi diagram lost a settlement's cell");
  }
  return cells;
}

}  // namespace

ControlZones control_zones(const GeosContext& context, const std::vector<ProjectedSettlement>& settlements,
                           const ZoneOptions& options) {
  const auto h = context.handle();
  ControlZones result;
  const std::vector<Site> sites = sites_of(settlements, options.contested);
  if (sites.empty()) return result;

  PlaneBox frame(PlanePoint(sites[0].x, sites[0].y), PlanePoint(sites[0].x, sites[0].y));
  for (const auto& site : sites) bg::expand(frame, PlanePoint(site.x, site.y));
  if (options.country) {
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(h, options.country, &x0);
    GEOSGeom_getYMin_r(h, options.country, &y0);
    GEOSGeom_getXMax_r(h, options.country, &x1);
    GEOSGeom_getYMax_r(h, options.country, &y1);
    bg::expand(frame, PlanePoint(x0, y0));
    bg::expand(frame, PlanePoint(x1, y1));
  }
  const double margin = std::max(options.influence_m, 1000.0) + 1000.0;
  frame = PlaneBox(PlanePoint(frame.min_corner().get<0>() - margin, frame.min_corner().get<1>() - margin),
                   PlanePoint(frame.max_corner().get<0>() + margin, frame.max_corner().get<1>() + margin));
  std::vector<GeosGeometry> cells = voronoi_cells(context, sites, frame);
  SiteIndex site_index;
  for (std::size_t i = 0; i < sites.size(); ++i) site_index.insert({PlanePoint(sites[i].x, sites[i].y), i});

  // Per category: the dissolved cells (exact, as Voronoi cells tile the plane), less what lies beyond the
  // influence distance. Only cells that reach past their settlement's disc lose anything, and those are few
  // (sparse country), so the parts beyond are cut from those cells alone instead of unioning every disc.
  std::map<std::uint8_t, std::vector<std::size_t>> sites_by_category;
  for (std::size_t i = 0; i < sites.size(); ++i) {
    if (sites[i].category != 0) sites_by_category[sites[i].category].push_back(i);
  }
  struct Dissolved {
    GeosGeometry cells, beyond;  // beyond: null when nothing is out of reach
  };
  std::map<std::uint8_t, Dissolved> dissolved;
  for (const auto& [category, members] : sites_by_category) {
    std::vector<GEOSGeometry*> parts, beyond_parts;
    for (std::size_t i : members) {
      parts.push_back(GEOSGeom_clone_r(h, cells[i].get()));
      if (options.influence_m > 0 && farthest_vertex(context, cells[i].get(), sites[i].x, sites[i].y) > options.influence_m) {
        auto centre = point_at(context, sites[i].x, sites[i].y);
        auto disc = own(context, GEOSBuffer_r(h, centre.get(), options.influence_m, 16), "a settlement's reach");
        GEOSGeometry* beyond = GEOSDifference_r(h, cells[i].get(), disc.get());
        if (beyond && !GEOSisEmpty_r(h, beyond)) beyond_parts.push_back(beyond);
        else if (beyond) GEOSGeom_destroy_r(h, beyond);
      }
    }
    auto collection = collection_of(context, std::move(parts), GEOS_GEOMETRYCOLLECTION);
    GEOSGeometry* merged = GEOSCoverageUnion_r(h, collection.get());
    if (!merged) merged = GEOSUnaryUnion_r(h, collection.get());
    Dissolved d{own(context, merged, "a dissolved zone"), GeosGeometry(nullptr, GeosDeleter{h})};
    if (!beyond_parts.empty()) {
      auto pieces = collection_of(context, std::move(beyond_parts), GEOS_GEOMETRYCOLLECTION);
      d.beyond = own(context, GEOSUnaryUnion_r(h, pieces.get()), "the ground out of reach");
    }
    dissolved.emplace(category, std::move(d));
  }

  for (auto& [category, d] : dissolved) {
    GeosGeometry area = own(context, GEOSGeom_clone_r(h, d.cells.get()), "a zone");
    if (d.beyond) area = difference(context, area.get(), d.beyond.get());
    if (options.country) area = intersection(context, area.get(), options.country);
    area = without_slivers(context, area.get());
    if (is_empty(context, area.get())) continue;
    ControlZone zone;
    zone.category = category;
    zone.area = std::move(area);
    for (std::size_t i : sites_by_category[category]) {
      for (std::size_t member : sites[i].members) zone.settlements.push_back(member);
    }
    std::sort(zone.settlements.begin(), zone.settlements.end());
    result.zones.push_back(std::move(zone));
  }

  for (auto a = dissolved.begin(); a != dissolved.end(); ++a) {
    for (auto b = std::next(a); b != dissolved.end(); ++b) {
      auto shared = intersection(context, a->second.cells.get(), b->second.cells.get());
      auto lines = linear_part(context, shared.get());
      if (is_empty(context, lines.get())) continue;
      if (options.influence_m > 0) lines = within_reach(context, lines.get(), sites, site_index, options.influence_m);
      if (options.country) lines = intersection(context, lines.get(), options.country);
      lines = linear_part(context, lines.get());
      if (is_empty(context, lines.get())) continue;
      result.fronts.push_back({a->first, b->first, std::move(lines)});
    }
  }
  return result;
}

}  // namespace conflictmap
