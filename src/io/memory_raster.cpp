#include "io/memory_raster.hpp"

#include <cpl_conv.h>
#include <ogr_spatialref.h>

#include <stdexcept>

#include "io/gdal_drivers.hpp"

namespace conflictmap {

GDALDatasetUniquePtr memory_raster(const RasterGrid& grid, GDALDataType type, void* values) {
  register_gdal_drivers();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr dataset(driver->Create("", grid.width, grid.height, 0, type, nullptr));
  if (!dataset) throw std::runtime_error(std::string("cannot allocate the raster: ") + CPLGetLastErrorMsg());
  char pointer[64] = {};  // CPLPrintPointer does not end the text: the zeros do
  CPLPrintPointer(pointer, values, sizeof(pointer) - 1);
  const std::string option = std::string("DATAPOINTER=") + pointer;
  const char* options[] = {option.c_str(), nullptr};
  if (dataset->AddBand(type, const_cast<char**>(options)) != CE_None) {
    throw std::runtime_error(std::string("cannot wrap the raster: ") + CPLGetLastErrorMsg());
  }
  double transform[6];
  grid.geotransform(transform);
  dataset->SetGeoTransform(transform);
  dataset->SetProjection(crs_wkt(grid.crs).c_str());
  return dataset;
}

std::string crs_wkt(const std::string& crs) {
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE) throw std::runtime_error("unknown CRS '" + crs + "'");
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string text = wkt ? wkt : "";
  CPLFree(wkt);
  return text;
}

}  // namespace conflictmap
