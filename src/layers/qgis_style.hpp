#pragma once
// QGIS layer styles (.qml): QGIS applies `name.qml` to `name.tif` or `name.geojson` when it opens them, so
// every layer arrives styled with the project's colours.
#include <string>
#include <vector>

#include "layers/controller_palette.hpp"

namespace conflictmap {

// A Float32 density raster: the density ramp stretched from 0 to `maximum`.
std::string density_raster_style(double maximum, const std::string& unit);
// Isoband polygons, graduated on density_min with the same ramp.
std::string isoband_style(const std::vector<double>& levels, double maximum, const std::string& unit);
// A categorical control raster: one colour and name per controller.
std::string control_raster_style(const ControllerPalette& palette);
// Control-zone polygons, categorised on `controller` (the category code).
std::string control_zone_style(const ControllerPalette& palette);
// Front lines.
std::string front_line_style();

}  // namespace conflictmap
