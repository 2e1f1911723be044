#pragma once
// MBTiles 1.3 files (SQLite): tiles(zoom_level, tile_column, tile_row in TMS order, tile_data) and
// metadata(name, value). Written in `.NAME.partial` and renamed when finished, so a run can resume.
#include <filesystem>
#include <memory>

#include "tiles/tile_set.hpp"

namespace conflictmap {

std::unique_ptr<TileSink> open_mbtiles_sink(const std::filesystem::path& path);
TileSetContents read_mbtiles(const std::filesystem::path& path);

}  // namespace conflictmap
