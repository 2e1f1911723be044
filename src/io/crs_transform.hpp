#pragma once
// Coordinates between WGS84 longitude/latitude and a layer's projected CRS, through PROJ (via OGR).
#include <memory>
#include <string>
#include <utility>
#include <vector>

class OGRCoordinateTransformation;

namespace conflictmap {

class CrsTransform {
 public:
  explicit CrsTransform(const std::string& projected_crs);  // "EPSG:32637", WKT, …
  ~CrsTransform();
  CrsTransform(const CrsTransform&) = delete;
  CrsTransform& operator=(const CrsTransform&) = delete;
  std::pair<double, double> forward(double lon, double lat) const;  // → x, y
  std::pair<double, double> inverse(double x, double y) const;      // → lon, lat
  // Many points at once (one PROJ call): lon/lat in, x/y out, in place.
  void forward_in_place(std::vector<double>& x, std::vector<double>& y) const;

 private:
  std::unique_ptr<OGRCoordinateTransformation> forward_, inverse_;
};

}  // namespace conflictmap
