#include "io/wgs84_transform.hpp"

#include <ogr_spatialref.h>

namespace conflictmap {

std::unique_ptr<OGRCoordinateTransformation> transform_to_wgs84(const OGRSpatialReference* source) {
  if (!source) return nullptr;
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (source->IsSame(&wgs84)) return nullptr;
  return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(source, &wgs84));
}

}  // namespace conflictmap
