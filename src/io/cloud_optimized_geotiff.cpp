#include "io/cloud_optimized_geotiff.hpp"

#include <gdal_priv.h>
#include <gdal_rat.h>
#include <ogr_spatialref.h>

#include <memory>
#include <stdexcept>

namespace conflictmap {

namespace {


GDALDatasetUniquePtr in_memory(const RasterGrid& grid, GDALDataType type) {
  GDALAllRegister();
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr dataset(driver->Create("", grid.width, grid.height, 1, type, nullptr));
  if (!dataset) throw std::runtime_error(std::string("cannot allocate the raster: ") + CPLGetLastErrorMsg());
  double transform[6];
  grid.geotransform(transform);
  dataset->SetGeoTransform(transform);
  dataset->SetProjection(crs_wkt(grid.crs).c_str());
  return dataset;
}

void set_metadata(GDALDataset& dataset, const RasterMetadata& metadata) {
  for (const auto& [key, value] : metadata) dataset.SetMetadataItem(key.c_str(), value.c_str());
}

void write_as_cog(GDALDataset& source, const std::filesystem::path& temporary, const char* resampling) {
  GDALDriver* cog = GetGDALDriverManager()->GetDriverByName("COG");
  if (!cog) throw std::runtime_error("GDAL has no COG driver");
  // 256-pixel blocks so that even a small layer gets overviews.
  const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=YES", "BLOCKSIZE=256", "OVERVIEWS=IGNORE_EXISTING",
                           "NUM_THREADS=ALL_CPUS", resampling, nullptr};
  GDALDatasetUniquePtr written(cog->CreateCopy(temporary.c_str(), &source, FALSE, const_cast<char**>(options), nullptr, nullptr));
  if (!written) throw std::runtime_error("cannot write " + temporary.string() + ": " + CPLGetLastErrorMsg());
}

}  // namespace

std::string crs_wkt(const std::string& crs) {
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE) throw std::runtime_error("unknown CRS '" + crs + "'");
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string text = wkt ? wkt : "";
  CPLFree(wkt);
  return text;
}

void write_float_cog(const std::filesystem::path& temporary, const RasterGrid& grid, const std::vector<float>& values,
                     double nodata, const std::string& unit, const RasterMetadata& metadata) {
  auto dataset = in_memory(grid, GDT_Float32);
  GDALRasterBand* band = dataset->GetRasterBand(1);
  if (band->RasterIO(GF_Write, 0, 0, grid.width, grid.height, const_cast<float*>(values.data()), grid.width,
                     grid.height, GDT_Float32, 0, 0, nullptr) != CE_None) {
    throw std::runtime_error(std::string("cannot fill the raster: ") + CPLGetLastErrorMsg());
  }
  band->SetNoDataValue(nodata);
  band->SetUnitType(unit.c_str());
  set_metadata(*dataset, metadata);
  write_as_cog(*dataset, temporary, "RESAMPLING=AVERAGE");
}

std::filesystem::path write_category_cog(const std::filesystem::path& temporary, const RasterGrid& grid,
                                         const std::vector<std::uint8_t>& values, std::uint8_t nodata,
                                         const std::vector<RasterCategory>& categories, const RasterMetadata& metadata) {
  auto dataset = in_memory(grid, GDT_Byte);
  GDALRasterBand* band = dataset->GetRasterBand(1);
  if (band->RasterIO(GF_Write, 0, 0, grid.width, grid.height, const_cast<std::uint8_t*>(values.data()), grid.width,
                     grid.height, GDT_Byte, 0, 0, nullptr) != CE_None) {
    throw std::runtime_error(std::string("cannot fill the raster: ") + CPLGetLastErrorMsg());
  }
  band->SetNoDataValue(nodata);
  int top = nodata;
  for (const auto& category : categories) top = std::max<int>(top, category.value);
  GDALColorTable colours;
  std::vector<std::string> names(std::size_t(top) + 1);
  for (int v = 0; v <= top; ++v) {
    GDALColorEntry none{0, 0, 0, 0};
    colours.SetColorEntry(v, &none);
  }
  for (const auto& category : categories) {
    GDALColorEntry entry{category.rgba[0], category.rgba[1], category.rgba[2], category.rgba[3]};
    colours.SetColorEntry(category.value, &entry);
    names[category.value] = category.name;
  }
  names[nodata] = "unknown";
  band->SetColorTable(&colours);
  set_metadata(*dataset, metadata);
  write_as_cog(*dataset, temporary, "RESAMPLING=MODE");

  // The names and the attribute table go to the PAM sidecar; opening read-only leaves the COG layout alone.
  GDALDatasetUniquePtr written(static_cast<GDALDataset*>(GDALOpen(temporary.c_str(), GA_ReadOnly)));
  if (!written) throw std::runtime_error("cannot reopen " + temporary.string());
  GDALRasterBand* written_band = written->GetRasterBand(1);
  CPLStringList name_list;
  for (const auto& name : names) name_list.AddString(name.c_str());
  written_band->SetCategoryNames(name_list.List());
  GDALDefaultRasterAttributeTable table;
  table.CreateColumn("value", GFT_Integer, GFU_MinMax);
  table.CreateColumn("name", GFT_String, GFU_Name);
  table.CreateColumn("red", GFT_Integer, GFU_Red);
  table.CreateColumn("green", GFT_Integer, GFU_Green);
  table.CreateColumn("blue", GFT_Integer, GFU_Blue);
  table.CreateColumn("alpha", GFT_Integer, GFU_Alpha);
  int row = 0;
  for (const auto& category : categories) {
    table.SetValue(row, 0, int(category.value));
    table.SetValue(row, 1, category.name.c_str());
    for (int c = 0; c < 4; ++c) table.SetValue(row, 2 + c, int(category.rgba[c]));
    ++row;
  }
  table.SetTableType(GRTT_THEMATIC);
  written_band->SetDefaultRAT(&table);
  written.reset();
  std::filesystem::path aux = temporary;
  aux += ".aux.xml";
  if (!std::filesystem::exists(aux)) throw std::runtime_error("GDAL wrote no " + aux.string());
  return aux;
}

}  // namespace conflictmap
