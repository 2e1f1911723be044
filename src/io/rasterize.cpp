#include "io/rasterize.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <memory>
#include <stdexcept>

#include "io/cloud_optimized_geotiff.hpp"
#include "io/gdal_drivers.hpp"

namespace conflictmap {

std::vector<std::uint8_t> rasterize_categories(const RasterGrid& grid,
                                               const std::vector<std::pair<std::vector<unsigned char>, std::uint8_t>>& polygons,
                                               std::uint8_t background) {
  register_gdal_drivers();
  std::vector<std::uint8_t> cells(std::size_t(grid.cell_count()), background);
  GDALDatasetUniquePtr raster(
      GetGDALDriverManager()->GetDriverByName("MEM")->Create("", grid.width, grid.height, 1, GDT_Byte, nullptr));
  if (!raster) throw std::runtime_error("cannot allocate the control raster");
  double transform[6];
  grid.geotransform(transform);
  raster->SetGeoTransform(transform);
  raster->SetProjection(crs_wkt(grid.crs).c_str());
  raster->GetRasterBand(1)->Fill(background);
  std::vector<std::unique_ptr<OGRGeometry>> owned;
  std::vector<OGRGeometryH> geometries;
  std::vector<double> burn;
  for (const auto& [wkb, value] : polygons) {
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size()) != OGRERR_NONE) {
      throw std::runtime_error("cannot read a zone to rasterize");
    }
    owned.emplace_back(geometry);
    geometries.push_back(OGRGeometry::ToHandle(geometry));
    burn.push_back(value);
  }
  int band = 1;
  if (!geometries.empty() &&
      GDALRasterizeGeometries(raster.get(), 1, &band, int(geometries.size()), geometries.data(), nullptr, nullptr,
                              burn.data(), nullptr, nullptr, nullptr) != CE_None) {
    throw std::runtime_error(std::string("GDAL could not rasterize the zones: ") + CPLGetLastErrorMsg());
  }
  if (raster->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.width, grid.height, cells.data(), grid.width, grid.height,
                                         GDT_Byte, 0, 0, nullptr) != CE_None) {
    throw std::runtime_error("cannot read the rasterized zones");
  }
  return cells;
}

}  // namespace conflictmap
