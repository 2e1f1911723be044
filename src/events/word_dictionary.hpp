#pragma once
// Whether a word is a common word of its language, by a Hunspell dictionary (Debian's hunspell-ar for Arabic).
//
// Many Syrian villages bear ordinary words as names ("البداية", the Beginning; "مجموعة", a Group), and a
// larger gazetteer holds more of them. Arabic writes no capital, so extraction asks the dictionary: a single
// word that is also a word of the language needs a settlement word or a list of places to be read as a place.
#include <filesystem>
#include <memory>
#include <string_view>

namespace conflictmap {

class WordDictionary {
 public:
  // Opens `stem`.aff and `stem`.dic; throws std::runtime_error naming the file when either is missing.
  explicit WordDictionary(const std::filesystem::path& stem);
  ~WordDictionary();
  WordDictionary(const WordDictionary&) = delete;
  WordDictionary& operator=(const WordDictionary&) = delete;

  // True when the dictionary accepts the word as written (with its affixes). Safe from several threads.
  bool knows(std::string_view word) const;

  // The Arabic dictionary, opened on first use: CONFLICTMAP_ARABIC_DICTIONARY (a path without .aff/.dic) if
  // set, else /usr/share/hunspell/ar.
  static const WordDictionary& arabic();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace conflictmap
