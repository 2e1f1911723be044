#include "resolve/place_proximity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/plane_rtree.hpp"

namespace conflictmap {

using TreeValue = std::pair<PlanePoint, std::size_t>;  // (lon, lat)

struct PlaceProximity::Tree {
  bgi::rtree<TreeValue, bgi::rstar<16>> rtree;
};

PlaceProximity::PlaceProximity(const Gazetteer& gazetteer) : tree_(std::make_unique<Tree>()), gazetteer_(gazetteer) {
  std::vector<TreeValue> values;
  values.reserve(gazetteer.size());
  for (std::size_t i = 0; i < gazetteer.size(); ++i) {
    values.emplace_back(PlanePoint(gazetteer.at(i).lon, gazetteer.at(i).lat), i);
  }
  tree_->rtree = bgi::rtree<TreeValue, bgi::rstar<16>>(values.begin(), values.end());  // packed bulk load
}

PlaceProximity::~PlaceProximity() = default;

std::vector<std::size_t> PlaceProximity::within(LatLon point, double radius_km) const {
  const double dlat = radius_km / 110.57;
  const double dlon = radius_km / (111.32 * std::max(0.01, std::cos(point.lat * M_PI / 180.0)));
  const PlaneBox box(PlanePoint(point.lon - dlon, point.lat - dlat), PlanePoint(point.lon + dlon, point.lat + dlat));
  std::vector<std::pair<double, std::size_t>> found;
  for (auto it = tree_->rtree.qbegin(bgi::intersects(box)); it != tree_->rtree.qend(); ++it) {
    const auto& place = gazetteer_.at(it->second);
    const double km = distance_km(point, {place.lat, place.lon});
    if (km <= radius_km) found.emplace_back(km, it->second);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::size_t> out;
  for (const auto& f : found) out.push_back(f.second);
  return out;
}

double PlaceProximity::nearest_km(LatLon point, const std::vector<LatLon>& points) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& p : points) best = std::min(best, distance_km(point, p));
  return best;
}

}  // namespace conflictmap
