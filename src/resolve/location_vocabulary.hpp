#pragma once
// The words that structure a location string rather than name a place, in English and Arabic: directions,
// distances, "countryside", prepositions, and nouns such as "school" or "market" that name no place.
#include <optional>
#include <string_view>

namespace conflictmap {

enum class WordClass { Name, Direction, Number, Distance, RegionWord, Outskirts, In, Near, Of, And, Stop, Skip };

struct Vocabulary {
  std::string_view word;
  WordClass cls;
  double bearing = 0;  // for Direction; for Stop, 1 marks a facility word, 2 a part of a place ("X street")
};

// Latin words are raw lower-case; Arabic words are normalised (ة→ه, article stripped from long words).
std::optional<Vocabulary> lookup_word(std::string_view word);

// "north", "شمال": a direction that governs the name after it ("X north of Y", "X جنوب Y"), unlike the
// adjectives "northern" and "شمالي", which qualify the name before them in Arabic ("ريف حلب الشمالي").
bool is_direction_preposition(std::string_view word);
// A region word that names a town's countryside ("ريف", "countryside", "rif", "rural"), as opposed to a
// district or a subdistrict: "ريف دمشق" may be a governorate of its own.
bool is_countryside_word(std::string_view word);

}  // namespace conflictmap
