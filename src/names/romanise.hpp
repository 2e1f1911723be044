#pragma once
// Arabic names written in the folded Latin alphabet of latin_normaliser, so that an Arabic spelling and a
// transliteration can be compared letter by letter, vowels included: "عداما" → "adama" beside "A'dama"
// ("adama"), "كوباني" → "kubani" beside "Kobane" ("kubana").
#include <string>
#include <vector>

namespace conflictmap {

// Folded Arabic words (see arabic_words) as one compact Latin key. Arabic writes only long vowels, so the
// key lacks short ones; compare it with vowel_tolerant_similarity, which forgives that.
std::string romanise_arabic(const std::vector<std::string>& words);

// How alike a transliteration and a romanised Arabic name are: 1 - weighted edit distance / longer length.
// Arabic leaves short vowels unwritten, so a vowel in `latin` that `roman` lacks costs little; a long vowel
// `roman` writes but `latin` lacks costs more. Swapping vowels or the half-vowels y and w, an h after a
// consonant ("kh"/"k") and a doubled letter are cheap too: transliterators differ most in these.
// With `at_least`, a similarity below it is reported as 0: the comparison stops as soon as it cannot reach it.
double vowel_tolerant_similarity(std::string_view latin, std::string_view roman, double at_least = 0.0);

}  // namespace conflictmap
