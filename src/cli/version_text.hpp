#pragma once
// What `conflictmap --version` prints, as `gdalinfo --version` and `pdal --version` do: the program, where its
// data is, the default gazetteer and the libraries it runs on.
#include <string>

namespace conflictmap::cli {

std::string version_text();

}  // namespace conflictmap::cli
