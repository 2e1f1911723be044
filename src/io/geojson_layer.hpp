#pragma once
// A GeoJSON file of features following RFC 7946 (longitude/latitude on WGS84, cut at the antimeridian, exterior
// rings counterclockwise, no "crs" member) written through GDAL, from geometries in a projected CRS given as WKB.
// Coordinates carry 9 significant figures: 7 decimals (about a centimetre) up to 99°, 6 beyond.
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
               std::vector<FieldSpec> fields);
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
