#pragma once
// `conflictmap tiles`, `merge-tiles` and `vector-tiles`: raster and vector tiles into a folder, MBTiles or PMTiles.
#include <memory>

#include "cli/command.hpp"

namespace conflictmap::cli {

std::unique_ptr<Command> make_tiles_command(const CommonOptions& common);
std::unique_ptr<Command> make_merge_tiles_command(const CommonOptions& common);
std::unique_ptr<Command> make_vector_tiles_command(const CommonOptions& common);

}  // namespace conflictmap::cli
