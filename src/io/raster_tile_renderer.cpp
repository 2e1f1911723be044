#include "io/raster_tile_renderer.hpp"

#include <gdal_priv.h>
#include <gdalwarper.h>
#include <cpl_vsi.h>
#include <ogr_spatialref.h>

#include <atomic>
#include <cmath>
#include <map>
#include <stdexcept>

#include "layers/density_ramp.hpp"

namespace conflictmap {

namespace {

struct DatasetCloser {
  void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

std::string mercator_wkt() {
  OGRSpatialReference srs;
  srs.importFromEPSG(3857);
  char* wkt = nullptr;
  srs.exportToWkt(&wkt);
  std::string text = wkt;
  CPLFree(wkt);
  return text;
}

std::atomic<unsigned> vsimem_counter{0};

}  // namespace

struct RasterTileRenderer::State {
  std::string path;
  DatasetPtr source{nullptr};
  LayerFootprint footprint;
  int bands = 1;
  bool categorical = false;
  double maximum = 0;
  std::optional<double> nodata;
  std::array<std::array<std::uint8_t, 4>, 256> palette{};
  // Warped views of the layer, one per zoom: a virtual raster in EPSG:3857 at that zoom's resolution.
  std::map<int, DatasetPtr> warped;
  std::map<int, std::pair<double, double>> warped_origin;  // zoom → (west, north) of the view
  std::string mercator = mercator_wkt();
};

RasterTileRenderer::RasterTileRenderer(const std::string& layer_path) : state_(std::make_unique<State>()) {
  GDALAllRegister();
  state_->path = layer_path;
  state_->source.reset(GDALOpen(layer_path.c_str(), GA_ReadOnly));
  if (!state_->source) throw std::runtime_error(layer_path + ": cannot open as a raster layer");
  GDALDatasetH source = state_->source.get();
  state_->bands = GDALGetRasterCount(source);
  GDALRasterBandH band = GDALGetRasterBand(source, 1);
  const char* projection = GDALGetProjectionRef(source);
  double transform[6];
  if (!projection || !*projection || GDALGetGeoTransform(source, transform) != CE_None) {
    throw std::runtime_error(layer_path + ": the raster has no georeferencing");
  }
  int has_nodata = 0;
  const double nodata = GDALGetRasterNoDataValue(band, &has_nodata);
  if (has_nodata) state_->nodata = nodata;
  if (state_->bands >= 3) {
    state_->footprint.kind = "rgba";
  } else if (GDALColorTableH table = GDALGetRasterColorTable(band)) {
    state_->categorical = true;
    state_->footprint.kind = "categories";
    for (int i = 0; i < std::min(256, GDALGetColorEntryCount(table)); ++i) {
      const GDALColorEntry* entry = GDALGetColorEntry(table, i);
      state_->palette[i] = {std::uint8_t(entry->c1), std::uint8_t(entry->c2), std::uint8_t(entry->c3), std::uint8_t(entry->c4)};
    }
    if (state_->nodata) state_->palette[std::uint8_t(*state_->nodata)][3] = 0;
  } else {
    state_->footprint.kind = "density";
    const char* maximum = GDALGetMetadataItem(source, "MAXIMUM", nullptr);
    if (maximum) state_->maximum = std::atof(maximum);
    if (!(state_->maximum > 0)) {
      double minmax[2];
      GDALComputeRasterMinMax(band, FALSE, minmax);
      state_->maximum = minmax[1];
    }
  }
  // The layer's footprint in Web Mercator and in degrees.
  OGRSpatialReference layer_srs, mercator, wgs84;
  layer_srs.importFromWkt(projection);
  layer_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  mercator.importFromEPSG(3857);
  mercator.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> to_mercator(OGRCreateCoordinateTransformation(&layer_srs, &mercator));
  std::unique_ptr<OGRCoordinateTransformation> to_degrees(OGRCreateCoordinateTransformation(&layer_srs, &wgs84));
  if (!to_mercator || !to_degrees) throw std::runtime_error(layer_path + ": cannot project the layer to Web Mercator");
  const int width = GDALGetRasterXSize(source), height = GDALGetRasterYSize(source);
  double x0 = transform[0], y0 = transform[3] + transform[5] * height, x1 = transform[0] + transform[1] * width,
         y1 = transform[3];
  // Only where something is drawn: a country-wide grid with a few zones needs a few tiles, not thousands.
  if (state_->bands < 3) {
    const double step = std::max(1.0, std::max(width, height) / 1024.0);
    const int w = std::max(1, int(width / step)), h = std::max(1, int(height / step));
    std::vector<float> sample(std::size_t(w) * h);
    GDALRasterIO(band, GF_Read, 0, 0, width, height, sample.data(), w, h, GDT_Float32, 0, 0);
    int c0 = w, c1 = -1, r0 = h, r1 = -1;
    for (int r = 0; r < h; ++r) {
      for (int c = 0; c < w; ++c) {
        const float v = sample[std::size_t(r) * w + c];
        const bool drawn = state_->categorical ? state_->palette[std::uint8_t(v)][3] != 0
                                               : (v > 0 && (!state_->nodata || v != float(*state_->nodata)));
        if (!drawn) continue;
        c0 = std::min(c0, c);
        c1 = std::max(c1, c);
        r0 = std::min(r0, r);
        r1 = std::max(r1, r);
      }
    }
    if (c1 < 0) throw std::runtime_error(layer_path + ": the layer is empty: nothing to draw");
    const double sx = double(width) / w, sy = double(height) / h;
    x0 = transform[0] + transform[1] * std::max(0.0, (c0 - 1) * sx);
    x1 = transform[0] + transform[1] * std::min(double(width), (c1 + 2) * sx);
    y1 = transform[3] + transform[5] * std::max(0.0, (r0 - 1) * sy);
    y0 = transform[3] + transform[5] * std::min(double(height), (r1 + 2) * sy);
  }
  to_mercator->TransformBounds(x0, y0, x1, y1, &state_->footprint.bounds.min_x, &state_->footprint.bounds.min_y,
                               &state_->footprint.bounds.max_x, &state_->footprint.bounds.max_y, 21);
  to_degrees->TransformBounds(x0, y0, x1, y1, &state_->footprint.lon_min, &state_->footprint.lat_min,
                              &state_->footprint.lon_max, &state_->footprint.lat_max, 21);
}

RasterTileRenderer::~RasterTileRenderer() {
  state_->warped.clear();
}

const LayerFootprint& RasterTileRenderer::footprint() const { return state_->footprint; }

std::optional<std::vector<std::uint8_t>> RasterTileRenderer::pixels(TileAddress tile) {
  State& s = *state_;
  auto view = s.warped.find(tile.z);
  if (view == s.warped.end()) {
    // A view covering the footprint's tiles at this zoom, pixel-aligned with the tile grid.
    const TileAddress nw = tile_at(s.footprint.bounds.min_x, s.footprint.bounds.max_y, tile.z);
    const TileAddress se = tile_at(s.footprint.bounds.max_x, s.footprint.bounds.min_y, tile.z);
    const MercatorBounds first = tile_bounds(nw);
    const double resolution = tile_resolution(tile.z);
    const int width = (se.x - nw.x + 1) * kTileSize, height = (se.y - nw.y + 1) * kTileSize;
    double transform[6] = {first.min_x, resolution, 0, first.max_y, 0, -resolution};
    double source_transform[6];
    GDALGetGeoTransform(s.source.get(), source_transform);
    GDALWarpOptions* options = GDALCreateWarpOptions();
    options->hSrcDS = s.source.get();
    options->nBandCount = s.bands >= 3 ? std::min(s.bands, 4) : 1;
    options->panSrcBands = static_cast<int*>(CPLMalloc(sizeof(int) * options->nBandCount));
    options->panDstBands = static_cast<int*>(CPLMalloc(sizeof(int) * options->nBandCount));
    for (int b = 0; b < options->nBandCount; ++b) options->panSrcBands[b] = options->panDstBands[b] = b + 1;
    options->eResampleAlg = s.categorical || s.bands >= 3 ? GRA_NearestNeighbour : GRA_Bilinear;
    if (s.nodata) {
      options->padfSrcNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double)));
      options->padfSrcNoDataReal[0] = *s.nodata;
      options->padfDstNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double)));
      options->padfDstNoDataReal[0] = *s.nodata;
      options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "NO_DATA");
    } else {
      options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "0");
    }
    // An approximating transformer (within 1/8 pixel, as gdalwarp does) spares PROJ a call per pixel.
    void* exact = GDALCreateGenImgProjTransformer3(GDALGetProjectionRef(s.source.get()), source_transform,
                                                   s.mercator.c_str(), transform);
    options->pTransformerArg = GDALCreateApproxTransformer(GDALGenImgProjTransform, exact, 0.125);
    GDALApproxTransformerOwnsSubtransformer(options->pTransformerArg, TRUE);
    options->pfnTransformer = GDALApproxTransform;
    GDALDatasetH warped = GDALCreateWarpedVRT(s.source.get(), width, height, transform, options);
    GDALDestroyWarpOptions(options);
    if (!warped) throw std::runtime_error(s.path + ": GDAL cannot warp the layer to Web Mercator: " + CPLGetLastErrorMsg());
    view = s.warped.emplace(tile.z, DatasetPtr(warped)).first;
    s.warped_origin[tile.z] = {double(nw.x), double(nw.y)};
  }
  const auto [first_x, first_y] = s.warped_origin[tile.z];
  const int x_off = (tile.x - int(first_x)) * kTileSize, y_off = (tile.y - int(first_y)) * kTileSize;
  GDALDatasetH warped = view->second.get();
  if (x_off < 0 || y_off < 0 || x_off + kTileSize > GDALGetRasterXSize(warped) ||
      y_off + kTileSize > GDALGetRasterYSize(warped)) {
    return std::nullopt;  // outside the layer
  }
  constexpr int n = kTileSize * kTileSize;
  std::vector<std::uint8_t> rgba(std::size_t(n) * 4, 0);
  bool visible = false;
  if (s.bands >= 3) {
    std::vector<std::uint8_t> planes(std::size_t(n) * 4, 255);
    const int count = std::min(s.bands, 4);
    if (GDALDatasetRasterIO(warped, GF_Read, x_off, y_off, kTileSize, kTileSize, planes.data(), kTileSize, kTileSize,
                            GDT_Byte, count, nullptr, 0, 0, n) != CE_None) {
      throw std::runtime_error(s.path + ": cannot read the layer: " + CPLGetLastErrorMsg());
    }
    for (int i = 0; i < n; ++i) {
      for (int c = 0; c < 4; ++c) rgba[std::size_t(i) * 4 + c] = planes[std::size_t(c) * n + i];
      if (count == 3 && s.nodata && planes[i] == *s.nodata && planes[n + i] == *s.nodata && planes[2 * n + i] == *s.nodata) {
        rgba[std::size_t(i) * 4 + 3] = 0;
      }
      visible = visible || rgba[std::size_t(i) * 4 + 3] != 0;
    }
  } else if (s.categorical) {
    std::vector<std::uint8_t> codes(n);
    if (GDALRasterIO(GDALGetRasterBand(warped, 1), GF_Read, x_off, y_off, kTileSize, kTileSize, codes.data(), kTileSize,
                     kTileSize, GDT_Byte, 0, 0) != CE_None) {
      throw std::runtime_error(s.path + ": cannot read the layer: " + CPLGetLastErrorMsg());
    }
    for (int i = 0; i < n; ++i) {
      const auto& colour = s.palette[codes[i]];
      std::copy(colour.begin(), colour.end(), rgba.begin() + long(i) * 4);
      visible = visible || colour[3] != 0;
    }
  } else {
    std::vector<float> values(n);
    if (GDALRasterIO(GDALGetRasterBand(warped, 1), GF_Read, x_off, y_off, kTileSize, kTileSize, values.data(), kTileSize,
                     kTileSize, GDT_Float32, 0, 0) != CE_None) {
      throw std::runtime_error(s.path + ": cannot read the layer: " + CPLGetLastErrorMsg());
    }
    for (int i = 0; i < n; ++i) {
      const float v = values[i];
      if ((s.nodata && v == float(*s.nodata)) || !(v > 0) || !std::isfinite(v)) continue;
      const auto colour = density_colour(s.maximum > 0 ? v / s.maximum : 0);
      std::copy(colour.begin(), colour.end(), rgba.begin() + long(i) * 4);
      visible = visible || colour[3] != 0;
    }
  }
  if (!visible) return std::nullopt;
  return rgba;
}

std::optional<std::string> RasterTileRenderer::render(TileAddress tile, TileEncoding encoding) {
  auto rgba = pixels(tile);
  if (!rgba) return std::nullopt;
  return encode_tile_image(*rgba, kTileSize, kTileSize, encoding);
}

std::string encode_tile_image(const std::vector<std::uint8_t>& rgba, int width, int height, TileEncoding encoding) {
  GDALAllRegister();
  GDALDriverH mem = GDALGetDriverByName("MEM");
  DatasetPtr image(GDALCreate(mem, "", width, height, 4, GDT_Byte, nullptr));
  if (GDALDatasetRasterIO(image.get(), GF_Write, 0, 0, width, height, const_cast<std::uint8_t*>(rgba.data()), width,
                          height, GDT_Byte, 4, nullptr, 4, 4 * width, 1) != CE_None) {
    throw std::runtime_error("cannot fill a tile image");
  }
  const char* driver_name = encoding == TileEncoding::Png ? "PNG" : "WEBP";
  GDALDriverH driver = GDALGetDriverByName(driver_name);
  if (!driver) throw std::runtime_error(std::string("GDAL has no ") + driver_name + " driver");
  const std::string name = "/vsimem/conflictmap_tile_" + std::to_string(vsimem_counter++) +
                           (encoding == TileEncoding::Png ? ".png" : ".webp");
  const char* png_options[] = {"ZLEVEL=6", nullptr};
  const char* webp_options[] = {"LOSSLESS=YES", nullptr};
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
  GDALDatasetH written = GDALCreateCopy(driver, name.c_str(), image.get(), FALSE,
                                        const_cast<char**>(encoding == TileEncoding::Png ? png_options : webp_options),
                                        nullptr, nullptr);
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
  if (!written) throw std::runtime_error(std::string("cannot encode a tile: ") + CPLGetLastErrorMsg());
  GDALClose(written);
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(name.c_str(), &size, TRUE);
  std::string out(reinterpret_cast<const char*>(bytes), std::size_t(size));
  CPLFree(bytes);
  return out;
}

std::vector<std::uint8_t> decode_tile_image(const std::string& bytes, int& width, int& height) {
  GDALAllRegister();
  const std::string name = "/vsimem/conflictmap_decode_" + std::to_string(vsimem_counter++);
  VSILFILE* file = VSIFileFromMemBuffer(name.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                        bytes.size(), FALSE);
  VSIFCloseL(file);
  DatasetPtr image(GDALOpen(name.c_str(), GA_ReadOnly));
  if (!image) {
    VSIUnlink(name.c_str());
    throw std::runtime_error("cannot decode a tile image");
  }
  width = GDALGetRasterXSize(image.get());
  height = GDALGetRasterYSize(image.get());
  const int bands = GDALGetRasterCount(image.get());
  std::vector<std::uint8_t> rgba(std::size_t(width) * height * 4, 255);
  for (int b = 0; b < std::min(bands, 4); ++b) {
    GDALRasterIO(GDALGetRasterBand(image.get(), b + 1), GF_Read, 0, 0, width, height, rgba.data() + b, width, height,
                 GDT_Byte, 4, 4 * width);
  }
  image.reset();
  VSIUnlink(name.c_str());
  return rgba;
}

}  // namespace conflictmap
