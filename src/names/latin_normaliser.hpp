#pragma once
// Folds the many Latin transliterations of an Arabic place name onto one spelling.
//
// "Tell Refaat", "Tal Rifaat" and "Tall Rif'at" differ in ways no reader cares about: the generic word
// (tal/tell/tall), the article (al-, el-, ash-), apostrophes for ayn and hamza, vowel spellings (ou/u, ee/i,
// ei/ey, o/u, e/i), endings (-eh/-ah/-a) and doubled letters. Folding removes exactly these differences and keeps the rest,
// so that two folded strings are equal only when a person would call them the same spelling.
#include <string>
#include <string_view>
#include <vector>

namespace conflictmap {

// Lower-case ASCII words: diacritics stripped, apostrophes removed inside words, other punctuation splits.
std::vector<std::string> latin_words(std::string_view utf8);

// The folded form of each word; articles are dropped (unless a word would vanish entirely).
std::vector<std::string> fold_latin_words(const std::vector<std::string>& words);

// One folded word: generic words canonical, vowel spellings and endings unified, doubled letters single.
std::string fold_latin_word(std::string_view word);

bool is_latin_article(std::string_view word);

}  // namespace conflictmap
