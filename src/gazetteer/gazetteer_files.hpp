#pragma once
// The gazetteer on disk: a folder with two tab-separated UTF-8 files that diff line by line.
//
//   places.tsv  id, kind, lat, lon, admin1, admin2, admin3, population, sources (comma-separated)
//   names.tsv   id, name, lang, source        (one line per name, in the place's order)
//
// Optional beside them: neighbours.tsv (unit, comma-separated P-codes of the units sharing its border),
// sources.tsv (tag, role: the sources whose role is "secondary", see Gazetteer::set_secondary_sources),
// admin.gpkg (admin boundaries) and BUILD.md (what each source contributed).
#include <filesystem>

#include "gazetteer/gazetteer.hpp"

namespace conflictmap {

// Throws InputError naming the file, line and field of anything malformed.
Gazetteer load_gazetteer(const std::filesystem::path& folder);
// Writes both files atomically; places are written in id order so reruns are byte-identical.
void save_gazetteer(Gazetteer gazetteer, const std::filesystem::path& folder);

// The folder used when a command gets no --gazetteer: $CONFLICTMAP_GAZETTEER, else the embedded Syria one.
std::filesystem::path default_gazetteer_folder();

}  // namespace conflictmap
