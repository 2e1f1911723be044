#include "resolve/context_anchor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include <cmath>

#include "resolve/location_vocabulary.hpp"

namespace conflictmap {

int admin_level_of(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::Governorate: return 1;
    case PlaceKind::District: return 2;
    case PlaceKind::Subdistrict: return 3;
    default: return 0;
  }
}

std::string bearing_name(double bearing) {
  static const char* kNames[] = {"north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"};
  return kNames[static_cast<int>(std::lround(bearing / 45.0)) % 8];
}

namespace {

bool names_countryside(std::string_view name) {
  Script script = words_script(name);
  const auto words = key_words(name, script);
  return std::any_of(words.begin(), words.end(), [](const std::string& word) { return is_countryside_word(word); });
}

// A place agrees with the regions already known when it is inside them or just across their line.
bool agrees_with(const Place& place, const std::vector<Anchor>& regions) {
  for (const auto& region : regions) {
    // Governorates and districts are named loosely ("Damascus" for Rural Damascus); a subdistrict is not.
    if (region.admin_level == 0 || (is_admin_unit(place.kind) && place.kind != PlaceKind::Subdistrict)) continue;
    const std::string& code = place.admin[region.admin_level - 1];
    if (code.empty() || code == region.admin_code) continue;
    if (region.point && distance_km(*region.point, {place.lat, place.lon}) <= 40) continue;
    return false;
  }
  return true;
}

}  // namespace

Anchor make_anchor(const LocationSegment& segment, const CandidateLookup& lookup, Script script,
                   const std::vector<Anchor>& regions, const std::unordered_map<std::string, std::size_t>& capitals) {
  Anchor anchor;
  anchor.bearing_deg = segment.bearing_deg;
  anchor.distance_km = segment.distance_km;
  anchor.weak_admin = segment.bearing_deg.has_value() && !segment.region;
  anchor.region = segment.region;
  anchor.label = join_words(segment.words);
  // A context word names a region or a town: prefer admin units and cities over villages of the same name.
  // Fuzzy matching only when no exact or normalised spelling gives a strong unit or town.
  std::vector<Candidate> candidates = lookup.candidates(segment.words, script, nullptr, 0.75, false);
  const Candidate* best_admin = nullptr;
  const Candidate* best_settlement = nullptr;
  double admin_score = 0, settlement_score = 0;
  for (int pass = 0; pass < 2; ++pass) {
  if (pass == 1) {
    if (admin_score >= 0.82 || settlement_score >= 0.88) break;
    candidates = lookup.candidates(segment.words, script, nullptr, 0.75, true);
    best_admin = best_settlement = nullptr;
    admin_score = settlement_score = 0;
  }
  for (const auto& c : candidates) {
    const Place& place = lookup.gazetteer.at(c.place);
    if (!agrees_with(place, regions)) continue;  // "Douma, eastern Ghouta" in Damascus: not a Ghouta elsewhere
    double score = c.score;
    if (admin_level_of(place.kind) > 0) {
      score += 0.02 * (4 - admin_level_of(place.kind));
      // "Rif Dimashq", "Damascus countryside": where a unit is named as the countryside of a town (ريف دمشق,
      // Rural Damascus), a countryside clause means that unit, not the town's own.
      if (segment.countryside && names_countryside(place.names[c.name].text)) score += 0.1;
      if (score > admin_score) {
        admin_score = score;
        best_admin = &c;
      }
    } else if (is_settlement(place.kind) || place.kind == PlaceKind::Region) {
      // A region ("X countryside", a governorate column) is named after a town, not a hamlet: "الجزيرة"
      // is the Jazira region, not the village called al-Jazira.
      if (segment.region && place.kind == PlaceKind::Village) continue;
      // a named region ("Douma, Eastern Ghouta") locates like a city: its places lie around its point
      if (place.kind == PlaceKind::City || place.kind == PlaceKind::Region) score += 0.04;
      if (place.kind == PlaceKind::Town) score += 0.02;
      score += 0.01 * std::min(1.0, std::log10(1.0 + place.population) / 6.0);
      if (score > settlement_score) {
        settlement_score = score;
        best_settlement = &c;
      }
    }
  }
  }
  // A context name must be spelled nearly as the gazetteer spells it: a near miss would move the head.
  if (admin_score < 0.82) best_admin = nullptr;
  if (settlement_score < 0.88) best_settlement = nullptr;
  // A bare village match only anchors when no admin unit of that name exists, and must be strong.
  if (best_admin && best_settlement && settlement_score + 0.05 < admin_score) best_settlement = nullptr;
  if (best_admin) {
    const Place& unit = lookup.gazetteer.at(best_admin->place);
    anchor.place = best_admin->place;
    anchor.admin_level = admin_level_of(unit.kind);
    anchor.admin_code = unit.id;
    anchor.point = LatLon{unit.lat, unit.lon};
    // ACLED places a governorate-level event at the governorate's capital; so do we
    if (const auto capital = capitals.find(unit.id); capital != capitals.end()) {
      const Place& city = lookup.gazetteer.at(capital->second);
      anchor.point = LatLon{city.lat, city.lon};
      anchor.capital = capital->second;
    }
    anchor.radius_km = anchor.admin_level == 1 ? 120 : anchor.admin_level == 2 ? 50 : 20;
  }
  if (best_settlement) {
    const Place& town = lookup.gazetteer.at(best_settlement->place);
    if (!best_admin) anchor.place = best_settlement->place;
    anchor.settlement = best_settlement->place;
    anchor.named_region = town.kind == PlaceKind::Region;
    anchor.point = LatLon{town.lat, town.lon};
    anchor.radius_km = segment.region ? 45 : (town.kind == PlaceKind::City || town.kind == PlaceKind::Region ? 30 : 15);
  }
  if (!best_admin && !best_settlement) anchor.point.reset();
  return anchor;
}

bool anchor_usable(const Anchor& a) { return a.point.has_value(); }

void apply_anchor(Candidate& c, const Place& place, const Anchor& anchor, const Gazetteer& neighbours,
                  ContextEffect& effect) {
  if (anchor.admin_level > 0) {
    const std::string& code = place.admin[anchor.admin_level - 1];
    if (place.id == anchor.admin_code) {
      effect.penalty *= 0.6;  // the head is not its own context
    } else if (code == anchor.admin_code) {
      effect.bonus += 0.05;
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "in {}; ", anchor.label);
    } else if (!code.empty()) {
      // Writers name the governorate loosely ("Damascus" for Rural Damascus), so a place just across the
      // line is only mildly doubted; one far from the unit is not what they meant.
      const double km = anchor.point ? distance_km(*anchor.point, {place.lat, place.lon}) : 1e9;
      const bool close = km <= 40 || (km <= 90 && neighbours.are_neighbours(anchor.admin_code, code));
      effect.penalty *= anchor.weak_admin || close || anchor.admin_level == 3 ? 0.88 : (anchor.region ? 0.7 : 0.6);
      c.outside_context = c.outside_context || !close;
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "outside {}; ", anchor.label);
    } else if (anchor.point && distance_km(*anchor.point, {place.lat, place.lon}) > anchor.radius_km) {
      effect.penalty *= 0.7;  // a place with no admin codes, far from the unit
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "far from {}; ", anchor.label);
    }
  }
  if (!anchor.point) return;
  const LatLon here{place.lat, place.lon};
  const double km = distance_km(*anchor.point, here);
  if (anchor.distance_km && anchor.bearing_deg) {
    const LatLon expected = destination(*anchor.point, *anchor.bearing_deg, *anchor.distance_km);
    const double off = distance_km(expected, here);
    const double tolerance = std::max(4.0, 0.5 * *anchor.distance_km);
    if (off <= tolerance) {
      effect.bonus += 0.06;
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "{:.0f} km from {} km {} of {}; ", off, *anchor.distance_km, bearing_name(*anchor.bearing_deg), anchor.label);
    } else if (off > 3 * tolerance) {
      effect.penalty *= 0.8;
    }
    return;
  }
  // Distance counts for a town named in the string ("X, Kobani", "Ar Raqqah: X"), not for a bare area.
  if (anchor.admin_level == 0 || anchor.bearing_deg || (anchor.settlement && !anchor.region)) {
    const double radius = anchor.radius_km;
    if (km <= radius) {
      effect.bonus += 0.03;
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "{:.0f} km from {}; ", km, anchor.label);
    } else if (km > 2 * radius) {
      effect.penalty *= std::max(0.6, 1.0 - (km - 2 * radius) / (6 * radius));
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "{:.0f} km from {}; ", km, anchor.label);
    }
  }
  if (anchor.bearing_deg && km > 2) {
    const double off = bearing_difference_deg(bearing_deg(*anchor.point, here), *anchor.bearing_deg);
    if (off <= 45) {
      effect.bonus += 0.03;
    } else if (off > 60) {
      effect.penalty *= off > 100 ? 0.75 : 0.85;
      if (effect.explain) fmt::format_to(std::back_inserter(c.reason), "not {} of {}; ", bearing_name(*anchor.bearing_deg), anchor.label);
    }
  }
}

int anchor_specificity(const Anchor& a) {
  if (a.settlement && !a.region) return 5;
  // a named region lies inside a governorate, and is wider than a subdistrict or a town
  if (a.named_region && !a.admin_level) return 4;
  if (a.admin_level > 0) return 1 + a.admin_level;
  return a.settlement ? 1 : 0;
}

}  // namespace conflictmap
