#pragma once
// A subcommand: registers its typed, documented options on a CLI11 app, then runs.
#include <CLI/CLI.hpp>

#include <string>

namespace conflictmap::cli {

class Command {
 public:
  virtual ~Command() = default;
  // Adds the subcommand and its options to `parent`; returns the subcommand.
  virtual CLI::App* attach(CLI::App& parent) = 0;
  // Runs after parsing; returns the process exit status.
  virtual int run() = 0;
};

// Options every command shares.
struct CommonOptions {
  std::string gazetteer;  // empty: the embedded default
};

}  // namespace conflictmap::cli
