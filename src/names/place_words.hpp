#pragma once
// Words around a name that say what kind of place it is ("village of", "airbase", "قرية", "مطار").
// They are matched on raw lower-case Latin words (before folding) and on normalised Arabic words.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"

namespace conflictmap {

// Settlement qualifiers that carry no part of the name: "village", "town", "حي", …
bool is_qualifier_word(std::string_view word);
// Feature words that name a kind and may be left out by writers: "airbase", "regiment", "مطار", …
std::optional<PlaceKind> kind_of_feature_word(std::string_view word);
// The settlement kind a qualifier implies, if any ("village" → Village, "حي" → Neighbourhood).
std::optional<PlaceKind> kind_of_qualifier(std::string_view word);
// Words that name a part of a village split in two ("Big", "Upper", "Eastern", "Kabir", "تحتاني", "الشرقي"):
// writers often name the whole.
bool is_part_word(std::string_view word);
// Landform words before a name ("Jabal Huweisis", "حرش الهبيط", "نبع عين الزرقا"): the feature is named
// after the village beside it, or the village after it.
bool is_landform_word(std::string_view word);
// The generic first words of names ("Kafr", "Tal", "Ayn", "كفر", "تل", "عين", …) in one spelling each: a word
// many places share, which says little about which place is meant.
const std::vector<std::string_view>& generic_name_words();
// The name without a part word at either edge or a landform word in front, or empty if it has none:
// "عبلة غربي" → "عبلة", "Jabal Huweisis" → "Huweisis".
std::vector<std::string> without_generic_edge(const std::vector<std::string>& words);

}  // namespace conflictmap
