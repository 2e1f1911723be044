#pragma once
// A baseline for control layers: who held what at a start date. Either points, a CSV with a controller per
// place (columns controller, and place_id or latitude/longitude; optional name and date), or polygons, any
// OGR polygon source with a `controller` field, which the command turns into the settlements they cover.
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/geo.hpp"

namespace conflictmap {

struct BaselinePlace {
  long line = 0;
  std::string place_id;  // may be empty
  std::string name;
  std::optional<LatLon> point;  // empty when only a place_id is given
  std::string controller;
  std::optional<CivilDate> date;
};

struct BaselinePolygon {
  long feature = 0;
  std::vector<unsigned char> wkb;  // WGS84 longitude/latitude
  std::string controller;
  std::optional<CivilDate> date;
};

struct ControlBaseline {
  std::string source;
  std::vector<BaselinePlace> places;
  std::vector<BaselinePolygon> polygons;
};

// Errors name the file, line and field.
ControlBaseline read_control_baseline(const std::string& source);

}  // namespace conflictmap
