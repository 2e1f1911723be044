#pragma once
// Splits a location string as reports write it into the name to place and the context around it.
//
//   "village of Khirab Ashk in the Kobani countryside"  → head "Khirab Ashk", context near "Kobani"
//   "Sheikh Maqsod (Aleppo)"                           → head "Sheikh Maqsod", alternative/context "Aleppo"
//   "12 km north of Aleppo"                            → context: 12 km at bearing 0° from "Aleppo"
//   "قرية تل سوسين بريف حلب الشمالي"                    → head "تل سوسين", context north of "حلب"
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/place.hpp"
#include "core/script.hpp"

namespace conflictmap {

enum class SegmentRole {
  Head,         // a name the string is about
  Alternative,  // a bracketed or slashed name: another spelling of the head, or its parent place
  Context       // a place that locates the head: region, parent, or direction origin
};

struct LocationSegment {
  std::vector<std::string> words;      // key words (see key_words in name_keys.hpp)
  SegmentRole role = SegmentRole::Head;
  std::optional<double> bearing_deg;   // "north of X": the head lies at this bearing from X
  std::optional<double> distance_km;   // "12 km north of X"
  bool region = false;                 // "X countryside", "X district": the head is inside X's area
  bool countryside = false;            // the region was written as a countryside: "ريف X", "X countryside"
  bool near = false;                   // "outskirts of X", "near X" as the head: precision 2 at best
  // The direction word written right beside the name ("Eastern Ghouta", "عبلة غربي"), if the bearing came
  // from one. With no other name in the string, the word is part of the name, not a direction from it.
  int chunk = -1;                      // the clause (between commas, brackets, …) it was written in
  std::string direction_word;
  bool direction_leads = false;
};

struct ParsedLocation {
  Script script = Script::Latin;
  std::vector<std::string> words;         // every word of the text, in order (see key_words)
  std::vector<LocationSegment> segments;  // in text order
  std::optional<PlaceKind> kind_hint;     // from a qualifier such as "village" or "حي"
  int kind_hint_chunk = -1;               // the clause the qualifier was written in
  bool part_of_place = false;             // "X street", "X desert", "طريق X": at best near the place named
  bool street = false;                    // "X street", "شارع X": inside a town, often named after another place
  bool facility = false;                  // "X hospital", "X school", "X IDP camp": a thing in a town, often named
                                          // after another place
};

ParsedLocation parse_location(std::string_view text);

}  // namespace conflictmap
