#pragma once
// The Boost.Geometry types every spatial index here uses: points and boxes in a plane (projected metres, or
// longitude/latitude over distances small enough to treat as flat), and the namespaces' short names.
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

namespace conflictmap {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using PlanePoint = bg::model::point<double, 2, bg::cs::cartesian>;
using PlaneBox = bg::model::box<PlanePoint>;

}  // namespace conflictmap
