#include "gazetteer/gazetteer_build.hpp"

#include <fmt/format.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "gazetteer/admin_adjacency.hpp"
#include "gazetteer/admin_assigner.hpp"
#include "gazetteer/region_source.hpp"
#include "gazetteer/source_readers.hpp"
#include "io/atomic_file.hpp"
#include "io/gdal_drivers.hpp"
#include "io/input_error.hpp"
#include "io/interrupt_cleanup.hpp"

namespace conflictmap {

namespace {

MergeMode parse_merge_mode(const std::string& text, const std::string& where) {
  if (text == "merge-or-add") return MergeMode::MergeOrAdd;
  if (text == "names-only") return MergeMode::NamesOnly;
  if (text == "by-id") return MergeMode::ById;
  throw InputError(where, 0, "merge", "unknown merge mode '" + text + "' (merge-or-add, names-only, by-id)");
}

PointTableLayout parse_layout(const nlohmann::json& source) {
  PointTableLayout layout;
  const std::string separator = source.value("separator", ",");
  layout.separator = separator == "\\t" || separator == "\t" ? '\t' : separator.at(0);
  layout.id_column = source.value("id", "");
  layout.prefix_ids = source.value("prefix_ids", true);
  for (const auto& pair : source.value("names", nlohmann::json::array())) {
    layout.name_columns.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
  }
  layout.name_split = source.value("name_split", "");
  layout.brackets_name_parent = source.value("brackets", "alternative") == "parent";
  layout.lat_column = source.value("lat", "");
  layout.lon_column = source.value("lon", "");
  layout.kind_column = source.value("kind_column", "");
  layout.kind = source.value("kind", "village");
  layout.report_bad_rows = source.value("report_bad_rows", false);
  if (source.contains("kinds")) layout.kind_map = source.at("kinds").get<std::map<std::string, std::string>>();
  if (source.contains("skip")) layout.skip = source.at("skip").get<std::map<std::string, std::vector<std::string>>>();
  if (source.contains("keep")) layout.keep = source.at("keep").get<std::map<std::string, std::vector<std::string>>>();
  layout.population_column = source.value("population", "");
  if (source.contains("admin")) {
    const auto admin = source.at("admin").get<std::vector<std::string>>();
    for (std::size_t n = 0; n < std::min<std::size_t>(3, admin.size()); ++n) layout.admin_columns[n] = admin[n];
  }
  return layout;
}

std::string admin_layer_name(const std::filesystem::path& layer) {
  register_gdal_drivers();
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(layer.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset) throw InputError(layer.string(), 0, "", "cannot open as a vector layer");
  OGRFeatureDefn* definition = dataset->GetLayer(0)->GetLayerDefn();
  for (int n = 4; n >= 0; --n) {
    if (definition->GetFieldIndex(fmt::format("adm{}_pcode", n).c_str()) >= 0) return fmt::format("admin{}", n);
  }
  return layer.stem().string();
}

}  // namespace

GazetteerBuild build_gazetteer(const nlohmann::json& manifest, const std::filesystem::path& data_root,
                               const std::string& manifest_name) {
  GazetteerBuild build;
  PlaceMerger merger;
  for (const auto& layer : manifest.value("admin_layers", nlohmann::json::array())) {
    build.admin_layers.push_back(data_root / layer.get<std::string>());
  }
  const auto& sources = manifest.at("sources");
  std::set<std::string> secondary;
  // Regions are placed from the settlements of their member units, so they wait until every settlement has
  // its admin codes.
  struct PendingRegions {
    std::string tag;
    std::filesystem::path path;
    std::vector<RegionRecord> regions;
  };
  std::vector<PendingRegions> pending_regions;
  const std::filesystem::path manifest_folder = std::filesystem::path(manifest_name).parent_path();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const auto& source = sources[i];
    const std::string where = fmt::format("{} (source {})", manifest_name, i + 1);
    const std::string tag = source.at("tag");
    const std::string format = source.at("format");
    // a table the project writes itself lives beside the manifest, not among the downloaded sources
    const std::string base = source.value("base", "data");
    if (base != "data" && base != "manifest") throw InputError(where, 0, "base", "unknown base '" + base + "' (data, manifest)");
    const auto path = (base == "manifest" ? manifest_folder : data_root) / source.at("path").get<std::string>();
    const auto mode = parse_merge_mode(source.value("merge", "merge-or-add"), where);
    const std::string role = source.value("role", "primary");
    if (role == "secondary") {
      secondary.insert(tag);
    } else if (role != "primary") {
      throw InputError(where, 0, "role", "unknown role '" + role + "' (primary, secondary)");
    }
    std::vector<SourceRecord> records;
    std::vector<std::string> rejected;
    if (format == "ocha-pcodes") {
      records = read_ocha_pcode_table(path, tag);
    } else if (format == "ocha-admin") {
      records = read_ocha_admin_layer(path, tag);
    } else if (format == "geonames") {
      records = read_geonames(path, tag);
    } else if (format == "points") {
      records = read_point_table(path, tag, parse_layout(source), &rejected);
    } else if (format == "regions") {
      pending_regions.push_back({tag, path, read_region_table(path, tag)});
      continue;
    } else {
      throw InputError(where, 0, "format",
                       "unknown format '" + format + "' (ocha-admin, ocha-pcodes, geonames, points, regions)");
    }
    auto report = merger.merge(tag, std::move(records), mode);
    report.tag = fmt::format("{} ({})", tag, path.filename().string());
    report.rejected = std::move(rejected);
    build.reports.push_back(report);
  }
  build.gazetteer = merger.take();
  build.gazetteer.set_secondary_sources(std::move(secondary));
  if (!build.admin_layers.empty()) {
    AdminAssigner assigner(build.admin_layers.back());
    build.admin_assigned = assigner.assign(build.gazetteer, &build.outside_admin);
    build.gazetteer.set_neighbours(find_admin_neighbours(build.admin_layers));
  }
  for (auto& pending : pending_regions) {
    MergeReport report;
    report.tag = fmt::format("{} ({})", pending.tag, pending.path.filename().string());
    report.records = pending.regions.size();
    for (auto& record : place_regions(std::move(pending.regions), build.gazetteer, pending.path.string())) {
      build.gazetteer.add(std::move(record.place));
      ++report.added;
    }
    build.reports.push_back(report);
  }
  return build;
}

GazetteerBuild build_gazetteer_from_manifest(const std::filesystem::path& manifest_file,
                                             const std::filesystem::path& data_root_override) {
  std::ifstream in(manifest_file);
  if (!in) throw InputError(manifest_file.string(), 0, "", "cannot open the manifest");
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& error) {
    throw InputError(manifest_file.string(), 0, "", std::string("not valid JSON: ") + error.what());
  }
  std::filesystem::path root = data_root_override;
  if (root.empty()) root = manifest_file.parent_path() / manifest.value("data_root", ".");
  return build_gazetteer(manifest, root, manifest_file.string());
}

void write_admin_package(const std::vector<std::filesystem::path>& layers, const std::filesystem::path& gpkg) {
  register_gdal_drivers();
  CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z");
  const auto temporary = temporary_path_for(gpkg.string() + ".gpkg").replace_extension(".gpkg");
  std::filesystem::remove(temporary);
  register_temporary(temporary);
  for (std::size_t i = 0; i < layers.size(); ++i) {
    std::unique_ptr<GDALDataset> source(
        GDALDataset::Open(layers[i].string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!source) throw InputError(layers[i].string(), 0, "", "cannot open as a vector layer");
    const std::string name = admin_layer_name(layers[i]);
    std::vector<std::string> args = {"-f", "GPKG", "-nln", name, "-nlt", "PROMOTE_TO_MULTI", "-lco", "SPATIAL_INDEX=YES"};
    if (i > 0) args.insert(args.begin(), "-update");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    GDALDatasetH source_handle = GDALDataset::ToHandle(source.get());
    int usage_error = 0;
    GDALDatasetH out = GDALVectorTranslate(temporary.string().c_str(), nullptr, 1, &source_handle, options, &usage_error);
    GDALVectorTranslateOptionsFree(options);
    if (!out) {
      std::filesystem::remove(temporary);
      forget_temporary(temporary);
      const std::string why = CPLGetLastErrorMsg();
      throw std::runtime_error("cannot write " + gpkg.string() + ": " +
                               (why.empty() ? "GDAL could not create the GeoPackage (is the folder writable?)" : why));
    }
    GDALClose(out);
  }
  CPLSetConfigOption("OGR_CURRENT_DATE", nullptr);
  commit_temporary(temporary, gpkg);
}

std::string describe_build(const GazetteerBuild& build) {
  std::string text =
      "| source | records | new places | merged | unmatched | rows left out |\n|---|---:|---:|---:|---:|---:|\n";
  for (const auto& r : build.reports) {
    text += fmt::format("| {} | {} | {} | {} | {} | {} |\n", r.tag, r.records, r.added, r.merged, r.unmatched,
                        r.rejected.size());
  }
  for (const auto& r : build.reports) {
    for (const auto& reason : r.rejected) text += fmt::format("\n- left out: {}", reason);
  }
  text += fmt::format("\n{} places, {} names; admin codes assigned by polygon to {} places ({} outside every polygon).\n",
                      build.gazetteer.size(), build.gazetteer.name_count(), build.admin_assigned, build.outside_admin);
  return text;
}

}  // namespace conflictmap
