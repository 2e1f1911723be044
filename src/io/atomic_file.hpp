#pragma once
// Outputs appear whole or not at all: write beside the target, then rename over it.
#include <filesystem>
#include <fstream>
#include <string>

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

// Renames a finished temporary path (a file GDAL wrote, say) over the target.
void commit_temporary(const std::filesystem::path& temporary, const std::filesystem::path& target);
std::filesystem::path temporary_path_for(const std::filesystem::path& target);

}  // namespace conflictmap
