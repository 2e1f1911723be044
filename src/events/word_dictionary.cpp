#include "events/word_dictionary.hpp"

#include <hunspell.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace conflictmap {

struct WordDictionary::Impl {
  Hunhandle* handle = nullptr;
  // Hunspell's lookups share state; the answers are remembered, since reports repeat their words
  mutable std::mutex mutex;
  mutable std::unordered_map<std::string, bool> answers;
};

WordDictionary::WordDictionary(const std::filesystem::path& stem) : impl_(std::make_unique<Impl>()) {
  const std::string aff = stem.string() + ".aff";
  const std::string dic = stem.string() + ".dic";
  for (const auto& file : {aff, dic}) {
    if (!std::filesystem::is_regular_file(file)) {
      throw std::runtime_error(file + ": the dictionary is missing (on Debian: apt install hunspell-ar, or set "
                               "CONFLICTMAP_ARABIC_DICTIONARY to another dictionary's path without .aff/.dic)");
    }
  }
  impl_->handle = Hunspell_create(aff.c_str(), dic.c_str());
  if (!impl_->handle) throw std::runtime_error(dic + ": cannot read the dictionary");
}

WordDictionary::~WordDictionary() {
  if (impl_ && impl_->handle) Hunspell_destroy(impl_->handle);
}

bool WordDictionary::knows(std::string_view word) const {
  if (word.empty()) return false;
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::string key(word);
  if (const auto it = impl_->answers.find(key); it != impl_->answers.end()) return it->second;
  if (impl_->answers.size() > (1u << 16)) impl_->answers.clear();
  const bool known = Hunspell_spell(impl_->handle, key.c_str()) != 0;
  impl_->answers.emplace(std::move(key), known);
  return known;
}

const WordDictionary& WordDictionary::arabic() {
  static const WordDictionary dictionary([] {
    const char* path = std::getenv("CONFLICTMAP_ARABIC_DICTIONARY");
    return std::filesystem::path(path && *path ? path : "/usr/share/hunspell/ar");
  }());
  return dictionary;
}

}  // namespace conflictmap
