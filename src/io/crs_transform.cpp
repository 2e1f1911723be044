#include "io/crs_transform.hpp"

#include <ogr_spatialref.h>

#include <stdexcept>

#include "core/parallel.hpp"

namespace conflictmap {

CrsTransform::CrsTransform(const std::string& projected_crs) {
  OGRSpatialReference wgs84, target;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (target.SetFromUserInput(projected_crs.c_str()) != OGRERR_NONE) {
    throw std::runtime_error("unknown CRS '" + projected_crs + "'");
  }
  if (!target.IsProjected()) throw std::runtime_error("the CRS '" + projected_crs + "' is not projected (metres are needed)");
  target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  forward_.reset(OGRCreateCoordinateTransformation(&wgs84, &target));
  inverse_.reset(OGRCreateCoordinateTransformation(&target, &wgs84));
  if (!forward_ || !inverse_) throw std::runtime_error("PROJ cannot transform WGS84 to " + projected_crs);
}

CrsTransform::~CrsTransform() = default;

std::pair<double, double> CrsTransform::forward(double lon, double lat) const {
  double x = lon, y = lat;
  if (!forward_->Transform(1, &x, &y)) throw std::runtime_error("cannot project a point");
  return {x, y};
}

void CrsTransform::forward_in_place(std::vector<double>& x, std::vector<double>& y) const {
  if (x.empty()) return;
  // A large batch is split in two: the second half goes to a thread with its own copy of the transformation,
  // made in that thread, since a PROJ object must not be used by two threads at once.
  constexpr std::size_t kWorthSplitting = 20000;
  const std::size_t half = x.size() >= kWorthSplitting ? x.size() / 2 : x.size();
  run_on_threads(half < x.size() ? 2 : 1, [&](unsigned worker) {
    std::unique_ptr<OGRCoordinateTransformation> copy(worker == 0 ? nullptr : forward_->Clone());
    OGRCoordinateTransformation* transform = worker == 0 ? forward_.get() : copy.get();
    const std::size_t begin = worker == 0 ? 0 : half, count = worker == 0 ? half : x.size() - half;
    if (!transform || !transform->Transform(count, x.data() + begin, y.data() + begin)) {
      throw std::runtime_error("cannot project the points");
    }
  });
}

std::pair<double, double> CrsTransform::inverse(double x, double y) const {
  double lon = x, lat = y;
  if (!inverse_->Transform(1, &lon, &lat)) throw std::runtime_error("cannot unproject a point");
  return {lon, lat};
}

}  // namespace conflictmap
