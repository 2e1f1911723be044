#include "io/data_location.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <system_error>

namespace conflictmap {

namespace {

std::filesystem::path executable_folder() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

std::vector<std::filesystem::path>& embedder_candidates() {
  static std::vector<std::filesystem::path> candidates;
  return candidates;
}

}  // namespace

void add_data_folder_candidate(const std::filesystem::path& folder) { embedder_candidates().push_back(folder); }

std::vector<std::filesystem::path> data_folder_candidates() {
  std::vector<std::filesystem::path> candidates;
  if (const char* env = std::getenv("CONFLICTMAP_DATA"); env && *env) candidates.emplace_back(env);
  for (const auto& folder : embedder_candidates()) candidates.push_back(folder);
  const auto bin = executable_folder();
  if (!bin.empty()) {
    candidates.push_back((bin / ".." / "share" / "conflictmap").lexically_normal());
    candidates.push_back(bin / "share" / "conflictmap");
  }
  return candidates;
}

std::filesystem::path data_folder() {
  // looked up once: the executable does not move while it runs
  struct Lookup {
    std::filesystem::path folder;
    std::string looked;
  };
  static const Lookup lookup = [] {
    Lookup result;
    for (const auto& candidate : data_folder_candidates()) {
      if (std::filesystem::is_directory(candidate / "gazetteer")) {
        result.folder = candidate;
        return result;
      }
      result.looked += (result.looked.empty() ? "" : ", ") + candidate.string();
    }
    return result;
  }();
  if (lookup.folder.empty()) {
    throw std::runtime_error("no conflictmap data folder (looked in " + lookup.looked +
                             "); set CONFLICTMAP_DATA to the installed share/conflictmap");
  }
  return lookup.folder;
}

std::filesystem::path data_path(std::string_view relative) { return data_folder() / relative; }

}  // namespace conflictmap
