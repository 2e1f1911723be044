#pragma once
// A field of an OGR feature as text, with dates as ISO 8601 (YYYY-MM-DD): drivers that type their date
// columns (GeoJSON, GeoPackage, PostGIS) would otherwise give "2017/03/01".
#include <string>

class OGRFeature;

namespace conflictmap {

// Empty when the field is missing, unset or null.
std::string ogr_field_text(OGRFeature& feature, int index);

}  // namespace conflictmap
