#pragma once
// A GeoJSON file of features (RFC 7946: reprojected to WGS84, right-hand winding, 7 decimals unless fewer are
// asked for) through GDAL, from geometries in a projected CRS given as WKB.
#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace conflictmap {

enum class FieldKind { Integer, Real, Text, TextList };

struct FieldSpec {
  std::string name;
  FieldKind kind;
};

using FieldValue = std::variant<std::monostate, long long, double, std::string, std::vector<std::string>>;

class GeoJsonLayer {
 public:
  GeoJsonLayer(const std::filesystem::path& temporary, const std::string& layer_name, const std::string& crs,
               std::vector<FieldSpec> fields, int decimals = 7);
  ~GeoJsonLayer();
  GeoJsonLayer(const GeoJsonLayer&) = delete;
  GeoJsonLayer& operator=(const GeoJsonLayer&) = delete;
  // `values` follow the field order.
  void add(const std::vector<unsigned char>& wkb, const std::vector<FieldValue>& values);
  void close();  // flushes; required before the file is used

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace conflictmap
