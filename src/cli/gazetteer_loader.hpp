#pragma once
#include <string>

#include "gazetteer/gazetteer.hpp"

namespace conflictmap::cli {

// Loads --gazetteer, or the default folder when the option is empty.
Gazetteer load_selected_gazetteer(const std::string& folder);

}  // namespace conflictmap::cli
