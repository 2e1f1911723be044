#pragma once
// Which writing system a string is in, decided by its letters.
#include <string_view>

namespace conflictmap {

// Unknown: no letters, or mostly letters of another script (Cyrillic, Hebrew, …).
enum class Script { Latin, Arabic, Unknown };

Script detect_script(std::string_view utf8);
// The script a text's key words are read in (see key_words): its own, or Latin when no letter tells.
Script words_script(std::string_view utf8);
std::string_view to_string(Script script);
// True when some letter is Arabic (the Arabic block or its presentation forms), however few: cheaper than
// detect_script on a long text, for deciding whether Arabic resources are needed at all.
bool has_arabic_letters(std::string_view utf8);

// True when every byte sequence in `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

}  // namespace conflictmap
