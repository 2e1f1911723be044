#pragma once
// Bringing a vector layer's geometries to WGS84 longitude/latitude, whatever CRS the source uses.
#include <memory>

class OGRCoordinateTransformation;
class OGRSpatialReference;

namespace conflictmap {

// Null when `source` is null (no CRS known) or already WGS84 with longitude first.
std::unique_ptr<OGRCoordinateTransformation> transform_to_wgs84(const OGRSpatialReference* source);

}  // namespace conflictmap
