#pragma once
#include <string_view>

namespace conflictmap {

// Levenshtein distance over bytes (keys are ASCII skeletons or folded words).
int edit_distance(std::string_view a, std::string_view b);
// 1 - distance / longer length, in [0, 1]; 1 for two empty strings.
double edit_similarity(std::string_view a, std::string_view b);

}  // namespace conflictmap
