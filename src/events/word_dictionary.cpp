#include "events/word_dictionary.hpp"

#include <hunspell.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "core/text_hash.hpp"

namespace conflictmap {

struct WordDictionary::Impl {
  Hunhandle* handle = nullptr;
  // Hunspell's lookups share state, so they take turns; its answers are remembered per thread, since reports
  // repeat their words, and a remembered answer then costs no lock (extraction asks from every core at once)
  mutable std::mutex mutex;
  std::uint64_t serial = 0;  // tells this dictionary from a later one at the same address
};

namespace {
std::atomic<std::uint64_t> next_dictionary_serial{1};
}  // namespace

WordDictionary::WordDictionary(const std::filesystem::path& stem) : impl_(std::make_unique<Impl>()) {
  const std::string aff = stem.string() + ".aff";
  const std::string dic = stem.string() + ".dic";
  for (const auto& file : {aff, dic}) {
    if (!std::filesystem::is_regular_file(file)) {
      throw std::runtime_error(file + ": the dictionary is missing (on Debian: apt install hunspell-ar, or set "
                               "CONFLICTMAP_ARABIC_DICTIONARY to another dictionary's path without .aff/.dic)");
    }
  }
  impl_->serial = next_dictionary_serial++;
  impl_->handle = Hunspell_create(aff.c_str(), dic.c_str());
  if (!impl_->handle) throw std::runtime_error(dic + ": cannot read the dictionary");
}

WordDictionary::~WordDictionary() {
  if (impl_ && impl_->handle) Hunspell_destroy(impl_->handle);
}

bool WordDictionary::knows(std::string_view word) const {
  if (word.empty()) return false;
  struct Remembered {
    std::uint64_t dictionary = 0;
    std::unordered_map<std::string, bool, TextHash, std::equal_to<>> answers;
  };
  thread_local Remembered remembered;
  if (remembered.dictionary != impl_->serial) {  // another dictionary's answers (or none yet)
    remembered.dictionary = impl_->serial;
    remembered.answers.clear();
  }
  if (const auto it = remembered.answers.find(word); it != remembered.answers.end()) return it->second;
  if (remembered.answers.size() > (1u << 16)) remembered.answers.clear();
  std::string key(word);
  bool known = false;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    known = Hunspell_spell(impl_->handle, key.c_str()) != 0;
  }
  remembered.answers.emplace(std::move(key), known);
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
