#pragma once
// Words of a report with where they sit, folded so that lexicon phrases and names can be compared with them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/script.hpp"

namespace conflictmap {

// One bit per kind of lexicon phrase. 128 bits: the lexicon's kinds (triggers, words, actors) outgrew 64.
using KindMask = unsigned __int128;

struct Token {
  std::string form;         // folded: Latin lower-case without diacritics or apostrophes; Arabic as arabic_words
  std::string alt;          // Arabic: without a joined و ب ل ف ("وقرية" → "قريه"); else empty
  std::size_t begin = 0;    // byte offsets in the text
  std::size_t end = 0;
  bool capitalised = false; // Latin: written with a capital first letter
  Script script = Script::Latin;
  // Set by Lexicon::annotate: the phrases that start with this word (by form and alt), so the many lookups
  // a sentence makes hash each word once. `lexicon` says which lexicon filled them.
  const void* lexicon = nullptr;
  const std::vector<std::size_t>* phrases_by_form = nullptr;
  const std::vector<std::size_t>* phrases_by_alt = nullptr;
  KindMask phrase_kinds = 0;  // the kinds of all those phrases
  bool matches(std::string_view word) const { return form == word || (!alt.empty() && alt == word); }
};

// Splits text into word tokens. Punctuation separates words and is not a token.
std::vector<Token> tokenize(std::string_view text);

// The byte offsets of clause punctuation in text (, ; : ، ؛ and brackets), so callers can tell list items apart.
std::vector<std::size_t> clause_breaks(std::string_view text);

// Whether an Arabic word is written with the article, alone ("المدينة") or after a one-letter conjunction or
// preposition ("والبلدة", "بالقرية", "للقرية", where ل drops the article's alef): a settlement word with it refers
// back to a place, without it names the one that follows.
bool written_with_article(std::string_view word);

// One word folded as tokenize() folds it (for lexicon phrases).
std::vector<std::string> fold_phrase(std::string_view phrase);

}  // namespace conflictmap
