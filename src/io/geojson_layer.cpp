#include "io/geojson_layer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <stdexcept>

#include "io/gdal_drivers.hpp"

namespace conflictmap {

struct GeoJsonLayer::State {
  std::filesystem::path path;
  GDALDataset* dataset = nullptr;
  OGRLayer* layer = nullptr;
  std::vector<FieldSpec> fields;
  OGRSpatialReference srs;
};

GeoJsonLayer::GeoJsonLayer(const std::filesystem::path& temporary, const std::string& layer_name, const std::string& crs,
                           std::vector<FieldSpec> fields, int decimals)
    : state_(std::make_unique<State>()) {
  register_gdal_drivers();
  state_->path = temporary;
  state_->fields = std::move(fields);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  state_->dataset = driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!state_->dataset) throw std::runtime_error("cannot write " + temporary.string() + ": " + CPLGetLastErrorMsg());
  state_->srs.SetFromUserInput(crs.c_str());
  state_->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const std::string precision = "COORDINATE_PRECISION=" + std::to_string(decimals);
  const char* options[] = {"RFC7946=YES", precision.c_str(), "WRITE_NAME=YES", nullptr};
  state_->layer = state_->dataset->CreateLayer(layer_name.c_str(), &state_->srs, wkbUnknown, const_cast<char**>(options));
  if (!state_->layer) throw std::runtime_error("cannot write " + temporary.string() + ": " + CPLGetLastErrorMsg());
  for (const auto& field : state_->fields) {
    const OGRFieldType type = field.kind == FieldKind::Integer ? OFTInteger64
                              : field.kind == FieldKind::Real  ? OFTReal
                              : field.kind == FieldKind::Text  ? OFTString
                                                               : OFTStringList;
    OGRFieldDefn definition(field.name.c_str(), type);
    state_->layer->CreateField(&definition);
  }
}

GeoJsonLayer::~GeoJsonLayer() {
  if (state_ && state_->dataset) GDALClose(state_->dataset);
}

void GeoJsonLayer::add(const std::vector<unsigned char>& wkb, const std::vector<FieldValue>& values) {
  OGRFeature feature(state_->layer->GetLayerDefn());
  OGRGeometry* geometry = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), &state_->srs, &geometry, wkb.size()) != OGRERR_NONE) {
    throw std::runtime_error("cannot read a geometry for " + state_->path.string());
  }
  feature.SetGeometryDirectly(geometry);
  for (std::size_t i = 0; i < values.size() && i < state_->fields.size(); ++i) {
    const int index = int(i);
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, long long>) {
            feature.SetField(index, static_cast<GIntBig>(value));
          } else if constexpr (std::is_same_v<T, double>) {
            feature.SetField(index, value);
          } else if constexpr (std::is_same_v<T, std::string>) {
            feature.SetField(index, value.c_str());
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            CPLStringList list;
            for (const auto& item : value) list.AddString(item.c_str());
            feature.SetField(index, list.List());
          }
        },
        values[i]);
  }
  if (state_->layer->CreateFeature(&feature) != OGRERR_NONE) {
    throw std::runtime_error("cannot write " + state_->path.string() + ": " + CPLGetLastErrorMsg());
  }
}

void GeoJsonLayer::close() {
  if (state_->dataset) {
    GDALClose(state_->dataset);
    state_->dataset = nullptr;
  }
}

}  // namespace conflictmap
