#pragma once
// Outputs appear whole or not at all: write beside the target, then rename over it.
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace conflictmap {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless commit() succeeded
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ofstream& stream() { return stream_; }
  const std::filesystem::path& temporary_path() const { return temporary_; }
  // Flushes, closes and renames; throws std::runtime_error when any step fails.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temporary_;
  std::ofstream stream_;
  bool committed_ = false;
};

// Several files that appear together or not at all (a raster, its style, its vector companion): each is
// written to its temporary path, and commit() renames them all once every one is finished.
class StagedOutputs {
 public:
  StagedOutputs() = default;
  ~StagedOutputs();  // removes every temporary unless commit() succeeded
  StagedOutputs(const StagedOutputs&) = delete;
  StagedOutputs& operator=(const StagedOutputs&) = delete;
  // The temporary path to write `target` to; it keeps the target's extension, which some drivers go by.
  std::filesystem::path stage(const std::filesystem::path& target);
  // A file a driver writes next to a staged one (GDAL's .aux.xml, say), to be renamed with it.
  void stage_companion(const std::filesystem::path& temporary, const std::filesystem::path& target);
  void commit();

 private:
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // temporary, target
  bool committed_ = false;
};

// Throws std::runtime_error naming the target unless its folder exists, is a folder and is writable.
void require_writable_folder_for(const std::filesystem::path& target);

// Renames a finished temporary path (a file GDAL wrote, say) over the target.
void commit_temporary(const std::filesystem::path& temporary, const std::filesystem::path& target);
std::filesystem::path temporary_path_for(const std::filesystem::path& target);

}  // namespace conflictmap
