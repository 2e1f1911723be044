#pragma once
// Folds Arabic-script spellings: diacritics, tatweel, alef and hamza forms, ta marbuta, alef maqsura and the
// article are the differences writers make without meaning a different name.
#include <string>
#include <string_view>
#include <vector>

namespace conflictmap {

// Normalised words in UTF-8, with the article ال removed from words long enough to keep a stem.
std::vector<std::string> arabic_words(std::string_view utf8);

// One normalised code point, or 0 to drop it; separators come back as U+0020.
char32_t fold_arabic_char(char32_t c);

std::string strip_arabic_article(std::string_view word);

}  // namespace conflictmap
