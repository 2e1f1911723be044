#pragma once
// PMTiles v3 (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): one file of tiles a static
// host serves with range requests. Layout: a 127-byte header, the root directory (within the first 16 KiB),
// JSON metadata, leaf directories, then tile data in tile-id order (clustered). Identical tiles are stored
// once. Directories are uncompressed (internal compression "none"), which every reader accepts.
#include <cstdint>
#include <string>
#include <vector>

#include "tiles/web_mercator.hpp"

namespace conflictmap {

enum class TileImageType : std::uint8_t { Unknown = 0, Mvt = 1, Png = 2, Jpeg = 3, Webp = 4 };

struct PmtilesDescription {
  TileImageType type = TileImageType::Png;
  int min_zoom = 0, max_zoom = 0;
  double min_lon = -180, min_lat = -85, max_lon = 180, max_lat = 85;
  int center_zoom = 0;
  double center_lon = 0, center_lat = 0;
  std::string metadata_json = "{}";
};

struct PmtilesEntry {
  std::uint64_t tile_id = 0;
  std::uint64_t offset = 0;  // within the tile data (or the leaf section, for a leaf pointer)
  std::uint32_t length = 0;
  std::uint32_t run_length = 1;  // 0: a pointer to a leaf directory
};

// Tiles in, archive bytes out: add tiles in any order; build() sorts them by tile id.
class PmtilesBuilder {
 public:
  void add(TileAddress tile, std::string data);
  std::size_t size() const { return tiles_.size(); }
  // The whole archive. `leaf_entries` caps a leaf directory (tests force leaves with a small value).
  std::string build(const PmtilesDescription& description, std::size_t leaf_entries = 0) const;

 private:
  std::vector<std::pair<std::uint64_t, std::string>> tiles_;
};

// Directory bytes as the spec encodes them (varints, delta tile ids, offsets 0 when contiguous).
std::string encode_pmtiles_directory(const std::vector<PmtilesEntry>& entries);
std::vector<PmtilesEntry> decode_pmtiles_directory(const std::string& bytes);

// Reads an archive back: every tile with its address, expanding run lengths and leaf directories. Throws
// std::runtime_error on a malformed archive.
struct PmtilesContents {
  PmtilesDescription description;
  std::vector<std::pair<TileAddress, std::string>> tiles;  // in tile-id order
};
// An archive is read whole, so one that would expand to more tiles than this is refused (a z0–12 pyramid of the
// whole world has 22 million; a country's has far fewer).
constexpr std::uint64_t kMaxTilesRead = std::uint64_t(1) << 24;
PmtilesContents read_pmtiles(const std::string& archive);

}  // namespace conflictmap
