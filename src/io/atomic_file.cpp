#include "io/atomic_file.hpp"

#include <unistd.h>

#include <stdexcept>
#include <system_error>

namespace conflictmap {

std::filesystem::path temporary_path_for(const std::filesystem::path& target) {
  auto name = target.filename().string();
  return target.parent_path() / ("." + name + ".tmp." + std::to_string(::getpid()));
}

void commit_temporary(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  std::error_code error;
  std::filesystem::rename(temporary, target, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    throw std::runtime_error("cannot write " + target.string() + ": " + error.message());
  }
}

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)), temporary_(temporary_path_for(target_)) {
  stream_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!stream_) {
    throw std::runtime_error("cannot write " + target_.string() + ": the folder is missing or not writable");
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    stream_.close();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void AtomicFile::commit() {
  stream_.flush();
  const bool ok = static_cast<bool>(stream_);
  stream_.close();
  if (!ok) throw std::runtime_error("cannot write " + target_.string() + ": write failed (disk full?)");
  commit_temporary(temporary_, target_);
  committed_ = true;
}

}  // namespace conflictmap
