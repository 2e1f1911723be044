#pragma once
// Great-circle helpers on the WGS84 sphere approximation; metres-level accuracy is all the resolver needs.

namespace conflictmap {

struct LatLon {
  double lat = 0.0;
  double lon = 0.0;
};

double distance_km(LatLon a, LatLon b);
// Initial bearing from a to b in degrees clockwise from north, in [0, 360).
double bearing_deg(LatLon from, LatLon to);
// The point reached from `from` after `km` along `bearing_deg`.
LatLon destination(LatLon from, double bearing_deg, double km);
// Smallest absolute difference between two bearings, in [0, 180].
double bearing_difference_deg(double a, double b);

}  // namespace conflictmap
