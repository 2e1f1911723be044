#pragma once
// How alike two spellings are: plain edit distance over bytes, and a weighted one over consonant skeletons.
#include <string_view>

namespace conflictmap {

// Levenshtein distance over bytes (keys are ASCII skeletons or folded words).
int edit_distance(std::string_view a, std::string_view b);
// 1 - distance / longer length, in [0, 1]; 1 for two empty strings.
double edit_similarity(std::string_view a, std::string_view b);

}  // namespace conflictmap

namespace conflictmap {

// Edit distance between consonant skeletons where the classes writers swap for one Arabic letter cost less:
// ذ is written z, d or dh (Z/D), ث th, s or t (T/S), ق q or g (K/G), خ kh or h (X/H), and a silent h or a
// consonantal w/y may be written or not. Two neighbouring consonants swapped count as one slip. With
// `arabic_letters` (both names written in Arabic), letters that differ only in their dots (ح ج, ب ت ن, ر ز,
// ف ق) cost less.
double skeleton_distance(std::string_view a, std::string_view b, bool arabic_letters = false);
// 1 - skeleton_distance / longer length, in [0, 1].
double skeleton_similarity(std::string_view a, std::string_view b, bool arabic_letters = false);

}  // namespace conflictmap
