#include "names/romanise.hpp"

#include <array>
#include <cstdint>

#include <unicode/utf8.h>

#include <algorithm>
#include <vector>
#include <string_view>

namespace conflictmap {

namespace {

// The Latin letters latin_normaliser folds each Arabic letter's transliterations to (q → k, o → u, e → i).
std::string_view latin_letters(UChar32 c, bool initial, bool final) {
  switch (c) {
    case 0x0627: return "a";                       // ا
    case 0x0628: return "b";                       // ب
    case 0x062A: case 0x0637: return "t";          // ت ط
    case 0x062B: return "th";                      // ث
    case 0x062C: return "j";                       // ج
    case 0x062D: return "h";                       // ح
    case 0x062E: return "kh";                      // خ
    case 0x062F: case 0x0636: return "d";          // د ض
    case 0x0630: return "dh";                      // ذ
    case 0x0631: return "r";                       // ر
    case 0x0632: case 0x0638: return "z";          // ز ظ
    case 0x0633: case 0x0635: return "s";          // س ص
    case 0x0634: return "sh";                      // ش
    case 0x0639: return initial ? "a" : "";        // ع: written a at the start ("Afrin"), else ' or nothing
    case 0x063A: return "gh";                      // غ
    case 0x0641: case 0x06A4: return "f";          // ف ڤ
    case 0x0642: case 0x0643: return "k";          // ق ك
    case 0x0644: return "l";                       // ل
    case 0x0645: return "m";                       // م
    case 0x0646: return "n";                       // ن
    case 0x0647: return final && !initial ? "a" : "h";  // ه, and the folded ta marbuta at the end
    case 0x0648: return initial ? "w" : "u";       // و
    case 0x064A: return initial ? "y" : "i";       // ي
    case 0x067E: return "p";
    case 0x0686: return "ch";
    case 0x0698: return "zh";
    case 0x06AF: return "g";
    default: return (c >= '0' && c <= '9') ? std::string_view("0123456789").substr(c - '0', 1) : "";
  }
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool is_soft(char c) { return is_vowel(c) || c == 'y' || c == 'w'; }

}  // namespace

std::string romanise_arabic(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto length = static_cast<int32_t>(word.size());
    int32_t i = 0;
    bool initial = true;
    while (i < length) {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      if (c < 0) continue;
      const auto letters = latin_letters(c, initial, i >= length);
      // a doubled letter is one sound in the folded alphabet too
      if (!letters.empty() && !(out.size() >= letters.size() && initial == false &&
                                std::string_view(out).substr(out.size() - letters.size()) == letters &&
                                !is_vowel(letters.front()))) {
        out += letters;
      }
      initial = false;
    }
  }
  return out;
}

double vowel_tolerant_similarity(std::string_view latin, std::string_view roman, double at_least) {
  const std::size_t longer = std::max(latin.size(), roman.size());
  if (latin == roman) return 1.0;
  // the cost of a letter one side has and the other lacks; `written` for the Arabic side's long vowels
  auto indel = [](std::string_view s, std::size_t i, bool written) {
    const char c = s[i];
    if (is_vowel(c)) return written ? 0.6 : 0.3;
    if (c == 'y' || c == 'w') return 0.4;
    if (c == 'h' && i > 0 && !is_soft(s[i - 1])) return 0.4;  // kh/k, th/t, sh/s
    if (i > 0 && s[i - 1] == c) return 0.3;                   // a doubled letter
    return 1.0;
  };
  // a half-vowel for a vowel ("tayri", "تيري" → "tiri") is a habit of spelling; a for i or u is a different
  // vowel, though one Arabic does not write. By letter class (0 consonant, 1 half-vowel, 2 vowel), so the
  // inner loop below looks the cost up.
  static constexpr double kUnlike[3][3] = {{1.0, 1.0, 1.0}, {1.0, 0.3, 0.3}, {1.0, 0.3, 0.5}};
  static const auto letter_class = [] {
    std::array<std::uint8_t, 256> classes{};
    for (const char c : std::string_view("aeiou")) classes[static_cast<unsigned char>(c)] = 2;
    for (const char c : std::string_view("yw")) classes[static_cast<unsigned char>(c)] = 1;
    return classes;
  }();
  auto substitute = [](char x, char y) {
    if (x == y) return 0.0;
    return kUnlike[letter_class[static_cast<unsigned char>(x)]][letter_class[static_cast<unsigned char>(y)]];
  };
  double stack_rows[2 * 64];
  std::vector<double> heap_rows;
  double* row = stack_rows;
  if (roman.size() + 1 > 64) {
    heap_rows.resize(2 * (roman.size() + 1));
    row = heap_rows.data();
  }
  // the Arabic side's costs once, not once per cell
  double* roman_indel = row + (roman.size() + 1);
  for (std::size_t j = 0; j < roman.size(); ++j) roman_indel[j] = indel(roman, j, true);
  row[0] = 0;
  for (std::size_t j = 1; j <= roman.size(); ++j) row[j] = row[j - 1] + roman_indel[j - 1];
  // Costs are never negative, so no row's cheapest cell is below the row before's: once it exceeds what
  // `at_least` allows, the answer is below it.
  const double budget = (1.0 - at_least) * static_cast<double>(longer) + 1e-9;
  for (std::size_t i = 1; i <= latin.size(); ++i) {
    double diagonal = row[0];
    const double extra_latin = indel(latin, i - 1, false);
    row[0] += extra_latin;
    double cheapest = row[0];
    for (std::size_t j = 1; j <= roman.size(); ++j) {
      const double above = row[j];
      row[j] = std::min({row[j] + extra_latin, row[j - 1] + roman_indel[j - 1],
                         diagonal + substitute(latin[i - 1], roman[j - 1])});
      cheapest = std::min(cheapest, row[j]);
      diagonal = above;
    }
    if (at_least > 0 && cheapest > budget) return 0.0;
  }
  const double similarity = std::max(0.0, 1.0 - row[roman.size()] / static_cast<double>(longer));
  return similarity < at_least ? 0.0 : similarity;
}

}  // namespace conflictmap
