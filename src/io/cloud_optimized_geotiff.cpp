#include "io/cloud_optimized_geotiff.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <gdal_rat.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "core/parallel.hpp"
#include "io/gdal_drivers.hpp"
#include "io/interrupt_cleanup.hpp"
#include "io/memory_raster.hpp"

namespace conflictmap {

namespace {

void set_metadata(GDALDataset& dataset, const RasterMetadata& metadata) {
  for (const auto& [key, value] : metadata) dataset.SetMetadataItem(key.c_str(), value.c_str());
}

// 256-pixel blocks so that even a small layer gets overviews.
constexpr int kBlockSize = 256;

void write_as_cog(GDALDataset& source, const std::filesystem::path& temporary, const char* resampling) {
  GDALDriver* cog = GetGDALDriverManager()->GetDriverByName("COG");
  if (!cog) throw std::runtime_error("GDAL has no COG driver");
  const std::string block = "BLOCKSIZE=" + std::to_string(kBlockSize);
  const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=YES", block.c_str(), "OVERVIEWS=IGNORE_EXISTING",
                           "NUM_THREADS=ALL_CPUS", resampling, nullptr};
  // the COG driver builds the overviews (and a mask's) in files of its own beside the output: a run interrupted
  // meanwhile must not leave them either
  std::filesystem::path overviews = temporary, mask_overviews = temporary;
  overviews += ".ovr.tmp";
  mask_overviews += ".msk.ovr.tmp";
  register_temporary(overviews);
  register_temporary(mask_overviews);
  GDALDatasetUniquePtr written(cog->CreateCopy(temporary.c_str(), &source, FALSE, const_cast<char**>(options), nullptr, nullptr));
  forget_temporary(overviews);
  forget_temporary(mask_overviews);
  if (!written) throw std::runtime_error("cannot write " + temporary.string() + ": " + CPLGetLastErrorMsg());
}

// The mean of the valid cells of each 2×2 block (nodata when none is valid); odd edges average what they have.
std::vector<float> halved(const std::vector<float>& values, int width, int height, float nodata) {
  const int out_width = (width + 1) / 2, out_height = (height + 1) / 2;
  std::vector<float> out(std::size_t(out_width) * out_height);
  auto halve_rows = [&](int first, int last) {
    for (int row = first; row < last; ++row) {
      int column = 0;
      if (2 * row + 1 < height) {
        // Whole 2×2 blocks, summed in the general loop's order: where none holds nodata these are its cells,
        // made without its branches so that the compiler can put them on SIMD lanes.
        const float* top = values.data() + std::size_t(2 * row) * width;
        const float* bottom = top + width;
        float* cells = out.data() + std::size_t(row) * out_width;
        bool clean = true;
        for (int pair = 0; pair < width / 2; ++pair) {
          const float a = top[2 * pair], b = top[2 * pair + 1], c = bottom[2 * pair], d = bottom[2 * pair + 1];
          clean &= a != nodata && b != nodata && c != nodata && d != nodata;
          cells[pair] = float((((double(a) + b) + c) + d) / 4);
        }
        if (clean) column = width / 2;  // else the general loop redoes the row
      }
      for (; column < out_width; ++column) {
        double sum = 0;
        int valid = 0;
        for (int r = 2 * row; r < std::min(height, 2 * row + 2); ++r) {
          for (int c = 2 * column; c < std::min(width, 2 * column + 2); ++c) {
            const float v = values[std::size_t(r) * width + c];
            if (v != nodata) {
              sum += v;
              ++valid;
            }
          }
        }
        out[std::size_t(row) * out_width + column] = valid ? float(sum / valid) : nodata;
      }
    }
  };
  // each cell stands alone, so two halves of the rows on two cores give the cells one pass would
  const int workers = out_height >= 512 ? 2 : 1;
  run_on_threads(unsigned(workers), [&](unsigned worker) {
    halve_rows(out_height * int(worker) / workers, out_height * int(worker + 1) / workers);
  });
  return out;
}

// Overviews down to one block, each cell the mean of the valid cells below it: "NONE" makes the overview bands
// without computing them, and they are filled here.
void add_mean_overviews(GDALDataset& dataset, const RasterGrid& grid, const std::vector<float>& values, float nodata) {
  std::vector<std::vector<float>> levels;
  std::vector<int> factors;
  for (int width = grid.width, height = grid.height, factor = 2; width > kBlockSize || height > kBlockSize;
       factor *= 2) {
    levels.push_back(halved(levels.empty() ? values : levels.back(), width, height, nodata));
    width = (width + 1) / 2;
    height = (height + 1) / 2;
    factors.push_back(factor);
  }
  if (levels.empty()) return;
  if (dataset.BuildOverviews("NONE", int(factors.size()), factors.data(), 0, nullptr, nullptr, nullptr) != CE_None) {
    throw std::runtime_error(std::string("cannot add overviews: ") + CPLGetLastErrorMsg());
  }
  GDALRasterBand* band = dataset.GetRasterBand(1);
  for (std::size_t i = 0; i < levels.size(); ++i) {
    GDALRasterBand* overview = band->GetOverview(int(i));
    if (!overview || overview->RasterIO(GF_Write, 0, 0, overview->GetXSize(), overview->GetYSize(), levels[i].data(),
                                        overview->GetXSize(), overview->GetYSize(), GDT_Float32, 0, 0,
                                        nullptr) != CE_None) {
      throw std::runtime_error(std::string("cannot fill an overview: ") + CPLGetLastErrorMsg());
    }
  }
}

}  // namespace

// The overviews are averaged here rather than by the COG driver, which renders them through a temporary
// file and took longer than compressing the whole pyramid; the GTiff driver's COPY_SRC_OVERVIEWS then writes
// the same cloud-optimized layout (overviews first, tile leaders and trailers, the ghost header).
void write_float_cog(const std::filesystem::path& temporary, const RasterGrid& grid, const std::vector<float>& values,
                     double nodata, const std::string& unit, const RasterMetadata& metadata, Compression compression) {
  auto dataset = memory_raster(grid, GDT_Float32, const_cast<float*>(values.data()));  // only read
  GDALRasterBand* band = dataset->GetRasterBand(1);
  band->SetNoDataValue(nodata);
  band->SetUnitType(unit.c_str());
  set_metadata(*dataset, metadata);

  add_mean_overviews(*dataset, grid, values, float(nodata));
  GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  const std::string block = std::to_string(kBlockSize);
  const std::string block_x = "BLOCKXSIZE=" + block, block_y = "BLOCKYSIZE=" + block;
  // level 1 of either: the higher levels took twice the time for 3% less size on density surfaces
  // Predictor 2, not the floating-point 3: libtiff's byte shuffling for 3 took longer than Zstandard itself and
  // halved the write speed, for 13% fewer bytes on a Syria-wide density surface.
  const bool zstd = compression == Compression::Zstd;
  const char* options[] = {"TILED=YES", block_x.c_str(), block_y.c_str(), zstd ? "COMPRESS=ZSTD" : "COMPRESS=DEFLATE",
                           zstd ? "ZSTD_LEVEL=1" : "ZLEVEL=1", "PREDICTOR=2", "NUM_THREADS=ALL_CPUS",
                           "COPY_SRC_OVERVIEWS=YES", nullptr};
  GDALDatasetUniquePtr written(
      gtiff->CreateCopy(temporary.c_str(), dataset.get(), FALSE, const_cast<char**>(options), nullptr, nullptr));
  if (!written) throw std::runtime_error("cannot write " + temporary.string() + ": " + CPLGetLastErrorMsg());
}

std::filesystem::path write_category_cog(const std::filesystem::path& temporary, const RasterGrid& grid,
                                         const std::vector<std::uint8_t>& values, std::uint8_t nodata,
                                         const std::vector<RasterCategory>& categories, const RasterMetadata& metadata) {
  auto dataset = memory_raster(grid, GDT_Byte, const_cast<std::uint8_t*>(values.data()));  // only read
  GDALRasterBand* band = dataset->GetRasterBand(1);
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
