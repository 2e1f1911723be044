#pragma once
// Layers as Cloud-Optimized GeoTIFF through GDAL: tiled, compressed, with internal
// overviews, nodata, the CRS and every parameter in the metadata.
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/raster_grid.hpp"

namespace conflictmap {

struct RasterCategory {
  std::uint8_t value = 0;
  std::string name;
  std::array<std::uint8_t, 4> rgba{0, 0, 0, 255};
};

using RasterMetadata = std::map<std::string, std::string>;

// Lossless compressions after horizontal differencing (TIFF predictor 2); Zstandard writes about twice as fast as
// DEFLATE at the same size, DEFLATE is read by every TIFF reader.
enum class Compression { Zstd, Deflate };

// Float32 values, row-major from the north-west cell; overviews average.
void write_float_cog(const std::filesystem::path& temporary, const RasterGrid& grid, const std::vector<float>& values,
                     double nodata, const std::string& unit, const RasterMetadata& metadata,
                     Compression compression = Compression::Zstd);

// Category codes with a colour table, category names and a raster attribute table (value, name, colour);
// `nodata` is the code of unknown cells. Overviews take the most common code. GDAL keeps the names and
// the attribute table in a `.aux.xml` beside the file: its path is returned so it can be staged too.
std::filesystem::path write_category_cog(const std::filesystem::path& temporary, const RasterGrid& grid,
                                         const std::vector<std::uint8_t>& values, std::uint8_t nodata,
                                         const std::vector<RasterCategory>& categories, const RasterMetadata& metadata);

}  // namespace conflictmap
