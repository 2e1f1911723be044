#include "layers/layer_legend.hpp"

#include <gdal_priv.h>
#include <gdal_utils.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

#include "io/gdal_drivers.hpp"
#include "layers/controller_palette.hpp"

namespace conflictmap {

LayerLegend read_layer_legend(const std::string& path) {
  register_gdal_drivers();
  std::unique_ptr<GDALDataset> dataset(static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly)));
  if (!dataset) throw std::runtime_error(path + ": cannot open as a raster layer");
  LayerLegend legend;
  GDALRasterBand* band = dataset->GetRasterBand(1);
  legend.unit = band->GetUnitType();
  if (const char* maximum = dataset->GetMetadataItem("MAXIMUM")) legend.maximum = std::atof(maximum);
  if (const char* as_of = dataset->GetMetadataItem("AS_OF")) legend.as_of = as_of;
  if (const GDALColorTable* table = band->GetColorTable()) {
    char** names = band->GetCategoryNames();
    int has_nodata = 0;
    const int nodata = int(band->GetNoDataValue(&has_nodata));
    for (int i = 0; i < table->GetColorEntryCount(); ++i) {
      if ((has_nodata && i == nodata) || !names || i >= CSLCount(names) || !*names[i]) continue;
      const GDALColorEntry* entry = table->GetColorEntry(i);
      legend.categories.push_back({i, names[i], hex_colour({std::uint8_t(entry->c1), std::uint8_t(entry->c2),
                                                            std::uint8_t(entry->c3), 255})});
    }
  }
  return legend;
}

bool export_simplified_geojson(const std::string& source, const std::string& layer, const std::string& target,
                               double tolerance_degrees) {
  if (!std::filesystem::exists(source)) return false;
  register_gdal_drivers();
  GDALDatasetH input = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  if (!input) return false;
  if (!GDALDatasetGetLayerByName(input, layer.c_str())) {
    GDALClose(input);
    return false;
  }
  const std::string tolerance = std::to_string(tolerance_degrees);
  const char* arguments[] = {"-f", "GeoJSON", "-t_srs", "EPSG:4326", "-simplify", tolerance.c_str(), "-lco", "RFC7946=YES",
                             "-lco", "COORDINATE_PRECISION=5", layer.c_str(), nullptr};
  GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(const_cast<char**>(arguments), nullptr);
  int failed = 0;
  GDALDatasetH output = GDALVectorTranslate(target.c_str(), nullptr, 1, &input, options, &failed);
  GDALVectorTranslateOptionsFree(options);
  GDALClose(input);
  if (!output || failed) throw std::runtime_error("cannot write " + target + ": " + CPLGetLastErrorMsg());
  GDALClose(output);
  return true;
}

}  // namespace conflictmap
