#pragma once
// Ground from settlements: each point of the map belongs to its nearest settlement (a Voronoi tessellation
// through GEOS) if that settlement is within the influence distance and inside the country. Cells of one
// controller are dissolved into one zone; front lines are the boundaries two different controllers share.
// Settlements of unknown control keep their cells, which stay empty rather than going to a neighbour.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "layers/geos_context.hpp"

namespace conflictmap {

struct ProjectedSettlement {
  double x = 0, y = 0;        // in a projected CRS, metres
  std::uint8_t category = 0;  // 0: unknown
};

struct ControlZone {
  std::uint8_t category = 0;
  GeosGeometry area;             // Polygon or MultiPolygon
  std::vector<std::size_t> settlements;  // indexes into the input
};

struct FrontLine {
  std::uint8_t category_a = 0, category_b = 0;  // a < b
  GeosGeometry line;                            // LineString or MultiLineString
};

struct ControlZones {
  std::vector<ControlZone> zones;  // ordered by category
  std::vector<FrontLine> fronts;   // ordered by (a, b)
};

struct ZoneOptions {
  double influence_m = 15000;        // 0: unlimited
  const GEOSGeometry* country = nullptr;  // in the same CRS; null: no clip
  std::uint8_t contested = 0;             // the category for a spot whose settlements disagree
};

ControlZones control_zones(const GeosContext& context, const std::vector<ProjectedSettlement>& settlements,
                           const ZoneOptions& options);

}  // namespace conflictmap
