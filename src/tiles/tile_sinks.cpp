#include "tiles/tile_sinks.hpp"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "io/delimited_table.hpp"
#include "tiles/mbtiles_file.hpp"
#include "tiles/pmtiles_archive.hpp"

namespace conflictmap {

namespace fs = std::filesystem;

namespace {



// z/x/y.EXT files; each written whole (temporary, then rename), so a killed run leaves only whole tiles.
class FolderSink : public TileSink {
 public:
  FolderSink(fs::path root, std::string extension) : root_(std::move(root)), extension_(std::move(extension)) {
    require_writable_folder_for(root_);
    fs::create_directories(root_);
  }
  bool has(TileAddress t) const override { return fs::exists(path_of(t)); }
  void put(TileAddress t, const std::string& data) override {
    const fs::path path = path_of(t);
    fs::create_directories(path.parent_path());
    AtomicFile file(path);
    file.stream().write(data.data(), std::streamsize(data.size()));
    file.commit();
  }
  void finish(const TileSetInfo& info) override {
    AtomicFile file(root_ / "tiles.json");
    file.stream() << tilejson_of(info).dump(2) << '\n';
    file.commit();
  }

 private:
  fs::path path_of(TileAddress t) const {
    return root_ / std::to_string(t.z) / std::to_string(t.x) / (std::to_string(t.y) + "." + extension_);
  }
  fs::path root_;
  std::string extension_;
};

// PMTiles needs every tile before it can write its directories: tiles wait in a staging folder.
class PmtilesSink : public TileSink {
 public:
  PmtilesSink(fs::path target, std::string extension)
      : target_(std::move(target)), extension_(extension),
        staging_(target_.parent_path() / ("." + target_.filename().string() + ".parts")) {
    require_writable_folder_for(target_);
    folder_ = std::make_unique<FolderSink>(staging_, extension_);
  }
  bool has(TileAddress t) const override { return folder_->has(t); }
  void put(TileAddress t, const std::string& data) override { folder_->put(t, data); }
  void finish(const TileSetInfo& info) override {
    folder_->finish(info);
    const TileSetContents staged = read_tile_set(staging_);
    PmtilesBuilder builder;
    for (const auto& [address, data] : staged.tiles) builder.add(address, data);
    PmtilesDescription description;
    description.type = info.format == "webp" ? TileImageType::Webp : TileImageType::Png;
    description.min_zoom = info.min_zoom;
    description.max_zoom = info.max_zoom;
    description.min_lon = info.lon_min;
    description.min_lat = info.lat_min;
    description.max_lon = info.lon_max;
    description.max_lat = info.lat_max;
    description.center_zoom = (info.min_zoom + info.max_zoom) / 2;
    description.center_lon = (info.lon_min + info.lon_max) / 2;
    description.center_lat = (info.lat_min + info.lat_max) / 2;
    nlohmann::ordered_json metadata = tilejson_of(info);
    metadata.erase("tiles");
    metadata.erase("scheme");
    description.metadata_json = metadata.dump();
    AtomicFile file(target_);
    const std::string archive = builder.build(description);
    file.stream().write(archive.data(), std::streamsize(archive.size()));
    file.commit();
    fs::remove_all(staging_);
  }

 private:
  fs::path target_;
  std::string extension_;
  fs::path staging_;
  std::unique_ptr<FolderSink> folder_;
};

TileSetContents read_folder(const fs::path& root) {
  TileSetContents contents;
  if (fs::exists(root / "tiles.json")) {
    contents.info = tile_set_info_from(nlohmann::json::parse(read_text_file((root / "tiles.json").string())));
  }
  for (const auto& z : fs::directory_iterator(root)) {
    if (!z.is_directory()) continue;
    for (const auto& x : fs::directory_iterator(z.path())) {
      if (!x.is_directory()) continue;
      for (const auto& y : fs::directory_iterator(x.path())) {
        const std::string stem = y.path().stem().string();
        if (y.path().filename().string().starts_with(".") || stem.empty()) continue;
        try {
          contents.tiles.push_back({{std::stoi(z.path().filename().string()), std::stoi(x.path().filename().string()), std::stoi(stem)},
                                    read_text_file(y.path().string())});
        } catch (const std::exception&) {
          throw std::runtime_error(y.path().string() + ": not a z/x/y tile");
        }
      }
    }
  }
  std::sort(contents.tiles.begin(), contents.tiles.end(),
            [](const auto& a, const auto& b) { return pmtiles_tile_id(a.first) < pmtiles_tile_id(b.first); });
  return contents;
}

}  // namespace

TileContainer tile_container_of(const fs::path& path) {
  const auto extension = path.extension().string();
  if (extension == ".mbtiles") return TileContainer::Mbtiles;
  if (extension == ".pmtiles") return TileContainer::Pmtiles;
  return TileContainer::Folder;
}

std::unique_ptr<TileSink> open_tile_sink(const fs::path& path, const std::string& extension) {
  switch (tile_container_of(path)) {
    case TileContainer::Mbtiles: return open_mbtiles_sink(path);
    case TileContainer::Pmtiles: return std::make_unique<PmtilesSink>(path, extension);
    case TileContainer::Folder: break;
  }
  return std::make_unique<FolderSink>(path, extension);
}

TileSetContents read_tile_set(const fs::path& path) {
  if (!fs::exists(path)) throw std::runtime_error(path.string() + ": no such tile set");
  switch (tile_container_of(path)) {
    case TileContainer::Mbtiles: return read_mbtiles(path);
    case TileContainer::Pmtiles: {
      const PmtilesContents archive = read_pmtiles(read_text_file(path.string()));
      TileSetContents contents;
      contents.info = tile_set_info_from(nlohmann::json::parse(archive.description.metadata_json));
      contents.tiles = archive.tiles;
      return contents;
    }
    case TileContainer::Folder: break;
  }
  return read_folder(path);
}

}  // namespace conflictmap
