#include "core/geo.hpp"

#include <cmath>
#include <numbers>

namespace conflictmap {

namespace {
constexpr double kEarthRadiusKm = 6371.0088;
constexpr double kDegToRad = std::numbers::pi / 180.0;
}  // namespace

double distance_km(LatLon a, LatLon b) {
  const double dlat = (b.lat - a.lat) * kDegToRad;
  const double dlon = (b.lon - a.lon) * kDegToRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kDegToRad) * std::cos(b.lat * kDegToRad) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

double bearing_deg(LatLon from, LatLon to) {
  const double phi1 = from.lat * kDegToRad;
  const double phi2 = to.lat * kDegToRad;
  const double dlon = (to.lon - from.lon) * kDegToRad;
  const double y = std::sin(dlon) * std::cos(phi2);
  const double x = std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dlon);
  const double deg = std::atan2(y, x) / kDegToRad;
  return std::fmod(deg + 360.0, 360.0);
}

LatLon destination(LatLon from, double bearing, double km) {
  const double delta = km / kEarthRadiusKm;
  const double theta = bearing * kDegToRad;
  const double phi1 = from.lat * kDegToRad;
  const double lambda1 = from.lon * kDegToRad;
  const double phi2 = std::asin(std::sin(phi1) * std::cos(delta) +
                                std::cos(phi1) * std::sin(delta) * std::cos(theta));
  const double lambda2 = lambda1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                                              std::cos(delta) - std::sin(phi1) * std::sin(phi2));
  return {phi2 / kDegToRad, lambda2 / kDegToRad};
}

double bearing_difference_deg(double a, double b) {
  const double d = std::fmod(std::fabs(a - b), 360.0);
  return d > 180.0 ? 360.0 - d : d;
}

}  // namespace conflictmap
