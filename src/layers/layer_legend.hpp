#pragma once
// What a viewer's legend needs from a layer GeoTIFF: a density layer's maximum and unit, or a control
// layer's categories (value, name, colour) from its colour table and category names.
#include <string>
#include <vector>

namespace conflictmap {

struct LegendCategory {
  int value = 0;
  std::string label;
  std::string colour;  // #rrggbb
};

struct LayerLegend {
  std::string unit;
  double maximum = 0;
  std::string as_of;  // the AS_OF metadata of a control layer
  std::vector<LegendCategory> categories;
};

LayerLegend read_layer_legend(const std::string& path);

// A GeoJSON copy (RFC 7946, 5 decimals, simplified by `tolerance_degrees`) of one layer of a vector source;
// false when the source or layer is missing.
bool export_simplified_geojson(const std::string& source, const std::string& layer, const std::string& target,
                               double tolerance_degrees);

}  // namespace conflictmap
