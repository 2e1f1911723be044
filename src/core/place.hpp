#pragma once
// A place of the gazetteer: the core type every stage refers to. No I/O here.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conflictmap {

// Kinds a place can have. Admin levels use OCHA's Syria terms (admin1 = governorate, …) for every country.
enum class PlaceKind {
  Country, Governorate, District, Subdistrict,
  City, Town, Village, Neighbourhood, Camp,
  Airbase, Base, Hill, Facility, Landmark,
  Region,  // a named area that is no admin unit: a plain, a mountain range, an oasis ("Eastern Ghouta")
  Other
};

std::string_view to_string(PlaceKind kind);
std::optional<PlaceKind> place_kind_from_string(std::string_view text);
bool is_admin_unit(PlaceKind kind);
bool is_settlement(PlaceKind kind);
// Military and landmark features: a name shared with a village must not merge with it.
bool is_feature(PlaceKind kind);

struct PlaceName {
  std::string text;
  std::string lang;    // "en", "ar", "latn" (other Latin transliteration), …
  std::string source;  // source tag, e.g. "ocha", "geonames"
};

struct Place {
  std::string id;  // the P-code wherever one exists
  PlaceKind kind = PlaceKind::Other;
  double lat = 0.0;
  double lon = 0.0;
  std::array<std::string, 3> admin;  // admin1..admin3 P-codes, empty when unknown
  std::vector<PlaceName> names;
  std::vector<std::string> sources;
  long population = 0;

  // The name to show a person: the first English name, else the first name.
  const std::string& display_name() const;
  bool has_name(std::string_view text, std::string_view lang) const;
  void add_name(PlaceName name);
  void add_source(std::string_view source);
};

}  // namespace conflictmap
