#include "cli/gazetteer_loader.hpp"

#include "gazetteer/gazetteer_files.hpp"

namespace conflictmap::cli {

Gazetteer load_selected_gazetteer(const std::string& folder) {
  return load_gazetteer(folder.empty() ? default_gazetteer_folder() : std::filesystem::path(folder));
}

}  // namespace conflictmap::cli
