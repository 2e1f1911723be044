#pragma once
// Which gazetteer a command uses: --gazetteer, or the default folder.
#include <filesystem>
#include <string>

#include "gazetteer/gazetteer.hpp"

namespace conflictmap::cli {

// The folder --gazetteer names, or the default one when the option is empty.
std::filesystem::path selected_gazetteer_folder(const std::string& folder);
// Loads --gazetteer, or the default folder when the option is empty.
Gazetteer load_selected_gazetteer(const std::string& folder);

}  // namespace conflictmap::cli
