#include "layers/isobands.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>

#include "io/gdal_drivers.hpp"
#include "io/geojson_layer.hpp"
#include "io/memory_raster.hpp"

namespace conflictmap {

namespace {

Ring ring_of(const OGRLinearRing& source) {
  Ring ring(std::size_t(source.getNumPoints()));
  for (int i = 0; i < source.getNumPoints(); ++i) ring[std::size_t(i)] = {source.getX(i), source.getY(i)};
  return ring;
}

std::vector<std::vector<Ring>> polygons_of(const OGRGeometry& geometry) {
  std::vector<std::vector<Ring>> polygons;
  auto add = [&](const OGRPolygon& polygon) {
    std::vector<Ring> rings;
    for (const OGRLinearRing* ring : polygon) rings.push_back(ring_of(*ring));
    polygons.push_back(std::move(rings));
  };
  const auto type = wkbFlatten(geometry.getGeometryType());
  if (type == wkbPolygon) add(*geometry.toPolygon());
  if (type == wkbMultiPolygon) {
    for (const OGRPolygon* polygon : *geometry.toMultiPolygon()) add(*polygon);
  }
  return polygons;
}

std::vector<unsigned char> multipolygon_wkb(const std::vector<std::vector<Ring>>& polygons) {
  OGRMultiPolygon multi;
  for (const auto& rings : polygons) {
    OGRPolygon polygon;
    for (const auto& ring : rings) {
      OGRLinearRing linear;
      linear.setNumPoints(int(ring.size()), FALSE);
      for (std::size_t i = 0; i < ring.size(); ++i) linear.setPoint(int(i), ring[i].x, ring[i].y);
      polygon.addRing(&linear);
    }
    multi.addGeometry(&polygon);
  }
  std::vector<unsigned char> wkb(multi.WkbSize());
  multi.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
  return wkb;
}

// GDAL traces between cell centres: boundaries on this frame are where bands meet the grid's edge.
Bounds centres_frame(const RasterGrid& grid) { return grid.bounds().buffered(-grid.cell / 2); }

}  // namespace

TracedIsobands trace_isobands(const RasterGrid& grid, const std::vector<float>& values,
                              const std::vector<double>& levels, double thinning_tolerance) {
  register_gdal_drivers();
  const std::string wkt = crs_wkt(grid.crs);
  GDALDatasetUniquePtr raster = memory_raster(grid, GDT_Float32, const_cast<float*>(values.data()));  // only read
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

  // Every band's polygons, thinned together so that neighbouring bands keep sharing their boundaries.
  TracedIsobands traced;
  traced.crs = wkt;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    bands->ResetReading();
    for (auto& feature : *bands) {
      const double lower = feature->GetFieldAsDouble(1);
      if (std::abs(lower - levels[i]) > 1e-9 * std::max(1.0, levels[i])) continue;
      const OGRGeometry* geometry = feature->GetGeometryRef();
      if (!geometry || geometry->IsEmpty()) continue;
      const double upper = i + 1 < levels.size() ? levels[i + 1] : std::numeric_limits<double>::infinity();
      traced.bands.push_back({levels[i], upper, polygons_of(*geometry)});
    }
  }
  std::vector<Ring*> rings;
  for (auto& band : traced.bands) {
    for (auto& polygon : band.polygons) {
      for (auto& ring : polygon) rings.push_back(&ring);
    }
  }
  const ThinningStats thinning = thin_shared_boundaries(rings, thinning_tolerance, centres_frame(grid));
  traced.vertices_traced = thinning.vertices_before;
  traced.vertices_kept = thinning.vertices_after;
  return traced;
}

void write_isobands(const std::filesystem::path& temporary, const TracedIsobands& isobands, double maximum,
                    const std::string& unit) {
  GeoJsonLayer out(temporary, "isobands", isobands.crs,
                   {{"density_min", FieldKind::Real}, {"density_max", FieldKind::Real}, {"unit", FieldKind::Text}});
  for (const auto& band : isobands.bands) {
    out.add(multipolygon_wkb(band.polygons), {band.lower, std::isinf(band.upper) ? maximum : band.upper, unit});
  }
  out.close();
}

}  // namespace conflictmap
