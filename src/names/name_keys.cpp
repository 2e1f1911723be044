#include "names/name_keys.hpp"

#include <unicode/utf8.h>

#include "names/arabic_normaliser.hpp"
#include "names/latin_normaliser.hpp"
#include "names/place_words.hpp"
#include "names/romanise.hpp"
#include "names/skeleton.hpp"

namespace conflictmap {

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

std::vector<std::string> key_words(std::string_view utf8, Script script) {
  return script == Script::Arabic ? arabic_words(utf8) : latin_words(utf8);
}

namespace {

// One byte per Arabic letter, so that edit distances count letters: in UTF-8 two letters may share a lead
// byte or not, and a substitution would cost one edit or two depending on where they sit in the table.
void append_arabic_letter_codes(std::string_view word, std::string& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0x0620 && c <= 0x065F) {
      out.push_back(static_cast<char>(0x80 + (c - 0x0620)));
    } else if (c >= 0x0660 && c < 0x0700) {
      out.push_back(static_cast<char>(0xC0 + (c - 0x0660) % 0x40));  // the rarer Persian and Kurdish letters
    } else if (c >= 0 && c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('?');
    }
  }
}

}  // namespace

NameKeys make_name_keys_from_words(Script script, const std::vector<std::string>& words, bool strip_feature_words) {
  NameKeys keys;
  keys.script = script;
  // Qualifiers only go from the edges, and never take the last word: "Hay" alone is still a name.
  auto strippable = [&](const std::string& word) {
    if (is_qualifier_word(word)) return true;
    if (!strip_feature_words) return false;
    if (auto kind = kind_of_feature_word(word)) {
      keys.kind_hint = kind;
      return true;
    }
    return false;
  };
  std::size_t first = 0;
  std::size_t last = words.size();
  while (last - first > 1 && strippable(words[first])) ++first;
  while (last - first > 1 && strippable(words[last - 1])) --last;
  if (first == last) return keys;
  const bool whole = first == 0 && last == words.size();
  std::vector<std::string> kept;
  if (!whole) kept.assign(words.begin() + static_cast<std::ptrdiff_t>(first), words.begin() + static_cast<std::ptrdiff_t>(last));
  const std::vector<std::string>& edges = whole ? words : kept;
  std::vector<std::string> latin;
  if (script != Script::Arabic) latin = fold_latin_words(edges);
  const std::vector<std::string>& final_words = script != Script::Arabic ? latin : edges;
  std::size_t length = 0;
  for (const auto& word : final_words) length += word.size() + 1;
  keys.folded.reserve(length);
  keys.compact.reserve(length);
  for (const auto& word : final_words) {
    if (!keys.folded.empty()) keys.folded.push_back(' ');
    keys.folded += word;
    if (script == Script::Arabic) {
      append_arabic_letter_codes(word, keys.compact);
    } else {
      keys.compact += word;
    }
  }
  keys.skeleton = script == Script::Arabic ? arabic_skeleton(final_words) : latin_skeleton(final_words);
  if (script == Script::Arabic) keys.roman = romanise_arabic(final_words);
  return keys;
}

NameKeys make_name_keys(std::string_view utf8) {
  Script script = words_script(utf8);
  return make_name_keys_from_words(script, key_words(utf8, script));
}

}  // namespace conflictmap
