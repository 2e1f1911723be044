#include "resolve/resolver.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "resolve/location_parser.hpp"
#include "resolve/name_index.hpp"
#include "resolve/place_proximity.hpp"

namespace conflictmap {

namespace {

// A context clause placed on the map: the area or point the head must be in or near.
struct Anchor {
  std::size_t place = 0;
  int admin_level = 0;          // 1–3 when the anchor is an admin unit: candidates must share its P-code
  std::string admin_code;
  std::optional<LatLon> point;  // a settlement (or the unit's own point) to measure distance and bearing from
  double radius_km = 30;
  std::optional<double> bearing_deg;
  std::optional<double> distance_km;
  bool weak_admin = false;      // "north of Aleppo" may cross into the next governorate
  bool region = false;          // "Aleppo countryside", a governorate column: the area, not the town
  std::optional<std::size_t> settlement;  // the town the point belongs to, when one was matched
  std::optional<std::size_t> capital;     // for a governorate: its capital city
  std::string label;
};

// What context did to one candidate: penalties multiply, bonuses add up to a cap, so context can choose
// between equally named places but cannot make a weak name match look certain.
struct ContextEffect {
  double penalty = 1.0;
  double bonus = 0.0;
  static constexpr double kMaxBonus = 0.08;
  // Not clamped: ties at the top must still be broken by context and prominence; output clamps to [0, 1].
  double apply(double base) const { return base * penalty + std::min(bonus, kMaxBonus); }
};

int admin_level_of(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::Governorate: return 1;
    case PlaceKind::District: return 2;
    case PlaceKind::Subdistrict: return 3;
    default: return 0;
  }
}

std::string join_words(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

std::string bearing_name(double bearing) {
  static const char* kNames[] = {"north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"};
  return kNames[static_cast<int>(std::lround(bearing / 45.0)) % 8];
}

}  // namespace

Resolver::Resolver(const Gazetteer& gazetteer, ResolverOptions options)
    : gazetteer_(gazetteer), options_(options), index_(std::make_unique<NameIndex>(gazetteer)),
      proximity_(std::make_unique<PlaceProximity>(gazetteer)) {
  // The capital of a governorate is its one city (OCHA marks admin1 capitals).
  for (std::size_t i = 0; i < gazetteer.size(); ++i) {
    const Place& place = gazetteer.at(i);
    if (place.kind == PlaceKind::City && !place.admin[0].empty() && place.sources.front() != "geonames") {
      capitals_.emplace(place.admin[0], i);
    }
  }
}

Resolver::~Resolver() = default;

std::vector<std::size_t> Resolver::places_near(LatLon point, double radius_km) const {
  return proximity_->within(point, radius_km);
}

namespace {

struct Lookup {
  const NameIndex& index;
  const Gazetteer& gazetteer;

  std::vector<Candidate> candidates(const std::vector<std::string>& words, Script script,
                                    std::optional<PlaceKind>* kind_hint, double min_fuzzy = 0.6,
                                    bool fuzzy = true) const {
    auto keys = make_name_keys_from_words(script, words, true);
    if (keys.empty()) return {};
    if (kind_hint && keys.kind_hint) *kind_hint = keys.kind_hint;
    std::vector<Candidate> out;
    for (const auto& hit : index.lookup(keys, join_words(words), min_fuzzy, fuzzy)) {
      const auto& entry = index.entry(hit.entry);
      out.push_back({entry.place, gazetteer.at(entry.place).names[entry.name].text, hit.similarity, hit.match, {}});
    }
    return out;
  }
};

// A place agrees with the regions already known when it is inside them or just across their line.
bool agrees_with(const Place& place, const std::vector<Anchor>& regions) {
  for (const auto& region : regions) {
    if (region.admin_level == 0 || is_admin_unit(place.kind)) continue;
    const std::string& code = place.admin[region.admin_level - 1];
    if (code.empty() || code == region.admin_code) continue;
    if (region.point && distance_km(*region.point, {place.lat, place.lon}) <= 40) continue;
    return false;
  }
  return true;
}

Anchor make_anchor(const LocationSegment& segment, const Lookup& lookup, Script script,
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
      if (score > admin_score) {
        admin_score = score;
        best_admin = &c;
      }
    } else if (is_settlement(place.kind)) {
      // A region ("X countryside", a governorate column) is named after a town, not a hamlet: "الجزيرة"
      // is the Jazira region, not the village called al-Jazira.
      if (segment.region && place.kind == PlaceKind::Village) continue;
      if (place.kind == PlaceKind::City) score += 0.04;
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
    anchor.point = LatLon{town.lat, town.lon};
    anchor.radius_km = segment.region ? 45 : (town.kind == PlaceKind::City ? 30 : 15);
  }
  if (!best_admin && !best_settlement) anchor.point.reset();
  return anchor;
}

bool anchor_usable(const Anchor& a) { return a.point.has_value(); }

// How well a candidate sits with one anchor; notes why, for --json readers.
void apply_anchor(Candidate& c, const Place& place, const Anchor& anchor, const Gazetteer& neighbours,
                  ContextEffect& effect) {
  if (anchor.admin_level > 0) {
    const std::string& code = place.admin[anchor.admin_level - 1];
    if (place.id == anchor.admin_code) {
      effect.penalty *= 0.6;  // the head is not its own context
    } else if (code == anchor.admin_code) {
      effect.bonus += 0.05;
      c.reason += fmt::format("in {}; ", anchor.label);
    } else if (!code.empty()) {
      // Writers name the governorate loosely ("Damascus" for Rural Damascus), so a place just across the
      // line is only mildly doubted; one far from the unit is not what they meant.
      const double km = anchor.point ? distance_km(*anchor.point, {place.lat, place.lon}) : 1e9;
      const bool close = km <= 40 || (km <= 90 && neighbours.are_neighbours(anchor.admin_code, code));
      effect.penalty *= anchor.weak_admin || close || anchor.admin_level == 3 ? 0.88 : (anchor.region ? 0.7 : 0.6);
      c.outside_context = c.outside_context || !close;
      c.reason += fmt::format("outside {}; ", anchor.label);
    } else if (anchor.point && distance_km(*anchor.point, {place.lat, place.lon}) > anchor.radius_km) {
      effect.penalty *= 0.7;  // a place with no admin codes, far from the unit
      c.reason += fmt::format("far from {}; ", anchor.label);
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
      c.reason += fmt::format("{:.0f} km from {} km {} of {}; ", off, *anchor.distance_km, bearing_name(*anchor.bearing_deg), anchor.label);
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
      c.reason += fmt::format("{:.0f} km from {}; ", km, anchor.label);
    } else if (km > 2 * radius) {
      effect.penalty *= std::max(0.6, 1.0 - (km - 2 * radius) / (6 * radius));
      c.reason += fmt::format("{:.0f} km from {}; ", km, anchor.label);
    }
  }
  if (anchor.bearing_deg && km > 2) {
    const double off = bearing_difference_deg(bearing_deg(*anchor.point, here), *anchor.bearing_deg);
    if (off <= 45) {
      effect.bonus += 0.03;
    } else if (off > 60) {
      effect.penalty *= off > 100 ? 0.75 : 0.85;
      c.reason += fmt::format("not {} of {}; ", bearing_name(*anchor.bearing_deg), anchor.label);
    }
  }
}

Precision precision_of(const Place& place, bool near) {
  if (place.kind == PlaceKind::Governorate || place.kind == PlaceKind::District || place.kind == PlaceKind::Country) {
    return Precision::Region;
  }
  if (place.kind == PlaceKind::Subdistrict || near) return Precision::Near;
  return Precision::Place;
}

void finish_with_place(Resolution& r, const Place& place, const Candidate& c, Precision precision) {
  r.point = {place.lat, place.lon};
  r.place_id = place.id;
  r.place_name = place.display_name();
  r.score = std::clamp(c.score, 0.0, 1.0);
  r.match = c.match;
  r.precision = precision;
}

}  // namespace

Resolution Resolver::resolve(std::string_view text, const ResolveContext& context) const {
  Resolution r;
  r.query = std::string(text);
  const Lookup lookup{*index_, gazetteer_};
  const ParsedLocation parsed = parse_location(text);

  // Context given beside the string (a governorate column, --context) is resolved first; places named
  // inside the string must then agree with it.
  std::vector<Anchor> anchors;
  for (const auto& extra : context.texts) {
    if (extra.empty()) continue;
    const ParsedLocation parsed_context = parse_location(extra);
    for (const auto& segment : parsed_context.segments) {
      LocationSegment as_context = segment;
      as_context.role = SegmentRole::Context;
      as_context.region = true;  // a column or --context names an area the place is in
      auto anchor = make_anchor(as_context, lookup, parsed_context.script, {}, capitals_);
      if (anchor_usable(anchor)) anchors.push_back(std::move(anchor));
    }
  }
  const std::vector<Anchor> regions = anchors;
  // "Northern Sarha" and "Firazdaq - Arsalan Tash" are names as they stand: a string the gazetteer spells
  // whole is its own head before any reading of its parts.
  LocationSegment whole;
  whole.words = key_words(text, parsed.script);
  const bool spelled_whole = parsed.segments.size() > 1 || (parsed.segments.size() == 1 &&
                                                            parsed.segments[0].role != SegmentRole::Head);
  std::vector<const LocationSegment*> heads;
  if (spelled_whole && index_->knows_spelling(make_name_keys_from_words(parsed.script, whole.words))) {
    heads.push_back(&whole);
  }
  std::vector<const LocationSegment*> alternatives;
  for (const auto& segment : parsed.segments) {
    if (segment.role == SegmentRole::Head) heads.push_back(&segment);
    if (segment.role == SegmentRole::Alternative) alternatives.push_back(&segment);
    if (segment.role == SegmentRole::Context) {
      auto anchor = make_anchor(segment, lookup, parsed.script, regions, capitals_);
      if (anchor_usable(anchor)) anchors.push_back(std::move(anchor));
    }
  }

  for (const auto* alternative : alternatives) {
    // a parent in brackets also locates the head
    LocationSegment as_context = *alternative;
    as_context.role = SegmentRole::Context;
    auto anchor = make_anchor(as_context, lookup, parsed.script, regions, capitals_);
    if (anchor_usable(anchor)) anchors.push_back(std::move(anchor));
  }

  std::optional<PlaceKind> kind_hint = parsed.kind_hint;
  bool near = false;
  const LocationSegment* used_head = nullptr;
  // Candidates for the first head that yields any; alternatives add theirs (another spelling, or a parent).
  // Ranked with context, best per place. Fuzzy matching is the costly part, so it runs only when exact and
  // normalised matches leave no confident answer.
  auto rank = [&](bool fuzzy) {
    std::optional<PlaceKind> feature_hint;
    std::vector<Candidate> candidates;
    for (const auto* head : heads) {
      candidates = lookup.candidates(head->words, parsed.script, &feature_hint, 0.6, fuzzy);
      if (!candidates.empty() && candidates.front().score >= options_.guess_score) {
        used_head = head;
        near = head->near;
        break;
      }
    }
    for (const auto* alternative : alternatives) {
      for (auto& c : lookup.candidates(alternative->words, parsed.script, &feature_hint, 0.6, fuzzy)) {
        c.score -= 0.02;
        candidates.push_back(std::move(c));
      }
    }
    if (feature_hint) kind_hint = feature_hint;
    for (auto& c : candidates) {
      const Place& place = gazetteer_.at(c.place);
      ContextEffect effect;
      for (const auto& anchor : anchors) apply_anchor(c, place, anchor, gazetteer_, effect);
      if (!context.nearby.empty()) {
        const double km = PlaceProximity::nearest_km({place.lat, place.lon}, context.nearby);
        if (km <= 30) {
          effect.bonus += 0.04;
          c.reason += fmt::format("{:.0f} km from another place in the document; ", km);
        } else if (km > 150) {
          effect.penalty *= 0.92;
        }
      }
      if (kind_hint == PlaceKind::Neighbourhood) {
        // a neighbourhood lies inside the town it is named with
        for (const auto& anchor : anchors) {
          if (anchor.settlement && distance_km(*anchor.point, {place.lat, place.lon}) > 15) {
            effect.penalty *= 0.7;
            break;
          }
        }
      }
      if (kind_hint) {
        const bool feature_wanted = is_feature(*kind_hint);
        if (place.kind == *kind_hint) {
          effect.bonus += 0.04;
        } else if (feature_wanted != is_feature(place.kind)) {
          effect.penalty *= 0.9;
        }
      }
      if (is_admin_unit(place.kind)) effect.penalty *= 0.97;  // a bare name means the town more often than the unit
      // prominence only breaks near-ties: a city or a populous town is the likelier referent
      effect.bonus += 0.01 * std::min(1.0, std::log10(1.0 + place.population) / 6.0);
      if (place.kind == PlaceKind::City) effect.bonus += 0.01;
      if (place.kind == PlaceKind::Town) effect.bonus += 0.005;
      // a place several sources attest is the better-known of two namesakes
      effect.bonus += 0.004 * static_cast<double>(std::min<std::size_t>(3, place.sources.size() - 1));
      c.score = std::max(0.0, effect.apply(c.score));
    }
    std::unordered_map<std::size_t, std::size_t> best_of;
    std::vector<Candidate> unique;
    for (auto& c : candidates) {
      auto [it, inserted] = best_of.emplace(c.place, unique.size());
      if (inserted) {
        unique.push_back(std::move(c));
      } else if (c.score > unique[it->second].score) {
        unique[it->second] = std::move(c);
      }
    }
    std::sort(unique.begin(), unique.end(), [](const Candidate& a, const Candidate& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.place < b.place;
    });
    if (unique.size() > options_.max_candidates) unique.resize(options_.max_candidates);
    return unique;
  };
  std::vector<Candidate> unique = rank(false);
  if (unique.empty() || unique.front().score < options_.confident_score) unique = rank(true);
  r.candidates = unique;

  // The most specific anchor places an unknown name: a town named in the string, then the smallest unit.
  auto specificity = [](const Anchor& a) {
    if (a.settlement && !a.region) return 5;
    if (a.admin_level > 0) return 1 + a.admin_level;
    return a.settlement ? 1 : 0;
  };
  const Anchor* region = nullptr;
  for (const auto& anchor : anchors) {
    if (!region || specificity(anchor) > specificity(*region)) region = &anchor;
  }

  if (!unique.empty() && unique.front().score >= options_.confident_score) {
    const Candidate& best = unique.front();
    const Place& place = gazetteer_.at(best.place);
    // "Milabiya regiment" answered by the village of Milabiya: the named thing is near it, not it
    const bool feature_elsewhere = kind_hint && is_feature(*kind_hint) && !is_feature(place.kind);
    finish_with_place(r, place, best, precision_of(place, near || !used_head || feature_elsewhere));
    r.status = ResolutionStatus::Resolved;
    bool rivals_outside = false;
    for (std::size_t i = 1; i < unique.size(); ++i) {
      const Place& other = gazetteer_.at(unique[i].place);
      // the unit that holds the answer, or a place inside the unit that is the answer, is no rival
      const int other_level = admin_level_of(other.kind);
      const int place_level = admin_level_of(place.kind);
      if ((other_level > 0 && place.admin[other_level - 1] == other.id) ||
          (place_level > 0 && other.admin[place_level - 1] == place.id)) {
        continue;
      }
      if (unique[i].score >= best.score - 0.03 && distance_km({place.lat, place.lon}, {other.lat, other.lon}) > 10) {
        // Several same-named places, none in the region the context names: the region is the honest answer.
        if (best.outside_context && region) {
          rivals_outside = true;
          break;
        }
        r.status = ResolutionStatus::Ambiguous;
        r.score *= 0.85;
        r.note = fmt::format("{} fits nearly as well", other.display_name());
        break;
      }
    }
    if (!rivals_outside) return r;
  }
  if (region) {
    // Name the town when the context named one ("southeast of Hasaka"); the unit when it named an area.
    const bool use_town = region->settlement && (!region->region || region->bearing_deg || region->admin_level == 0);
    const std::size_t at = use_town ? *region->settlement : region->capital.value_or(region->place);
    const Place& place = gazetteer_.at(use_town || !region->capital ? at : region->place);
    r.status = ResolutionStatus::RegionOnly;
    r.match = MatchKind::Context;
    r.place_id = place.id;
    r.place_name = place.display_name();
    r.score = 0.5;
    r.point = {gazetteer_.at(at).lat, gazetteer_.at(at).lon};
    r.precision = use_town || region->admin_level == 3 ? Precision::Near : Precision::Region;
    if (region->bearing_deg && region->distance_km) {
      r.point = destination(*region->point, *region->bearing_deg, *region->distance_km);
      r.precision = Precision::Near;
      r.note = fmt::format("{} km {} of {}", *region->distance_km, bearing_name(*region->bearing_deg), region->label);
    } else {
      r.note = fmt::format("name not found; placed at its context '{}'", region->label);
    }
    return r;
  }
  if (!unique.empty() && unique.front().score >= options_.guess_score) {
    const Candidate& best = unique.front();
    const Place& place = gazetteer_.at(best.place);
    finish_with_place(r, place, best, precision_of(place, true));
    r.status = ResolutionStatus::Ambiguous;
    r.note = "weak match: a best guess";
    return r;
  }
  r.status = ResolutionStatus::Unresolved;
  r.note = unique.empty() ? "no place of a similar name" : "no candidate is close enough";
  return r;
}

}  // namespace conflictmap
