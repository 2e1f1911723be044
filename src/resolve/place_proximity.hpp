#pragma once
// Which places lie near a point: a Boost.Geometry rtree over the gazetteer's points.
#include <memory>
#include <vector>

#include "core/geo.hpp"
#include "gazetteer/gazetteer.hpp"

namespace conflictmap {

class PlaceProximity {
 public:
  explicit PlaceProximity(const Gazetteer& gazetteer);
  ~PlaceProximity();
  // Indexes of places within radius_km of the point, nearest first.
  std::vector<std::size_t> within(LatLon point, double radius_km) const;
  // Distance from the point to the nearest of `points`, in km (infinity when empty).
  static double nearest_km(LatLon point, const std::vector<LatLon>& points);

 private:
  struct Tree;
  std::unique_ptr<Tree> tree_;
  const Gazetteer& gazetteer_;
};

}  // namespace conflictmap
