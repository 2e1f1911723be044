#pragma once
// Folds Arabic-script spellings: diacritics, tatweel, alef and hamza forms, ta marbuta, alef maqsura and the
// article are the differences writers make without meaning a different name.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conflictmap {

// Normalised words in UTF-8, with the article ال removed from words long enough to keep a stem.
std::vector<std::string> arabic_words(std::string_view utf8);

// One normalised code point, or 0 to drop it; separators come back as U+0020.
char32_t fold_arabic_char(char32_t c);

std::string strip_arabic_article(std::string_view word);

// The joined conjunction or preposition (و ب ل ف) a folded word begins with, and the word after it with any
// article after that removed: "بريف" → {"ب", "ريف"}, "بالرضوانيه" → {"ب", "رضوانيه"}. Nothing when the word
// is too short to hold a prefix and a word. Whether the rest really is a word is the caller's to judge.
struct JoinedPrefix {
  std::string_view prefix;
  std::string_view rest;
};
std::optional<JoinedPrefix> split_joined_prefix(std::string_view folded_word);

}  // namespace conflictmap
