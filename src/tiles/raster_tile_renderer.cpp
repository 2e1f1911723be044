#include "tiles/raster_tile_renderer.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>
#include <stdexcept>

#include "io/gdal_drivers.hpp"
#include "layers/density_ramp.hpp"
#include "tiles/nearest_tile_sampler.hpp"
#include "tiles/tile_warper.hpp"

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

}  // namespace

struct RasterTileRenderer::State {
  std::string path;
  DatasetPtr source{nullptr};
  LayerFootprint footprint;
  int bands = 1;
  bool categorical = false;
  double maximum = 0;
  std::optional<double> nodata;
  TilePalette palette{};
  TilePalette density_palette{};  // index 0 transparent, 1…255 the ramp
  std::string mercator = mercator_wkt();
  double transform[6] = {0, 1, 0, 0, 0, -1};  // the layer's geotransform
  std::unique_ptr<OGRCoordinateTransformation> from_mercator;  // to the layer's CRS, for the drawn mask
  double source_pixel_m = 0;  // the layer's cell size, when its CRS is in metres
  int overview_count = 0;
  // One warper per source level (the full layer, or one of its overviews for coarse zooms), reused for every
  // tile: a fixed transformer whose target georeferencing moves from tile to tile, warping straight into a
  // tile-sized buffer.
  std::map<int, std::unique_ptr<TileWarper>> warpers;
  // Nearest-neighbour layers sample their tiles directly; the warper takes the tiles a sampler declines.
  std::map<int, std::unique_ptr<NearestTileSampler>> samplers;
  std::map<int, DatasetPtr> overviews;  // level → the layer opened at that overview
  // The layer at `level` (0 the full raster, n its n-th overview), opened once.
  GDALDatasetH level_source(int level) {
    if (level == 0) return source.get();
    auto found = overviews.find(level);
    if (found != overviews.end()) return found->second.get();
    const std::string option = "OVERVIEW_LEVEL=" + std::to_string(level - 1);
    const char* options[] = {option.c_str(), nullptr};
    DatasetPtr overview(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, options, nullptr));
    if (!overview) throw std::runtime_error(path + ": cannot open its overview " + std::to_string(level - 1));
    return overviews.emplace(level, std::move(overview)).first->second.get();
  }
  // recently encoded images by the hash of their pixels, per encoding
  std::array<std::unordered_map<std::size_t, std::pair<std::vector<std::uint8_t>, std::string>>, 2> encoded;
};

RasterTileRenderer::RasterTileRenderer(const std::string& layer_path, const LayerFootprint* known)
    : state_(std::make_unique<State>()) {
  register_gdal_drivers();
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
    for (int i = 1; i < 256; ++i) state_->density_palette[i] = density_colour((i - 0.5) / 255.0);
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
  if (layer_srs.IsProjected() && layer_srs.GetLinearUnits() == 1.0) state_->source_pixel_m = std::fabs(transform[1]);
  state_->overview_count = GDALGetOverviewCount(band);
  std::copy(transform, transform + 6, state_->transform);
  layer_srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  mercator.importFromEPSG(3857);
  mercator.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  state_->from_mercator.reset(OGRCreateCoordinateTransformation(&mercator, &layer_srs));
  if (known) {  // measured already by another renderer of the same layer
    state_->footprint = *known;
    return;
  }
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> to_mercator(OGRCreateCoordinateTransformation(&layer_srs, &mercator));
  std::unique_ptr<OGRCoordinateTransformation> to_degrees(OGRCreateCoordinateTransformation(&layer_srs, &wgs84));
  if (!to_mercator || !to_degrees) throw std::runtime_error(layer_path + ": cannot project the layer to Web Mercator");
  const int width = GDALGetRasterXSize(source), height = GDALGetRasterYSize(source);
  double x0 = transform[0], y0 = transform[3] + transform[5] * height, x1 = transform[0] + transform[1] * width,
         y1 = transform[3];
  // Only where something is drawn: a country-wide grid with a few zones needs a few tiles, not thousands. An
  // RGBA layer is drawn where its alpha is.
  const State& s = *state_;
  const auto drawn = [&s](float v) {
    if (s.bands == 4) return v > 0;
    if (s.categorical) return s.palette[std::uint8_t(v)][3] != 0;
    return v > 0 && std::isfinite(v) && (!s.nodata || v != float(*s.nodata));
  };
  if ((state_->bands < 3 || state_->bands == 4) && state_->from_mercator) {
    const int band_index = s.bands == 4 ? 4 : 1;
    state_->footprint.drawn = std::make_shared<const DrawnMask>(DrawnMask::measure(source, band_index, drawn));
    if (s.categorical) state_->footprint.cover = std::make_shared<const CategoryCover>(CategoryCover::measure(source, 1));
  }
  if (state_->bands < 3 || state_->bands == 4) {
    const double step = std::max(1.0, std::max(width, height) / 1024.0);
    const int w = std::max(1, int(width / step)), h = std::max(1, int(height / step));
    std::vector<float> sample(std::size_t(w) * h);
    GDALRasterBandH sampled = state_->bands == 4 ? GDALGetRasterBand(source, 4) : band;
    if (GDALRasterIO(sampled, GF_Read, 0, 0, width, height, sample.data(), w, h, GDT_Float32, 0, 0) != CE_None) {
      throw std::runtime_error(layer_path + ": GDAL cannot read the layer: " + CPLGetLastErrorMsg());
    }
    int c0 = w, c1 = -1, r0 = h, r1 = -1;
    for (int r = 0; r < h; ++r) {
      for (int c = 0; c < w; ++c) {
        if (!drawn(sample[std::size_t(r) * w + c])) continue;
        c0 = std::min(c0, c);
        c1 = std::max(c1, c);
        r0 = std::min(r0, r);
        r1 = std::max(r1, r);
      }
    }
    // An empty snapshot (every controller decayed, say) is a valid layer: it simply makes no tiles.
    state_->footprint.empty = c1 < 0;
    if (state_->footprint.empty) c0 = r0 = 0, c1 = w - 1, r1 = h - 1;
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
  state_->warpers.clear();  // before the datasets they read
  state_->samplers.clear();
  state_->overviews.clear();
}

const LayerFootprint& RasterTileRenderer::footprint() const { return state_->footprint; }

// The tile's corners and edge midpoints in the layer's pixels, widened by what warping from `level` reaches (two
// of its pixels, each `factor` layer pixels wide).
std::optional<RasterTileRenderer::PixelWindow> RasterTileRenderer::source_window(TileAddress tile, int level) const {
  const State& s = *state_;
  if (!s.from_mercator) return std::nullopt;
  const MercatorBounds b = tile_bounds(tile);
  double xs[9], ys[9];
  for (int i = 0; i < 9; ++i) {
    xs[i] = b.min_x + (b.max_x - b.min_x) * (i % 3) / 2.0;
    ys[i] = b.min_y + (b.max_y - b.min_y) * (i / 3) / 2.0;
  }
  int ok[9];
  if (!s.from_mercator->Transform(9, xs, ys, nullptr, ok)) return std::nullopt;
  PixelWindow window{1e300, 1e300, -1e300, -1e300};
  for (int i = 0; i < 9; ++i) {
    if (!ok[i]) return std::nullopt;
    const double col = (xs[i] - s.transform[0]) / s.transform[1];
    const double row = (ys[i] - s.transform[3]) / s.transform[5];
    window.col0 = std::min(window.col0, col), window.col1 = std::max(window.col1, col);
    window.row0 = std::min(window.row0, row), window.row1 = std::max(window.row1, row);
  }
  double factor = 1;
  if (level > 0) {
    GDALRasterBandH band = GDALGetRasterBand(s.source.get(), 1);
    factor = double(GDALGetRasterBandXSize(band)) / GDALGetRasterBandXSize(GDALGetOverview(band, level - 1));
  }
  const double margin = 2 * factor + 2;
  return PixelWindow{window.col0 - margin, window.row0 - margin, window.col1 + margin, window.row1 + margin};
}

std::optional<RasterTileRenderer::TileImage> RasterTileRenderer::image(TileAddress tile) {
  State& s = *state_;
  const MercatorBounds b = tile_bounds(tile);
  const MercatorBounds& f = s.footprint.bounds;
  if (b.max_x <= f.min_x || b.min_x >= f.max_x || b.max_y <= f.min_y || b.min_y >= f.max_y) return std::nullopt;
  // The coarsest overview still at least as fine as the tile (metres on the ground: Mercator stretches by
  // 1/cos(latitude)).
  int level = 0;
  if (s.source_pixel_m > 0 && s.overview_count > 0) {
    const double latitude = (s.footprint.lat_min + s.footprint.lat_max) / 2 * 3.14159265358979 / 180;
    const double ground = tile_resolution(tile.z) * std::cos(latitude);
    GDALRasterBandH band = GDALGetRasterBand(s.source.get(), 1);
    for (int i = 0; i < s.overview_count; ++i) {
      GDALRasterBandH overview = GDALGetOverview(band, i);
      const double factor = double(GDALGetRasterBandXSize(band)) / GDALGetRasterBandXSize(overview);
      if (s.source_pixel_m * factor <= ground) level = i + 1;
    }
  }
  const auto window = s.footprint.drawn || s.footprint.cover ? source_window(tile, level) : std::nullopt;
  // nothing drawn under the tile: no tile, and no warping to find that out
  if (window && s.footprint.drawn && !s.footprint.drawn->any_in(window->col0, window->row0, window->col1, window->row1)) {
    return std::nullopt;
  }
  // one category under the whole tile: the tile is that category throughout, as warping would make it
  if (window && s.footprint.cover) {
    if (const auto category = s.footprint.cover->sole_category(window->col0, window->row0, window->col1, window->row1)) {
      if (s.palette[*category][3] == 0) return std::nullopt;
      TileImage image;
      image.palette = &s.palette;
      image.indices.assign(std::size_t(kTileSize) * kTileSize, *category);
      return image;
    }
  }
  const int bands = s.bands >= 3 ? std::min(s.bands, 4) : 1;
  const bool nearest = s.categorical || s.bands >= 3;
  std::optional<std::vector<std::uint8_t>> sampled;
  if (nearest && s.from_mercator) {
    auto sampler = s.samplers.find(level);
    if (sampler == s.samplers.end()) {
      const std::uint8_t fill = s.nodata ? std::uint8_t(*s.nodata) : 0;
      sampler = s.samplers.emplace(level, std::make_unique<NearestTileSampler>(s.level_source(level), bands, fill,
                                                                               *s.from_mercator)).first;
    }
    sampled = sampler->second->sample(tile);
  }
  if (!sampled) {
    auto warper = s.warpers.find(level);
    if (warper == s.warpers.end()) {
      const GDALDataType type = nearest ? GDT_Byte : GDT_Float32;
      const GDALResampleAlg resampling = nearest ? GRA_NearestNeighbour : GRA_Bilinear;
      warper = s.warpers.emplace(level, std::make_unique<TileWarper>(s.level_source(level), bands, type, resampling,
                                                                     s.nodata, s.mercator)).first;
    }
    sampled = warper->second->warp(tile);
  }
  const std::vector<std::uint8_t>& warped = *sampled;
  constexpr int n = kTileSize * kTileSize;
  TileImage image;
  bool visible = false;
  if (s.bands >= 3) {
    image.rgba.assign(std::size_t(n) * 4, 0);
    const int count = std::min(s.bands, 4);
    for (int i = 0; i < n; ++i) {
      for (int c = 0; c < 4; ++c) image.rgba[std::size_t(i) * 4 + c] = c < count ? warped[std::size_t(c) * n + i] : 255;
      if (count == 3 && s.nodata && warped[i] == *s.nodata && warped[n + i] == *s.nodata && warped[2 * n + i] == *s.nodata) {
        image.rgba[std::size_t(i) * 4 + 3] = 0;
      }
      visible = visible || image.rgba[std::size_t(i) * 4 + 3] != 0;
    }
  } else if (s.categorical) {
    image.palette = &s.palette;
    image.indices = warped;
    for (int i = 0; i < n && !visible; ++i) visible = s.palette[image.indices[i]][3] != 0;
  } else {
    // 255 steps of the ramp (index 0 is transparent): finer than any eye, and a quarter of RGBA to compress
    image.palette = &s.density_palette;
    image.indices.assign(n, 0);
    const float* values = reinterpret_cast<const float*>(warped.data());
    for (int i = 0; i < n; ++i) {
      const float v = values[i];
      if ((s.nodata && v == float(*s.nodata)) || !(v > 0) || !std::isfinite(v)) continue;
      const double fraction = s.maximum > 0 ? std::min(1.0, double(v) / s.maximum) : 0;
      const auto index = std::uint8_t(1 + std::min(254, int(fraction * 255)));
      image.indices[i] = index;
      visible = visible || s.density_palette[index][3] != 0;
    }
  }
  if (!visible) return std::nullopt;
  return image;
}

std::optional<std::string> RasterTileRenderer::render(TileAddress tile, TileEncoding encoding) {
  auto made = image(tile);
  if (!made) return std::nullopt;
  std::vector<std::uint8_t>& pixels = made->palette ? made->indices : made->rgba;
  // Inside a zone, tiles of one colour repeat by the thousand: each distinct image is encoded once.
  const std::string_view key(reinterpret_cast<const char*>(pixels.data()), pixels.size());
  const std::size_t hash = std::hash<std::string_view>{}(key);
  auto& cache = state_->encoded[encoding == TileEncoding::Png ? 0 : 1];
  if (auto found = cache.find(hash); found != cache.end() && found->second.first == pixels) return found->second.second;
  std::string encoded = made->palette ? encode_paletted_tile(pixels, *made->palette, kTileSize, kTileSize, encoding)
                                      : encode_tile_image(pixels, kTileSize, kTileSize, encoding);
  if (cache.size() > 256) cache.clear();
  cache[hash] = {std::move(pixels), encoded};
  return encoded;
}

}  // namespace conflictmap
