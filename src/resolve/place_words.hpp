#pragma once
// Words around a name that say what kind of place it is ("village of", "airbase", "قرية", "مطار").
// They are matched on raw lower-case Latin words (before folding) and on normalised Arabic words.
#include <optional>
#include <string_view>

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

}  // namespace conflictmap
