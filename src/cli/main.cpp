// conflictmap: turns conflict reporting into maps. This file only wires the subcommands together.
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <vector>

#include "cli/control_command.hpp"
#include "cli/density_command.hpp"
#include "cli/extract_command.hpp"
#include "cli/gazetteer_command.hpp"
#include "cli/ingest_command.hpp"
#include "cli/process_exit.hpp"
#include "cli/resolve_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/tiles_command.hpp"
#include "cli/version_text.hpp"
#include "cli/web_command.hpp"
#include "io/input_error.hpp"
#include "io/interrupt_cleanup.hpp"

int main(int argc, char** argv) {
  using namespace conflictmap::cli;
  // a run stopped by Ctrl-C or a scheduler leaves no temporary behind, as a failed run leaves none
  conflictmap::install_interrupt_cleanup();
  CLI::App app{"conflictmap: place names, events, layers and tiles from conflict reporting"};
  app.set_version_flag("--version", [] { return version_text(); },
                       "Print the version, the data folder, the default gazetteer and the GDAL, GEOS and PROJ versions");
  app.require_subcommand(1);
  CommonOptions common;
  app.add_option("--gazetteer", common.gazetteer,
                 "Gazetteer folder (places.tsv, names.tsv); default: $CONFLICTMAP_GAZETTEER or the embedded Syria one")
      ->envname("CONFLICTMAP_GAZETTEER");

  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(make_resolve_command(common));
  commands.push_back(make_gazetteer_command(common));
  commands.push_back(make_extract_command(common));
  commands.push_back(make_ingest_command(common));
  commands.push_back(make_density_command(common));
  commands.push_back(make_control_command(common));
  commands.push_back(make_tiles_command(common));
  commands.push_back(make_merge_tiles_command(common));
  commands.push_back(make_vector_tiles_command(common));
  commands.push_back(make_web_command(common));
  commands.push_back(make_serve_command(common));
  std::vector<std::pair<CLI::App*, Command*>> attached;
  for (auto& command : commands) attached.emplace_back(command->attach(app), command.get());

  try {
    app.parse(argc, argv);
    for (auto& [sub, command] : attached) {
      if (sub->parsed()) exit_without_teardown(command->run());
    }
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const std::exception& error) {
    std::cerr << "conflictmap: error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
