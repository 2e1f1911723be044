#pragma once
// Where tiles go: a folder of z/x/y files, an MBTiles 1.3 database (TMS rows), or a PMTiles v3 archive.
// Each can tell which tiles it already holds, so an interrupted run resumes where it stopped: a folder keeps
// its finished files, MBTiles works in `.NAME.partial` and PMTiles stages tiles in `.NAME.parts/` until
// finish() renames or packs them into place.
#include <filesystem>
#include <memory>
#include <string>

#include "tiles/tile_set.hpp"

namespace conflictmap {

enum class TileContainer { Folder, Mbtiles, Pmtiles };
TileContainer tile_container_of(const std::filesystem::path& path);
// Throws std::runtime_error when the place cannot be written (a missing or read-only folder).
std::unique_ptr<TileSink> open_tile_sink(const std::filesystem::path& path, const std::string& extension);

// Every tile of a finished set, whichever container holds it.
TileSetContents read_tile_set(const std::filesystem::path& path);

}  // namespace conflictmap
