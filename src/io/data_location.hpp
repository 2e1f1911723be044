#pragma once
// Where the program finds its data (the gazetteer, lexicons, styles and web viewer) without any path compiled
// in, so that an installed or moved program works wherever it lands, as PROJ finds proj.db.
//
// The data folder is share/conflictmap beside the executable: <bin>/../share/conflictmap once installed, or
// <bin>/share/conflictmap in a build tree, where CMake links it to the source tree. It mirrors the source
// layout: gazetteer/syria, gazetteer/lexicons, gazetteer/styles, tiles/viewer. Each command's flag or
// environment variable (CONFLICTMAP_GAZETTEER, CONFLICTMAP_LEXICONS, CONFLICTMAP_STYLES, CONFLICTMAP_VIEWER)
// still comes first; CONFLICTMAP_DATA names another data folder as a whole.
#include <filesystem>
#include <string_view>
#include <vector>

namespace conflictmap {

// The data folder; throws std::runtime_error naming every place looked in when there is none.
std::filesystem::path data_folder();
// A path inside the data folder, e.g. data_path("gazetteer/syria").
std::filesystem::path data_path(std::string_view relative);
// Where data_folder looks, in order, for messages and --version.
std::vector<std::filesystem::path> data_folder_candidates();
// Another place to look, after CONFLICTMAP_DATA and before the executable's folders: a library embedding the
// engine (the Python module, whose executable is the interpreter) names the data folder beside itself. Must be
// called before the first data_folder().
void add_data_folder_candidate(const std::filesystem::path& folder);

}  // namespace conflictmap
