#include "tiles/nearest_tile_sampler.hpp"

#include <cpl_error.h>
#include <gdal_alg.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace conflictmap {

namespace {

constexpr int kKnots = 17;                          // per side of the interpolation grid
constexpr int kSpan = kTileSize / (kKnots - 1);     // tile pixels between knots
constexpr double kTolerance = 0.125;                // in source pixels, gdalwarp's default

}  // namespace

NearestTileSampler::NearestTileSampler(GDALDatasetH source, int bands, std::uint8_t fill,
                                       OGRCoordinateTransformation& from_mercator)
    : source_(source), bands_(bands), fill_(fill), from_mercator_(from_mercator) {
  double transform[6];
  if (GDALGetGeoTransform(source, transform) != CE_None || !GDALInvGeoTransform(transform, inverse_)) {
    throw std::runtime_error("the layer has no usable georeferencing");
  }
  width_ = GDALGetRasterXSize(source);
  height_ = GDALGetRasterYSize(source);
}

std::optional<std::vector<std::uint8_t>> NearestTileSampler::sample(TileAddress tile) {
  const MercatorBounds b = tile_bounds(tile);
  const double resolution = tile_resolution(tile.z);
  // knots at every kSpan pixel edges, then the centres of the cells between them for the check
  constexpr int kChecks = (kKnots - 1) * (kKnots - 1);
  std::array<double, kKnots * kKnots + kChecks> xs, ys;
  std::array<int, kKnots * kKnots + kChecks> ok;
  for (int j = 0; j < kKnots; ++j) {
    for (int i = 0; i < kKnots; ++i) {
      xs[j * kKnots + i] = b.min_x + i * kSpan * resolution;
      ys[j * kKnots + i] = b.max_y - j * kSpan * resolution;
    }
  }
  for (int j = 0; j + 1 < kKnots; ++j) {
    for (int i = 0; i + 1 < kKnots; ++i) {
      xs[kKnots * kKnots + j * (kKnots - 1) + i] = b.min_x + (i + 0.5) * kSpan * resolution;
      ys[kKnots * kKnots + j * (kKnots - 1) + i] = b.max_y - (j + 0.5) * kSpan * resolution;
    }
  }
  // far from the layer (a world tile at zoom 0) some knots have no image in its CRS: the tile goes to the
  // warper, and PROJ's complaint about them is not the user's concern
  CPLPushErrorHandler(CPLQuietErrorHandler);
  const bool transformed = from_mercator_.Transform(int(xs.size()), xs.data(), ys.data(), nullptr, ok.data());
  CPLPopErrorHandler();
  if (!transformed) return std::nullopt;
  if (std::find(ok.begin(), ok.end(), 0) != ok.end()) return std::nullopt;
  // to source pixel coordinates (column, row as real numbers)
  std::array<double, xs.size()> cols, rows;
  for (std::size_t k = 0; k < xs.size(); ++k) {
    cols[k] = inverse_[0] + inverse_[1] * xs[k] + inverse_[2] * ys[k];
    rows[k] = inverse_[3] + inverse_[4] * xs[k] + inverse_[5] * ys[k];
  }
  for (int j = 0; j + 1 < kKnots; ++j) {
    for (int i = 0; i + 1 < kKnots; ++i) {
      const int a = j * kKnots + i;
      const double col = (cols[a] + cols[a + 1] + cols[a + kKnots] + cols[a + kKnots + 1]) / 4;
      const double row = (rows[a] + rows[a + 1] + rows[a + kKnots] + rows[a + kKnots + 1]) / 4;
      const int check = kKnots * kKnots + j * (kKnots - 1) + i;
      if (std::abs(col - cols[check]) > kTolerance || std::abs(row - rows[check]) > kTolerance) return std::nullopt;
    }
  }

  // the source window the tile reaches, read once through GDAL
  const auto [col_min, col_max] = std::minmax_element(cols.begin(), cols.begin() + kKnots * kKnots);
  const auto [row_min, row_max] = std::minmax_element(rows.begin(), rows.begin() + kKnots * kKnots);
  const int c0 = std::max(0, int(std::floor(*col_min)) - 1), c1 = std::min(width_ - 1, int(std::floor(*col_max)) + 1);
  const int r0 = std::max(0, int(std::floor(*row_min)) - 1), r1 = std::min(height_ - 1, int(std::floor(*row_max)) + 1);
  constexpr std::size_t n = std::size_t(kTileSize) * kTileSize;
  std::vector<std::uint8_t> out(n * bands_, fill_);
  if (c0 > c1 || r0 > r1) return out;  // the tile lies beyond the raster
  const int w = c1 - c0 + 1, h = r1 - r0 + 1;
  std::vector<std::uint8_t> window(std::size_t(w) * h * bands_);
  if (GDALDatasetRasterIO(source_, GF_Read, c0, r0, w, h, window.data(), w, h, GDT_Byte, bands_, nullptr, 0, 0, 0) !=
      CE_None) {
    throw std::runtime_error(std::string("GDAL cannot read the layer: ") + CPLGetLastErrorMsg());
  }
  // Each pixel centre, interpolated between the four knots around it: along a row within one span of knots the
  // source position moves by a constant step, so the loop only adds. Adding 2^16 before truncating floors any
  // position a tile can reach, negative ones included, without a call to floor.
  constexpr double kShift = 65536.0;
  const std::size_t plane = std::size_t(w) * h;
  for (int y = 0; y < kTileSize; ++y) {
    const int j = y / kSpan;
    const double v = (y - j * kSpan + 0.5) / kSpan;
    std::uint8_t* row_out = out.data() + std::size_t(y) * kTileSize;
    for (int i = 0; i + 1 < kKnots; ++i) {
      const int a = j * kKnots + i;
      const double col_left = (1 - v) * cols[a] + v * cols[a + kKnots];
      const double col_right = (1 - v) * cols[a + 1] + v * cols[a + kKnots + 1];
      const double row_left = (1 - v) * rows[a] + v * rows[a + kKnots];
      const double row_right = (1 - v) * rows[a + 1] + v * rows[a + kKnots + 1];
      const double col_step = (col_right - col_left) / kSpan, row_step = (row_right - row_left) / kSpan;
      double col = col_left + 0.5 * col_step + kShift, row = row_left + 0.5 * row_step + kShift;
      for (int x = i * kSpan; x < (i + 1) * kSpan; ++x, col += col_step, row += row_step) {
        const int c = int(col) - int(kShift), r = int(row) - int(kShift);
        if (c < c0 || c > c1 || r < r0 || r > r1) continue;
        const std::size_t from = std::size_t(r - r0) * w + std::size_t(c - c0);
        if (bands_ == 1) {
          row_out[x] = window[from];
        } else {
          for (int band = 0; band < bands_; ++band) row_out[band * n + x] = window[band * plane + from];
        }
      }
    }
  }
  return out;
}

}  // namespace conflictmap
