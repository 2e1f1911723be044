#pragma once
// Tile images through GDAL's PNG and WebP drivers: RGBA or palette indices to bytes, and back.
#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace conflictmap {

enum class TileEncoding { Png, Webp };

using TilePalette = std::array<std::array<std::uint8_t, 4>, 256>;

// An RGBA image of at most 256 distinct colours as palette indices, the colours in order of first appearance
// (unused entries transparent black); none when it has more. Losslessly a quarter of the bytes to compress.
std::optional<std::pair<std::vector<std::uint8_t>, TilePalette>> as_paletted(const std::vector<std::uint8_t>& rgba);

// An RGBA image to PNG or WebP (lossless) bytes through GDAL's drivers. A PNG of at most 256 colours is
// written paletted (see as_paletted): the same pixels, encoded several times faster.
std::string encode_tile_image(const std::vector<std::uint8_t>& rgba, int width, int height, TileEncoding encoding);
// Palette indices to an 8-bit paletted PNG (with transparency), or to WebP via RGBA.
std::string encode_paletted_tile(const std::vector<std::uint8_t>& indices, const TilePalette& palette, int width,
                                 int height, TileEncoding encoding);
// PNG/WebP bytes back to RGBA (for checks and merges).
std::vector<std::uint8_t> decode_tile_image(const std::string& bytes, int& width, int& height);

}  // namespace conflictmap
