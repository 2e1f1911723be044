#pragma once
// Web Mercator tiles from a layer GeoTIFF, with the colours of its QGIS style: a Float32 density through the
// density ramp up to the layer's MAXIMUM, a categorical layer through its colour table, an RGB(A) raster as
// it is. Nodata is transparent; a tile with nothing visible is not made. One renderer per thread: GDAL
// datasets are not shared between threads.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tiles/category_cover.hpp"
#include "tiles/drawn_mask.hpp"
#include "tiles/tile_image.hpp"
#include "tiles/web_mercator.hpp"

namespace conflictmap {


struct LayerFootprint {
  MercatorBounds bounds;  // in EPSG:3857
  double lon_min = 0, lat_min = 0, lon_max = 0, lat_max = 0;
  std::string kind;  // "density", "categories" or "rgba"
  bool empty = false;  // nothing to draw anywhere: no tiles
  std::shared_ptr<const DrawnMask> drawn;  // where the layer draws; none: it may draw anywhere (RGB)
  std::shared_ptr<const CategoryCover> cover;  // a categorical layer's one-category blocks
};

class RasterTileRenderer {
 public:
  // Throws std::runtime_error naming the file. `known`: the footprint another renderer of this layer measured,
  // so that each thread's renderer does not sample the whole layer again.
  explicit RasterTileRenderer(const std::string& layer_path, const LayerFootprint* known = nullptr);
  ~RasterTileRenderer();
  RasterTileRenderer(const RasterTileRenderer&) = delete;
  RasterTileRenderer& operator=(const RasterTileRenderer&) = delete;

  const LayerFootprint& footprint() const;
  // Encoded tile bytes; a density or categorical layer gives 8-bit paletted PNGs.
  std::optional<std::string> render(TileAddress tile, TileEncoding encoding);

 private:
  struct TileImage {
    const TilePalette* palette = nullptr;  // set: `indices` holds palette indices; else `rgba` holds pixels
    std::vector<std::uint8_t> indices, rgba;
  };
  std::optional<TileImage> image(TileAddress tile);
  // The layer pixels a tile reads from `level`, widened by what warping reaches; none when it cannot tell.
  struct PixelWindow {
    double col0, row0, col1, row1;
  };
  std::optional<PixelWindow> source_window(TileAddress tile, int level) const;
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace conflictmap
