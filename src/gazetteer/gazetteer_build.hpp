#pragma once
// Compiles a gazetteer from the sources a JSON manifest lists, in priority order (see place_merger.hpp).
//
// {
//   "data_root": "../../shared/data",            // relative to the manifest; sources are relative to it
//   "admin_layers": ["…/admin1.shp", …],          // copied into admin.gpkg as layers admin1, admin2, …
//   "sources": [
//     {"tag": "ocha", "format": "ocha-pcodes", "path": "…", "merge": "merge-or-add"},
//     {"tag": "wikipedia-map", "format": "points", "path": "…", "separator": "\t", "id": "line_no",
//      "names": [["label", "en"]], "name_split": "/", "lat": "lat", "lon": "lon",
//      "kind_column": "feature", "kinds": {"": "village", "hill": "hill"}, "skip": {"commented": ["1"]}},
//     {"tag": "regions", "format": "regions", "base": "manifest", "path": "regions.tsv"}
//   ]
// }
// Formats: ocha-admin, ocha-pcodes, geonames, points, regions (see region_source.hpp; always added, never merged,
// after every other source). Merge modes: merge-or-add, names-only, by-id. "base": "manifest" reads a path
// relative to the manifest's folder instead of the data root.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/place_merger.hpp"

namespace conflictmap {

struct GazetteerBuild {
  Gazetteer gazetteer;
  std::vector<MergeReport> reports;
  std::size_t admin_assigned = 0;
  std::size_t outside_admin = 0;
  std::vector<std::filesystem::path> admin_layers;
};

GazetteerBuild build_gazetteer(const nlohmann::json& manifest, const std::filesystem::path& data_root,
                               const std::string& manifest_name);
GazetteerBuild build_gazetteer_from_manifest(const std::filesystem::path& manifest_file,
                                             const std::filesystem::path& data_root_override = {});

// Writes the admin polygons into one GeoPackage, a layer per file named after its deepest admin level.
// The GeoPackage carries a fixed timestamp, so rebuilding gives identical bytes.
void write_admin_package(const std::vector<std::filesystem::path>& layers, const std::filesystem::path& gpkg);

// A Markdown summary of what each source contributed.
std::string describe_build(const GazetteerBuild& build);

}  // namespace conflictmap
