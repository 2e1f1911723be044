#include "layers/admin_geometry.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <stdexcept>

#include "io/gdal_drivers.hpp"

namespace conflictmap {

AdminGeometry read_admin_geometry(const std::filesystem::path& admin_package, const std::string& projected_crs,
                                  bool with_areas) {
  AdminGeometry result;
  if (!std::filesystem::exists(admin_package)) return result;
  register_gdal_drivers();
  GDALDatasetUniquePtr dataset(static_cast<GDALDataset*>(
      GDALOpenEx(admin_package.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!dataset) throw std::runtime_error("cannot open " + admin_package.string() + ": " + CPLGetLastErrorMsg());
  OGRSpatialReference target;
  target.SetFromUserInput(projected_crs.c_str());
  target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);

  std::unique_ptr<OGRGeometry> country;
  for (int level = 0; level <= 3; ++level) {
    OGRLayer* layer = dataset->GetLayerByName(("admin" + std::to_string(level)).c_str());
    if (!layer) continue;
    const std::string pcode_field = "adm" + std::to_string(level) + "_pcode";
    const int pcode_index = layer->GetLayerDefn()->GetFieldIndex(pcode_field.c_str());
    const bool outline = !country && (level == 0 || level == 1);
    if (!outline && !with_areas) continue;
    std::unique_ptr<OGRGeometry> merged;
    for (auto& feature : *layer) {
      OGRGeometry* geometry = feature->GetGeometryRef();
      if (!geometry) continue;
      std::unique_ptr<OGRGeometry> projected(geometry->clone());
      projected->assignSpatialReference(layer->GetSpatialRef());
      if (projected->transformTo(&target) != OGRERR_NONE) {
        throw std::runtime_error("cannot project the admin polygons of " + admin_package.string());
      }
      if (with_areas && pcode_index >= 0 && feature->IsFieldSetAndNotNull(pcode_index)) {
        if (auto* surface = dynamic_cast<OGRSurface*>(projected.get())) {
          result.area_m2[feature->GetFieldAsString(pcode_index)] = surface->get_Area();
        } else if (auto* multi = dynamic_cast<OGRMultiSurface*>(projected.get())) {
          result.area_m2[feature->GetFieldAsString(pcode_index)] = multi->get_Area();
        }
      }
      if (outline) merged.reset(merged ? merged->Union(projected.get()) : projected.release());
    }
    if (outline && merged) country = std::move(merged);
  }
  if (country) {
    result.country_wkb.resize(country->WkbSize());
    country->exportToWkb(wkbNDR, result.country_wkb.data(), wkbVariantIso);
  }
  return result;
}

}  // namespace conflictmap
