// `conflictmap gazetteer build|import|info`: compile a gazetteer from sources, any country's.
#include "cli/gazetteer_command.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/gazetteer_loader.hpp"
#include "gazetteer/gazetteer_build.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "gazetteer/spelling_training.hpp"
#include "io/atomic_file.hpp"
#include "io/interrupt_cleanup.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap::cli {

namespace {

// Every file is written into a staging folder inside the output first, and only once all are whole do they
// replace the folder's files; a file the new gazetteer has none of (an earlier import's admin.gpkg or
// neighbours.tsv, sources.tsv) goes, so that a folder never mixes two gazetteers, and a failed run leaves the old one whole.
void write_gazetteer(const GazetteerBuild& build, const std::filesystem::path& out) {
  std::filesystem::create_directories(out);
  const auto staging = temporary_path_for(out / "staging");
  struct RemoveStaging {
    std::filesystem::path folder;
    ~RemoveStaging() {
      std::error_code ignored;
      std::filesystem::remove_all(folder, ignored);
      forget_temporary(folder);
    }
  } remove_staging{staging};
  register_temporary(staging);
  std::filesystem::create_directories(staging);
  Gazetteer gazetteer = build.gazetteer;
  const std::size_t spelling_pairs = spelling_training_pairs(gazetteer, SpellingScript::Latin).size();
  gazetteer.set_spelling_costs(learn_gazetteer_spelling_costs(gazetteer));
  save_gazetteer(std::move(gazetteer), staging);
  if (!build.admin_layers.empty()) write_admin_package(build.admin_layers, staging / "admin.gpkg");
  AtomicFile report(staging / "BUILD.md");
  report.stream() << "# How this gazetteer was built\n\nWritten by `conflictmap gazetteer`; sources in priority order.\n\n"
                  << describe_build(build)
                  << fmt::format("\nSpelling costs (`spelling_costs.tsv`): learned from {} pairs of Latin spellings that one place is "
                                 "given, a tenth of places held out.\n", spelling_pairs);
  report.commit();
  // the staged files go with their folder if the run is interrupted before they are in place
  for (const auto& entry : std::filesystem::directory_iterator(staging)) register_temporary(entry.path());
  for (const char* name : {"places.tsv", "names.tsv", "neighbours.tsv", "sources.tsv", "spelling_costs.tsv", "admin.gpkg", "BUILD.md"}) {
    if (std::filesystem::exists(staging / name)) {
      commit_temporary(staging / name, out / name);
    } else {
      std::filesystem::remove(out / name);
    }
  }
  std::cerr << describe_build(build);
}

class GazetteerCommand : public Command {
 public:
  explicit GazetteerCommand(const CommonOptions& common) : common_(common) {}

  CLI::App* attach(CLI::App& parent) override {
    app_ = parent.add_subcommand("gazetteer", "Build, import or describe a gazetteer");
    app_->require_subcommand(1);

    build_ = app_->add_subcommand("build", "Compile a gazetteer from the sources a JSON manifest lists (see scripts/syria_sources.json)");
    build_->add_option("manifest", manifest_, "The JSON manifest")->required()->check(CLI::ExistingFile);
    build_->add_option("-o,--output", output_, "The folder to write places.tsv, names.tsv, admin.gpkg and BUILD.md to")->required();
    build_->add_option("--data-root", data_root_, "Where the manifest's source paths start (default: its data_root)");

    import_ = app_->add_subcommand("import", "Build a gazetteer for any country from OCHA P-code tables, COD-AB polygons or a GeoNames dump");
    import_->add_option("--format", format_, "ocha-pcodes (P-code table with coordinates), ocha-admin (COD-AB polygons), geonames (country dump)")
        ->required()->check(CLI::IsMember({"ocha-pcodes", "ocha-admin", "geonames"}));
    import_->add_option("files", files_, "Source files, merged in the order given")->required()->check(CLI::ExistingFile);
    import_->add_option("--admin-layer", admin_layers_, "COD-AB admin polygons to assign admin codes and to copy into admin.gpkg (repeatable, coarsest first)")
        ->check(CLI::ExistingFile);
    import_->add_option("--tag", tag_, "The source tag recorded with every name (default: the format)");
    import_->add_option("-o,--output", output_, "The folder to write the gazetteer to")->required();

    info_ = app_->add_subcommand("info", "Count a gazetteer's places by kind, and its places and names by source, and time its loading");
    return app_;
  }

  int run() override {
    if (build_->parsed()) {
      write_gazetteer(build_gazetteer_from_manifest(manifest_, data_root_), output_);
      return 0;
    }
    if (import_->parsed()) {
      nlohmann::json manifest;
      manifest["sources"] = nlohmann::json::array();
      const std::string tag = tag_.empty() ? format_ : tag_;
      for (const auto& layer : admin_layers_) {
        manifest["admin_layers"].push_back(std::filesystem::absolute(layer).string());
        manifest["sources"].push_back({{"tag", tag + "-admin"}, {"format", "ocha-admin"}, {"path", std::filesystem::absolute(layer).string()}});
      }
      for (const auto& file : files_) {
        manifest["sources"].push_back({{"tag", tag}, {"format", format_}, {"path", std::filesystem::absolute(file).string()}});
      }
      write_gazetteer(build_gazetteer(manifest, "/", "import"), output_);
      return 0;
    }
    return run_info();
  }

 private:
  int run_info() {
    const auto start = std::chrono::steady_clock::now();
    const Gazetteer gazetteer = load_selected_gazetteer(common_.gazetteer);
    const auto loaded = std::chrono::steady_clock::now();
    const Resolver resolver(gazetteer);
    const auto indexed = std::chrono::steady_clock::now();
    // per source: places it attests, places only it attests, names it gives
    struct SourceCounts {
      std::size_t places = 0, only = 0, names = 0;
    };
    std::map<std::string, std::size_t> kinds;
    std::map<std::string, SourceCounts> sources;
    for (const auto& place : gazetteer.places()) {
      ++kinds[std::string(to_string(place.kind))];
      for (const auto& source : place.sources) ++sources[source].places;
      if (place.sources.size() == 1) ++sources[place.sources.front()].only;
      for (const auto& name : place.names) ++sources[name.source].names;
    }
    std::cout << fmt::format("{} places, {} names\n", gazetteer.size(), gazetteer.name_count());
    for (const auto& [kind, count] : kinds) std::cout << fmt::format("  kind   {:<14} {}\n", kind, count);
    std::cout << fmt::format("  {:<27} {:>7} {:>11} {:>7}  role\n", "", "places", "only there", "names");
    for (const auto& [source, count] : sources) {
      std::cout << fmt::format("  source {:<20} {:>7} {:>11} {:>7}  {}\n", source, count.places, count.only, count.names,
                               gazetteer.secondary_sources().count(source) ? "secondary" : "primary");
    }
    using ms = std::chrono::duration<double, std::milli>;
    std::cout << fmt::format("load {:.1f} ms, index {:.1f} ms\n", ms(loaded - start).count(), ms(indexed - loaded).count());
    return 0;
  }

  const CommonOptions& common_;
  CLI::App* app_ = nullptr;
  CLI::App* build_ = nullptr;
  CLI::App* import_ = nullptr;
  CLI::App* info_ = nullptr;
  std::string manifest_, output_, data_root_, format_, tag_;
  std::vector<std::string> files_, admin_layers_;
};

}  // namespace

std::unique_ptr<Command> make_gazetteer_command(const CommonOptions& common) {
  return std::make_unique<GazetteerCommand>(common);
}

}  // namespace conflictmap::cli
