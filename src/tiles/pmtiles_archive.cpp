#include "tiles/pmtiles_archive.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

namespace conflictmap {

namespace {

constexpr std::size_t kHeaderSize = 127;
constexpr std::size_t kRootLimit = 16384 - kHeaderSize;

void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(char((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(char(value));
}

std::uint64_t get_varint(const std::string& bytes, std::size_t& at) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= bytes.size()) throw std::runtime_error("PMTiles directory ends inside a number");
    const auto byte = std::uint8_t(bytes[at++]);
    value |= std::uint64_t(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return value;
  }
  throw std::runtime_error("PMTiles directory holds an overlong number");
}

template <typename T>
void put_le(std::string& out, std::size_t at, T value) {
  for (std::size_t i = 0; i < sizeof(T); ++i) out[at + i] = char((std::uint64_t(value) >> (8 * i)) & 0xff);
}

template <typename T>
T get_le(const std::string& in, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) value |= std::uint64_t(std::uint8_t(in[at + i])) << (8 * i);
  return T(value);
}

std::int32_t e7(double degrees) { return std::int32_t(std::llround(degrees * 1e7)); }

// The root (and leaves, if the root alone would not fit) for these entries.
void directories_for(const std::vector<PmtilesEntry>& entries, std::size_t leaf_entries, std::string& root,
                     std::string& leaves) {
  leaves.clear();
  if (leaf_entries == 0) {
    root = encode_pmtiles_directory(entries);
    if (root.size() <= kRootLimit) return;
    leaf_entries = 4096;
  }
  while (true) {
    std::vector<PmtilesEntry> pointers;
    leaves.clear();
    for (std::size_t i = 0; i < entries.size(); i += leaf_entries) {
      const std::vector<PmtilesEntry> chunk(entries.begin() + long(i),
                                            entries.begin() + long(std::min(entries.size(), i + leaf_entries)));
      const std::string leaf = encode_pmtiles_directory(chunk);
      pointers.push_back({chunk.front().tile_id, leaves.size(), std::uint32_t(leaf.size()), 0});
      leaves += leaf;
    }
    root = encode_pmtiles_directory(pointers);
    if (root.size() <= kRootLimit) return;
    leaf_entries *= 2;
  }
}

}  // namespace

std::string encode_pmtiles_directory(const std::vector<PmtilesEntry>& entries) {
  std::string out;
  put_varint(out, entries.size());
  std::uint64_t last = 0;
  for (const auto& e : entries) {
    put_varint(out, e.tile_id - last);
    last = e.tile_id;
  }
  for (const auto& e : entries) put_varint(out, e.run_length);
  for (const auto& e : entries) put_varint(out, e.length);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0 && entries[i].offset == entries[i - 1].offset + entries[i - 1].length) {
      put_varint(out, 0);
    } else {
      put_varint(out, entries[i].offset + 1);
    }
  }
  return out;
}

std::vector<PmtilesEntry> decode_pmtiles_directory(const std::string& bytes) {
  std::size_t at = 0;
  const std::uint64_t count = get_varint(bytes, at);
  if (count > bytes.size()) throw std::runtime_error("PMTiles directory claims more entries than it has bytes");
  std::vector<PmtilesEntry> entries(count);
  std::uint64_t last = 0;
  for (auto& e : entries) e.tile_id = last += get_varint(bytes, at);
  for (auto& e : entries) e.run_length = std::uint32_t(get_varint(bytes, at));
  for (auto& e : entries) e.length = std::uint32_t(get_varint(bytes, at));
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::uint64_t value = get_varint(bytes, at);
    if (value == 0 && i > 0) {
      entries[i].offset = entries[i - 1].offset + entries[i - 1].length;
    } else {
      entries[i].offset = value - 1;
    }
  }
  return entries;
}

void PmtilesBuilder::add(TileAddress tile, std::string data) { tiles_.emplace_back(pmtiles_tile_id(tile), std::move(data)); }

std::string PmtilesBuilder::build(const PmtilesDescription& description, std::size_t leaf_entries) const {
  std::vector<const std::pair<std::uint64_t, std::string>*> ordered;
  for (const auto& tile : tiles_) ordered.push_back(&tile);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (std::size_t i = 1; i < ordered.size(); ++i) {
    if (ordered[i]->first == ordered[i - 1]->first) throw std::invalid_argument("a tile was added twice");
  }

  // Tile data in id order; identical contents stored once; consecutive identical tiles share one entry.
  std::string data;
  std::map<std::string_view, std::uint64_t> stored;
  std::vector<PmtilesEntry> entries;
  std::size_t contents = 0;
  for (auto* tile : ordered) {
    auto found = stored.find(tile->second);
    std::uint64_t offset;
    if (found != stored.end()) {
      offset = found->second;
    } else {
      offset = data.size();
      data += tile->second;
      stored.emplace(std::string_view(tile->second), offset);
      ++contents;
    }
    if (!entries.empty() && entries.back().offset == offset && entries.back().length == tile->second.size() &&
        entries.back().tile_id + entries.back().run_length == tile->first) {
      ++entries.back().run_length;
      continue;
    }
    entries.push_back({tile->first, offset, std::uint32_t(tile->second.size()), 1});
  }
  std::string root, leaves;
  directories_for(entries, leaf_entries, root, leaves);

  std::string header(kHeaderSize, '\0');
  std::memcpy(header.data(), "PMTiles", 7);
  header[7] = 3;
  const std::uint64_t root_offset = kHeaderSize;
  const std::uint64_t metadata_offset = root_offset + root.size();
  const std::uint64_t leaves_offset = metadata_offset + description.metadata_json.size();
  const std::uint64_t data_offset = leaves_offset + leaves.size();
  put_le<std::uint64_t>(header, 8, root_offset);
  put_le<std::uint64_t>(header, 16, root.size());
  put_le<std::uint64_t>(header, 24, metadata_offset);
  put_le<std::uint64_t>(header, 32, description.metadata_json.size());
  put_le<std::uint64_t>(header, 40, leaves_offset);
  put_le<std::uint64_t>(header, 48, leaves.size());
  put_le<std::uint64_t>(header, 56, data_offset);
  put_le<std::uint64_t>(header, 64, data.size());
  put_le<std::uint64_t>(header, 72, ordered.size());  // addressed tiles
  put_le<std::uint64_t>(header, 80, entries.size());
  put_le<std::uint64_t>(header, 88, contents);
  header[96] = 1;  // clustered
  header[97] = 1;  // internal compression: none
  header[98] = 1;  // tile compression: none (PNG and WebP are compressed already)
  header[99] = char(description.type);
  header[100] = char(description.min_zoom);
  header[101] = char(description.max_zoom);
  put_le<std::int32_t>(header, 102, e7(description.min_lon));
  put_le<std::int32_t>(header, 106, e7(description.min_lat));
  put_le<std::int32_t>(header, 110, e7(description.max_lon));
  put_le<std::int32_t>(header, 114, e7(description.max_lat));
  header[118] = char(description.center_zoom);
  put_le<std::int32_t>(header, 119, e7(description.center_lon));
  put_le<std::int32_t>(header, 123, e7(description.center_lat));
  return header + root + description.metadata_json + leaves + data;
}

PmtilesContents read_pmtiles(const std::string& archive) {
  if (archive.size() < kHeaderSize || archive.compare(0, 7, "PMTiles") != 0 || archive[7] != 3) {
    throw std::runtime_error("not a PMTiles v3 archive");
  }
  auto section = [&](std::size_t offset_at, std::size_t length_at) {
    const auto offset = get_le<std::uint64_t>(archive, offset_at), length = get_le<std::uint64_t>(archive, length_at);
    if (offset > archive.size() || length > archive.size() - offset) throw std::runtime_error("PMTiles section out of the file");
    return std::pair<std::uint64_t, std::uint64_t>{offset, length};
  };
  if (archive[97] != 1) throw std::runtime_error("PMTiles directories are compressed; only uncompressed ones are read");
  PmtilesContents contents;
  auto& d = contents.description;
  d.type = TileImageType(std::uint8_t(archive[99]));
  d.min_zoom = std::uint8_t(archive[100]);
  d.max_zoom = std::uint8_t(archive[101]);
  d.min_lon = get_le<std::int32_t>(archive, 102) / 1e7;
  d.min_lat = get_le<std::int32_t>(archive, 106) / 1e7;
  d.max_lon = get_le<std::int32_t>(archive, 110) / 1e7;
  d.max_lat = get_le<std::int32_t>(archive, 114) / 1e7;
  d.center_zoom = std::uint8_t(archive[118]);
  d.center_lon = get_le<std::int32_t>(archive, 119) / 1e7;
  d.center_lat = get_le<std::int32_t>(archive, 123) / 1e7;
  const auto [root_offset, root_length] = section(8, 16);
  const auto [metadata_offset, metadata_length] = section(24, 32);
  const auto [leaves_offset, leaves_length] = section(40, 48);
  const auto [data_offset, data_length] = section(56, 64);
  d.metadata_json = archive.substr(metadata_offset, metadata_length);
  // A damaged or hostile archive must not make the reader loop or grow without bound: each leaf directory is
  // read once, a run may not reach past the deepest zoom, and the tiles may not outnumber what the header
  // counts nor kMaxTilesRead.
  const std::uint64_t addressed = get_le<std::uint64_t>(archive, 72);  // 0: the writer did not count them
  const std::uint64_t tile_cap = addressed == 0 ? kMaxTilesRead : std::min(addressed, kMaxTilesRead);
  const std::uint64_t id_limit = pmtiles_tile_id({kMaxTileZoom, 0, 0}) + (std::uint64_t(1) << (2 * kMaxTileZoom));
  std::set<std::pair<std::uint64_t, std::uint32_t>> leaves_read;
  std::vector<PmtilesEntry> pending = decode_pmtiles_directory(archive.substr(root_offset, root_length));
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const PmtilesEntry e = pending[i];
    if (e.run_length == 0) {
      if (e.offset > leaves_length || e.length > leaves_length - e.offset) {
        throw std::runtime_error("PMTiles leaf directory out of its section");
      }
      if (!leaves_read.insert({e.offset, e.length}).second) throw std::runtime_error("PMTiles leaf directory referred to twice");
      auto leaf = decode_pmtiles_directory(archive.substr(leaves_offset + e.offset, e.length));
      pending.insert(pending.end(), leaf.begin(), leaf.end());
      continue;
    }
    if (e.offset > data_length || e.length > data_length - e.offset) throw std::runtime_error("PMTiles tile out of the data section");
    if (e.tile_id >= id_limit || e.run_length > id_limit - e.tile_id) throw std::runtime_error("PMTiles tile id beyond zoom 26");
    if (contents.tiles.size() + e.run_length > tile_cap) {
      throw std::runtime_error(fmt::format("PMTiles archive holds more tiles than its header counts ({}) or than are read "
                                           "whole ({})", addressed, kMaxTilesRead));
    }
    for (std::uint32_t r = 0; r < e.run_length; ++r) {
      contents.tiles.emplace_back(pmtiles_tile_address(e.tile_id + r), archive.substr(data_offset + e.offset, e.length));
    }
  }
  std::sort(contents.tiles.begin(), contents.tiles.end(), [](const auto& a, const auto& b) {
    return pmtiles_tile_id(a.first) < pmtiles_tile_id(b.first);
  });
  return contents;
}

}  // namespace conflictmap
