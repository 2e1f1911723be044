#include "io/atomic_file.hpp"
#include "io/interrupt_cleanup.hpp"

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
  forget_temporary(temporary);
  if (error) {
    // the rename's error is the one to give: removing the temporary must not overwrite it ("…: Success")
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw std::runtime_error("cannot write " + target.string() + ": " + error.message());
  }
}

AtomicFile::AtomicFile(std::filesystem::path target)
    : target_(std::move(target)), temporary_(temporary_path_for(target_)) {
  register_temporary(temporary_);
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
    forget_temporary(temporary_);
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

void require_writable_folder_for(const std::filesystem::path& target) {
  const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  if (!std::filesystem::is_directory(folder)) {
    throw std::runtime_error("cannot write " + target.string() + ": " + folder.string() +
                             (std::filesystem::exists(folder) ? " is not a folder" : ": the folder does not exist"));
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    throw std::runtime_error("cannot write " + target.string() + ": the folder " + folder.string() + " is not writable");
  }
}

StagedOutputs::~StagedOutputs() {
  if (committed_) return;
  std::error_code ignored;
  for (const auto& [temporary, target] : staged_) {
    std::filesystem::remove(temporary, ignored);
    forget_temporary(temporary);
  }
}

std::filesystem::path StagedOutputs::stage(const std::filesystem::path& target) {
  require_writable_folder_for(target);
  auto temporary = temporary_path_for(target);
  temporary += target.extension();
  std::error_code ignored;
  std::filesystem::remove(temporary, ignored);
  staged_.emplace_back(temporary, target);
  register_temporary(temporary);
  return temporary;
}


void StagedOutputs::stage_companion(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  staged_.emplace_back(temporary, target);
  register_temporary(temporary);
}

void StagedOutputs::commit() {
  for (const auto& [temporary, target] : staged_) {
    if (!std::filesystem::exists(temporary)) throw std::runtime_error("cannot write " + target.string() + ": nothing was written");
  }
  for (const auto& [temporary, target] : staged_) commit_temporary(temporary, target);
  committed_ = true;
}

}  // namespace conflictmap
