#pragma once
// What layers need from a gazetteer's admin.gpkg: the country's outline and the area of every admin unit,
// both in the layer's projected CRS.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace conflictmap {

struct AdminGeometry {
  std::vector<unsigned char> country_wkb;  // WKB in the projected CRS; empty when the gazetteer has no polygons
  std::map<std::string, double> area_m2;   // by P-code, for every admin level present
};

// Reads layers admin0…admin3 (the country is admin0, or the union of admin1 where admin0 is missing); the
// areas only `with_areas`, since projecting every unit costs more than the outline. A missing file gives an
// empty result: a user's own gazetteer may come without polygons.
AdminGeometry read_admin_geometry(const std::filesystem::path& admin_package, const std::string& projected_crs,
                                  bool with_areas = true);

}  // namespace conflictmap
