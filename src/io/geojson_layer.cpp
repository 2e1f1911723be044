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
  std::unique_ptr<OGRCoordinateTransformation> to_wgs84;
};

namespace {

// RFC 7946's right-hand rule: exterior rings counterclockwise, holes clockwise.
void orient_rings(OGRGeometry* geometry) {
  const auto type = wkbFlatten(geometry->getGeometryType());
  if (type == wkbPolygon) {
    OGRPolygon* polygon = geometry->toPolygon();
    if (OGRLinearRing* exterior = polygon->getExteriorRing(); exterior && exterior->isClockwise()) {
      exterior->reverseWindingOrder();
    }
    for (int i = 0; i < polygon->getNumInteriorRings(); ++i) {
      OGRLinearRing* hole = polygon->getInteriorRing(i);
      if (!hole->isClockwise()) hole->reverseWindingOrder();
    }
  } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
    for (OGRGeometry* part : *geometry->toGeometryCollection()) orient_rings(part);
  }
}

}  // namespace

GeoJsonLayer::GeoJsonLayer(const std::filesystem::path& temporary, const std::string& layer_name, const std::string& crs,
                           std::vector<FieldSpec> fields)
    : state_(std::make_unique<State>()) {
  register_gdal_drivers();
  state_->path = temporary;
  state_->fields = std::move(fields);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
  state_->dataset = driver->Create(temporary.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!state_->dataset) throw std::runtime_error("cannot write " + temporary.string() + ": " + CPLGetLastErrorMsg());
  state_->srs.SetFromUserInput(crs.c_str());
  state_->srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRSpatialReference wgs84;  // the transformation keeps its own copy
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  state_->to_wgs84.reset(OGRCreateCoordinateTransformation(&state_->srs, &wgs84));
  if (!state_->to_wgs84) throw std::runtime_error("cannot reproject " + crs + " to WGS84 for " + temporary.string());
  // RFC 7946's rules are applied in add() rather than by the driver's RFC7946 option: that option formats each
  // coordinate through a string stream, which took twice as long as significant figures on large polygons.
  const char* options[] = {"SIGNIFICANT_FIGURES=9", "WRITE_NAME=YES", nullptr};
  // no SRS for the layer: the coordinates are already WGS84, and the driver then writes no "crs" member
  state_->layer = state_->dataset->CreateLayer(layer_name.c_str(), nullptr, wkbUnknown, const_cast<char**>(options));
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
  OGRGeometry* read = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), &state_->srs, &read, wkb.size()) != OGRERR_NONE) {
    throw std::runtime_error("cannot read a geometry for " + state_->path.string());
  }
  const std::unique_ptr<OGRGeometry> geometry(read);
  // cut where a geometry crosses the antimeridian, as RFC 7946 asks
  const char* wrap[] = {"WRAPDATELINE=YES", nullptr};
  OGRGeometry* lonlat =
      OGRGeometryFactory::transformWithOptions(geometry.get(), state_->to_wgs84.get(), const_cast<char**>(wrap));
  if (!lonlat) throw std::runtime_error("cannot reproject a geometry to WGS84 for " + state_->path.string());
  orient_rings(lonlat);
  feature.SetGeometryDirectly(lonlat);
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
