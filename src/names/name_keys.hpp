#pragma once
// The comparable forms of one name, computed once for a gazetteer name and once for a query.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"
#include "core/script.hpp"

namespace conflictmap {

struct NameKeys {
  Script script = Script::Unknown;
  std::string folded;    // folded words joined by single spaces: equal folded forms are one spelling
  std::string skeleton;  // script-independent consonant classes (see skeleton.hpp)
  std::string compact;   // folded without spaces: "Kafr Nabl" and "Kafrnabl" compare equal; one byte per
                         // letter (Arabic letters as codes above 0x7F), to compare by edit distance
  std::string roman;     // Arabic only: compact in the folded Latin alphabet (see romanise.hpp)
  // the compact form in Latin letters, for comparing across scripts
  const std::string& latin_compact() const { return script == Script::Arabic ? roman : compact; }
  std::optional<PlaceKind> kind_hint;  // from a feature word that was removed ("Kuweires airbase")
  bool empty() const { return folded.empty(); }
};

// Splits a text into the words keys are made of: raw lower-case Latin words, or normalised Arabic words.
std::vector<std::string> key_words(std::string_view utf8, Script script);

NameKeys make_name_keys(std::string_view utf8);
// Keys of words from key_words(), for callers that cut spans out of a longer text. Qualifier words at the
// edges are dropped; with `strip_feature_words`, so are feature words, whose kind becomes the hint.
NameKeys make_name_keys_from_words(Script script, const std::vector<std::string>& words,
                                   bool strip_feature_words = false);

// Words joined by single spaces.
std::string join_words(const std::vector<std::string>& words);


}  // namespace conflictmap
