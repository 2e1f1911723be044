#include "cli/gazetteer_loader.hpp"

#include "gazetteer/gazetteer_files.hpp"

namespace conflictmap::cli {

std::filesystem::path selected_gazetteer_folder(const std::string& folder) {
  return folder.empty() ? default_gazetteer_folder() : std::filesystem::path(folder);
}

Gazetteer load_selected_gazetteer(const std::string& folder) { return load_gazetteer(selected_gazetteer_folder(folder)); }

}  // namespace conflictmap::cli
