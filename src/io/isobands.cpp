#include "io/isobands.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <memory>
#include <stdexcept>

#include "io/cloud_optimized_geotiff.hpp"
#include "io/gdal_drivers.hpp"
#include "io/geojson_layer.hpp"

namespace conflictmap {

std::size_t write_isobands(const std::filesystem::path& temporary, const RasterGrid& grid,
                           const std::vector<float>& values, const std::vector<double>& levels, double maximum,
                           const std::string& unit) {
  register_gdal_drivers();
  const std::string wkt = crs_wkt(grid.crs);
  GDALDatasetUniquePtr raster(
      GetGDALDriverManager()->GetDriverByName("MEM")->Create("", grid.width, grid.height, 1, GDT_Float32, nullptr));
  double transform[6];
  grid.geotransform(transform);
  raster->SetGeoTransform(transform);
  raster->SetProjection(wkt.c_str());
  if (raster->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, grid.width, grid.height, const_cast<float*>(values.data()),
                                         grid.width, grid.height, GDT_Float32, 0, 0, nullptr) != CE_None) {
    throw std::runtime_error("cannot fill the isoband raster");
  }
  GDALDatasetUniquePtr memory(
      GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  srs.importFromWkt(wkt.c_str());
  OGRLayer* bands = memory->CreateLayer("bands", &srs, wkbMultiPolygon, nullptr);
  OGRFieldDefn id("id", OFTInteger), low("low", OFTReal), high("high", OFTReal);
  bands->CreateField(&id);
  bands->CreateField(&low);
  bands->CreateField(&high);

  std::string fixed = "FIXED_LEVELS=";
  for (std::size_t i = 0; i < levels.size(); ++i) fixed += fmt::format("{}{:.9g}", i ? "," : "", levels[i]);
  CPLStringList options;
  options.AddString(fixed.c_str());
  options.AddString("POLYGONIZE=YES");
  options.AddString("ID_FIELD=0");
  options.AddString("ELEV_FIELD_MIN=1");
  options.AddString("ELEV_FIELD_MAX=2");
  if (!levels.empty() &&
      GDALContourGenerateEx(raster->GetRasterBand(1), bands, options.List(), nullptr, nullptr) != CE_None) {
    throw std::runtime_error(std::string("GDAL could not trace isobands: ") + CPLGetLastErrorMsg());
  }

  GeoJsonLayer out(temporary, "isobands", wkt,
                   {{"density_min", FieldKind::Real}, {"density_max", FieldKind::Real}, {"unit", FieldKind::Text}});
  std::size_t written = 0;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    bands->ResetReading();
    for (auto& feature : *bands) {
      const double lower = feature->GetFieldAsDouble(1);
      if (std::abs(lower - levels[i]) > 1e-9 * std::max(1.0, levels[i])) continue;
      OGRGeometry* geometry = feature->GetGeometryRef();
      if (!geometry || geometry->IsEmpty()) continue;
      std::vector<unsigned char> wkb(geometry->WkbSize());
      geometry->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
      const double upper = i + 1 < levels.size() ? levels[i + 1] : maximum;
      out.add(wkb, {levels[i], upper, unit});
      ++written;
    }
  }
  out.close();
  return written;
}

}  // namespace conflictmap
