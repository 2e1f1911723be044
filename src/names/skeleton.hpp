#pragma once
// A script-independent consonant skeleton, the key that lets an Arabic query find a place known only by a Latin
// transliteration and the reverse.
//
// Arabic writes consonants and long vowels; transliterations write consonants and whatever vowels the writer
// heard. Both sides keep only consonant classes (ش and "sh" → C, خ and "kh" → X, ق/ك and q/k → K, …); vowels,
// ayn, hamza and medial waw/yeh vanish. "Tal Rifaat", "Tell Refaat" and "تل رفعت" all give "TLRFT".
#include <string>
#include <vector>

namespace conflictmap {

// From folded Latin words (see fold_latin_words).
std::string latin_skeleton(const std::vector<std::string>& folded_words);
// From normalised Arabic words (see arabic_words).
std::string arabic_skeleton(const std::vector<std::string>& arabic_words);

}  // namespace conflictmap
