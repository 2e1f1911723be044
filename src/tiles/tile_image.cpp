#include "tiles/tile_image.hpp"

#include <gdal_priv.h>
#include <cpl_vsi.h>

#include <array>
#include <atomic>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <stdexcept>

#include "io/gdal_drivers.hpp"

namespace conflictmap {

namespace {

struct DatasetCloser {
  void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

std::atomic<unsigned> vsimem_counter{0};

// An in-memory image through one of GDAL's drivers (a file in /vsimem, read back and dropped).
std::string write_encoded(GDALDatasetH image, const char* driver_name, std::initializer_list<const char*> options) {
  GDALDriverH driver = GDALGetDriverByName(driver_name);
  if (!driver) throw std::runtime_error(std::string("GDAL has no ") + driver_name + " driver");
  const std::string name = "/vsimem/conflictmap_tile_" + std::to_string(vsimem_counter++);
  std::vector<const char*> list(options);
  list.push_back(nullptr);
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "NO");
  GDALDatasetH written = GDALCreateCopy(driver, name.c_str(), image, FALSE, const_cast<char**>(list.data()), nullptr, nullptr);
  CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nullptr);
  if (!written) throw std::runtime_error(std::string("cannot encode a tile: ") + CPLGetLastErrorMsg());
  GDALClose(written);
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(name.c_str(), &size, TRUE);
  std::string out(reinterpret_cast<const char*>(bytes), std::size_t(size));
  CPLFree(bytes);
  return out;
}

std::string write_png(GDALDatasetH image) { return write_encoded(image, "PNG", {"ZLEVEL=6"}); }

}  // namespace

std::optional<std::pair<std::vector<std::uint8_t>, TilePalette>> as_paletted(const std::vector<std::uint8_t>& rgba) {
  std::pair<std::vector<std::uint8_t>, TilePalette> out;
  auto& [indices, palette] = out;
  palette = {};
  indices.resize(rgba.size() / 4);
  // colour → index in a small open-addressed table (512 slots for at most 256 colours)
  std::array<std::uint32_t, 512> colours{};
  std::array<std::int16_t, 512> slots;
  slots.fill(-1);
  int used = 0;
  std::uint32_t last_colour = 0;
  int last_index = -1;
  for (std::size_t i = 0; i < indices.size(); ++i) {
    std::uint32_t colour;
    std::memcpy(&colour, rgba.data() + i * 4, 4);
    if (colour == last_colour && last_index >= 0) {  // runs of one colour are the common case
      indices[i] = static_cast<std::uint8_t>(last_index);
      continue;
    }
    std::size_t at = (colour * 0x9E3779B1u) >> 23;  // top 9 bits
    while (slots[at] >= 0 && colours[at] != colour) at = (at + 1) & 511;
    if (slots[at] < 0) {
      if (used == 256) return std::nullopt;
      slots[at] = static_cast<std::int16_t>(used);
      colours[at] = colour;
      std::memcpy(palette[used].data(), &colour, 4);
      ++used;
    }
    last_colour = colour;
    last_index = slots[at];
    indices[i] = static_cast<std::uint8_t>(last_index);
  }
  return out;
}

std::string encode_tile_image(const std::vector<std::uint8_t>& rgba, int width, int height, TileEncoding encoding) {
  if (encoding == TileEncoding::Png) {
    if (auto paletted = as_paletted(rgba)) return encode_paletted_tile(paletted->first, paletted->second, width, height, encoding);
  }
  register_gdal_drivers();
  GDALDriverH mem = GDALGetDriverByName("MEM");
  DatasetPtr image(GDALCreate(mem, "", width, height, 4, GDT_Byte, nullptr));
  if (GDALDatasetRasterIO(image.get(), GF_Write, 0, 0, width, height, const_cast<std::uint8_t*>(rgba.data()), width,
                          height, GDT_Byte, 4, nullptr, 4, 4 * width, 1) != CE_None) {
    throw std::runtime_error("cannot fill a tile image");
  }
  return encoding == TileEncoding::Png ? write_png(image.get()) : write_encoded(image.get(), "WEBP", {"LOSSLESS=YES"});
}

std::string encode_paletted_tile(const std::vector<std::uint8_t>& indices, const TilePalette& palette, int width,
                                 int height, TileEncoding encoding) {
  if (encoding == TileEncoding::Webp) {  // WebP has no palette mode in GDAL: expand
    std::vector<std::uint8_t> rgba(indices.size() * 4);
    for (std::size_t i = 0; i < indices.size(); ++i) std::copy(palette[indices[i]].begin(), palette[indices[i]].end(), rgba.begin() + long(i) * 4);
    return encode_tile_image(rgba, width, height, encoding);
  }
  register_gdal_drivers();
  DatasetPtr image(GDALCreate(GDALGetDriverByName("MEM"), "", width, height, 1, GDT_Byte, nullptr));
  GDALRasterBandH band = GDALGetRasterBand(image.get(), 1);
  if (GDALRasterIO(band, GF_Write, 0, 0, width, height, const_cast<std::uint8_t*>(indices.data()), width, height, GDT_Byte,
                   0, 0) != CE_None) {
    throw std::runtime_error("cannot fill a tile image");
  }
  // only the colours used, so the palette (and its transparency chunk) stays short
  int top = 0;
  for (const auto index : indices) top = std::max<int>(top, index);
  GDALColorTableH table = GDALCreateColorTable(GPI_RGB);
  for (int i = 0; i <= top; ++i) {
    const GDALColorEntry entry{palette[i][0], palette[i][1], palette[i][2], palette[i][3]};
    GDALSetColorEntry(table, i, &entry);
  }
  GDALSetRasterColorTable(band, table);
  GDALDestroyColorTable(table);
  return write_png(image.get());
}

std::vector<std::uint8_t> decode_tile_image(const std::string& bytes, int& width, int& height) {
  register_gdal_drivers();
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
  if (GDALColorTableH table = GDALGetRasterColorTable(GDALGetRasterBand(image.get(), 1)); table && bands == 1) {
    std::vector<std::uint8_t> indices(std::size_t(width) * height);
    if (GDALRasterIO(GDALGetRasterBand(image.get(), 1), GF_Read, 0, 0, width, height, indices.data(), width, height,
                     GDT_Byte, 0, 0) != CE_None) {
      throw std::runtime_error(std::string("cannot read a tile image: ") + CPLGetLastErrorMsg());
    }
    for (std::size_t i = 0; i < indices.size(); ++i) {
      const GDALColorEntry* entry = GDALGetColorEntry(table, indices[i]);
      const std::array<std::uint8_t, 4> colour{std::uint8_t(entry ? entry->c1 : 0), std::uint8_t(entry ? entry->c2 : 0),
                                              std::uint8_t(entry ? entry->c3 : 0), std::uint8_t(entry ? entry->c4 : 0)};
      std::copy(colour.begin(), colour.end(), rgba.begin() + long(i) * 4);
    }
    image.reset();
    VSIUnlink(name.c_str());
    return rgba;
  }
  for (int b = 0; b < std::min(bands, 4); ++b) {
    if (GDALRasterIO(GDALGetRasterBand(image.get(), b + 1), GF_Read, 0, 0, width, height, rgba.data() + b, width,
                     height, GDT_Byte, 4, 4 * width) != CE_None) {
      throw std::runtime_error(std::string("cannot read a tile image: ") + CPLGetLastErrorMsg());
    }
  }
  image.reset();
  VSIUnlink(name.c_str());
  return rgba;
}

}  // namespace conflictmap
