#include "layers/rasterize.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_geometry.h>

#include <memory>
#include <stdexcept>

#include "io/memory_raster.hpp"

namespace conflictmap {

std::vector<std::uint8_t> rasterize_categories(const RasterGrid& grid,
                                               const std::vector<std::pair<std::vector<unsigned char>, std::uint8_t>>& polygons,
                                               std::uint8_t background) {
  std::vector<std::uint8_t> cells(std::size_t(grid.cell_count()), background);
  GDALDatasetUniquePtr raster = memory_raster(grid, GDT_Byte, cells.data());  // burned in place
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
  raster->FlushCache();
  raster.reset();
  return cells;
}

}  // namespace conflictmap
