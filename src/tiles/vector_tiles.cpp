#include "tiles/vector_tiles.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "io/delimited_table.hpp"
#include "io/gdal_drivers.hpp"
#include "tiles/pmtiles_archive.hpp"
#include "tiles/tile_sinks.hpp"

namespace conflictmap {

namespace fs = std::filesystem;

namespace {


// Writes the MVT dataset (folder or MBTiles) at `path`; returns the feature count.
std::size_t write_with_gdal(const std::vector<std::string>& sources, ZoomRange zooms, const fs::path& path,
                            const std::string& name, bool mbtiles, std::size_t& layers, std::size_t& skipped) {
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("MVT");
  if (!driver) throw std::runtime_error("GDAL has no MVT driver");
  CPLStringList options;
  options.SetNameValue("FORMAT", mbtiles ? "MBTILES" : "DIRECTORY");
  options.SetNameValue("MINZOOM", std::to_string(zooms.min).c_str());
  options.SetNameValue("MAXZOOM", std::to_string(zooms.max).c_str());
  options.SetNameValue("NAME", name.c_str());
  options.SetNameValue("DESCRIPTION", ("conflictmap vector tiles " + name).c_str());
  if (!mbtiles) options.SetNameValue("COMPRESS", "NO");
  GDALDatasetUniquePtr out(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, options.List()));
  if (!out) throw std::runtime_error("cannot write " + path.string() + ": " + CPLGetLastErrorMsg());
  std::size_t features = 0;
  for (const auto& source : sources) {
    GDALDatasetUniquePtr in(static_cast<GDALDataset*>(GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!in || in->GetLayerCount() < 1) throw std::runtime_error(source + ": cannot open as a vector source");
    OGRLayer* layer = in->GetLayer(0);
    const std::string layer_name = fs::path(source).stem().string();
    OGRLayer* target = out->CreateLayer(layer_name.c_str(), layer->GetSpatialRef(), layer->GetGeomType(), nullptr);
    if (!target) throw std::runtime_error("cannot add layer " + layer_name + ": " + CPLGetLastErrorMsg());
    OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) target->CreateField(definition->GetFieldDefn(i));
    std::size_t placed = 0;
    for (auto& feature : *layer) {
      if (!feature->GetGeometryRef()) {
        ++skipped;  // said in the summary: nothing is dropped unannounced
        continue;
      }
      ++placed;
      OGRFeature copy(target->GetLayerDefn());
      copy.SetFrom(feature.get(), TRUE);
      if (target->CreateFeature(&copy) != OGRERR_NONE) {
        throw std::runtime_error(source + ": feature " + std::to_string(feature->GetFID()) + " cannot be tiled: " + CPLGetLastErrorMsg());
      }
      ++features;
    }
    if (placed == 0) throw std::runtime_error(source + ": no feature has a geometry, so there is nothing to tile");
    ++layers;
  }
  out.reset();  // the driver builds the tiles on close
  return features;
}

}  // namespace

VectorTileSummary write_vector_tiles(const std::vector<std::string>& sources, ZoomRange zooms, const fs::path& output,
                                     const std::string& name) {
  register_gdal_drivers();
  require_writable_folder_for(output);
  VectorTileSummary summary;
  const TileContainer container = tile_container_of(output);
  // GDAL goes by the extension: the staging MBTiles keeps it
  const fs::path staging = output.parent_path() / ("." + output.filename().string() + ".staging" +
                                                   (container == TileContainer::Mbtiles ? ".mbtiles" : ""));
  fs::remove_all(staging);
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } cleanup{staging};
  if (container == TileContainer::Mbtiles) {
    summary.features = write_with_gdal(sources, zooms, staging, name, true, summary.layers, summary.skipped);
    commit_temporary(staging, output);
    return summary;
  }
  summary.features = write_with_gdal(sources, zooms, staging, name, false, summary.layers, summary.skipped);
  for (const auto& entry : fs::recursive_directory_iterator(staging)) summary.tiles += entry.path().extension() == ".pbf";
  if (container == TileContainer::Folder) {
    fs::remove_all(output);
    fs::rename(staging, output);
    return summary;
  }
  // PMTiles: the folder's tiles packed, with GDAL's metadata (vector_layers) as the archive's metadata
  PmtilesBuilder builder;
  double west = -180, south = -85, east = 180, north = 85;
  for (const auto& entry : fs::recursive_directory_iterator(staging)) {
    if (entry.path().extension() != ".pbf") continue;
    const fs::path relative = fs::relative(entry.path(), staging);
    auto part = relative.begin();
    const int z = std::stoi(part->string());
    const int x = std::stoi((++part)->string());
    const int y = std::stoi(entry.path().stem().string());
    builder.add({z, x, y}, read_text_file(entry.path().string()));
  }
  PmtilesDescription description;
  description.type = TileImageType::Mvt;
  description.min_zoom = zooms.min;
  description.max_zoom = zooms.max;
  description.metadata_json = fs::exists(staging / "metadata.json") ? read_text_file((staging / "metadata.json").string()) : "{}";
  // GDAL writes MBTiles-style metadata: "bounds" is the text "west,south,east,north"
  try {
    const auto metadata = nlohmann::json::parse(description.metadata_json);
    if (metadata.contains("bounds") && metadata["bounds"].is_string()) {
      std::sscanf(metadata["bounds"].get<std::string>().c_str(), "%lf,%lf,%lf,%lf", &west, &south, &east, &north);
    }
  } catch (const nlohmann::json::exception&) {
    throw std::runtime_error("GDAL wrote unreadable vector tile metadata");
  }
  description.min_lon = west;
  description.min_lat = south;
  description.max_lon = east;
  description.max_lat = north;
  description.center_zoom = zooms.min;
  description.center_lon = (west + east) / 2;
  description.center_lat = (south + north) / 2;
  AtomicFile file(output);
  const std::string archive = builder.build(description);
  file.stream().write(archive.data(), std::streamsize(archive.size()));
  file.commit();
  return summary;
}

}  // namespace conflictmap
