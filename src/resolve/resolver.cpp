#include "resolve/resolver.hpp"

#include <fmt/format.h>

#include <iterator>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <unordered_map>

#include "core/answer_memory.hpp"
#include "names/place_words.hpp"
#include "resolve/candidate_lookup.hpp"
#include "resolve/context_anchor.hpp"
#include "resolve/location_parser.hpp"
#include "resolve/name_index.hpp"
#include "resolve/place_proximity.hpp"

namespace conflictmap {

namespace {
std::atomic<std::uint64_t> next_serial{1};
}  // namespace

Resolver::Resolver(const Gazetteer& gazetteer, ResolverOptions options)
    : gazetteer_(gazetteer), options_(options), index_(std::make_unique<NameIndex>(gazetteer)),
      proximity_(std::make_unique<PlaceProximity>(gazetteer)), serial_(next_serial++) {
  facts_.reserve(gazetteer.size());
  for (const auto& place : gazetteer.places()) {
    PlaceFacts facts;
    facts.kind = place.kind;
    facts.official = place.id.find(':') == std::string::npos;
    facts.secondary = gazetteer.only_secondary(place);
    facts.population_term = 0.01 * std::min(1.0, std::log10(1.0 + static_cast<double>(place.population)) / 6.0);
    facts.sources_term = 0.004 * static_cast<double>(std::min<std::size_t>(3, place.sources.size() - 1));
    facts.point = {place.lat, place.lon};
    facts_.push_back(facts);
    first_name_.push_back(static_cast<std::uint32_t>(secondary_name_.size()));
    for (const auto& name : place.names) secondary_name_.push_back(gazetteer.secondary_sources().count(name.source) > 0);
  }
  // The capital of a governorate is its one city (OCHA marks admin1 capitals).
  for (std::size_t i = 0; i < gazetteer.size(); ++i) {
    const Place& place = gazetteer.at(i);
    if (place.kind == PlaceKind::City && !place.admin[0].empty() && place.sources.front() != "geonames") {
      capitals_.emplace(place.admin[0], i);
    }
  }
  // A governorate without a city of its own (Rural Damascus surrounds Damascus) is placed at its most
  // populous town, not at a point of its polygon that may lie in the desert.
  std::unordered_map<std::string, std::size_t> largest_town;
  for (std::size_t i = 0; i < gazetteer.size(); ++i) {
    const Place& place = gazetteer.at(i);
    if (place.kind != PlaceKind::Town || place.admin[0].empty() || place.population <= 0) continue;
    if (capitals_.count(place.admin[0])) continue;
    auto [it, fresh] = largest_town.try_emplace(place.admin[0], i);
    if (!fresh && place.population > gazetteer.at(it->second).population) it->second = i;
  }
  for (const auto& [unit, town] : largest_town) capitals_.emplace(unit, town);
}

Resolver::~Resolver() = default;

// Extraction asks this of every capitalised word and candidate span, and the same words recur from sentence
// to sentence: each thread remembers the answers for this resolver (a pure function of the words).
bool Resolver::knows_name(const std::vector<std::string>& words, Script script) const {
  thread_local AnswerMemory<bool> memory(1 << 14);
  std::string key(1, static_cast<char>(script));
  for (const auto& word : words) {
    key += word;
    key.push_back('\x1f');
  }
  return memory.get(serial_, key, [&] {
    const auto query = NameQuery::of(words, script);
    return !query.keys.empty() && index_->knows_spelling(query.keys);
  });
}

std::vector<std::size_t> Resolver::places_named(std::string_view text) const {
  // asked of every name a report mentions; names recur across reports (a pure function of the text)
  thread_local AnswerMemory<std::vector<std::size_t>> memory(1 << 13);
  return memory.get(serial_, text, [&] { return places_named_uncached(text); });
}

namespace {

// The place itself, by its spelling (exact or normalised, never fuzzy), read without context
bool placed_by_spelling(const Resolution& r, bool ambiguous_too) {
  const bool answered = r.status == ResolutionStatus::Resolved || (ambiguous_too && r.status == ResolutionStatus::Ambiguous);
  return answered && r.match != MatchKind::Fuzzy && r.precision == Precision::Place;
}

}  // namespace

Resolution Resolver::resolve_alone(std::string_view text) const {
  ResolveContext alone;
  alone.explain = false;
  return resolve(text, alone);
}

bool Resolver::places_by_spelling(std::string_view text) const {
  thread_local AnswerMemory<bool> memory(1 << 12);
  return memory.get(serial_, text, [&] { return placed_by_spelling(resolve_alone(text), false); });
}

bool Resolver::names_places_by_spelling(std::string_view text) const {
  thread_local AnswerMemory<bool> memory(1 << 12);
  return memory.get(serial_, text, [&] { return placed_by_spelling(resolve_alone(text), true); });
}

bool Resolver::names_region(std::string_view text) const {
  thread_local AnswerMemory<bool> memory(1 << 12);
  return memory.get(serial_, text, [&] {
    const Resolution r = resolve_alone(text);
    if (r.status != ResolutionStatus::Resolved || r.match == MatchKind::Fuzzy) return false;
    const auto place = gazetteer_.find(r.place_id);
    return place && gazetteer_.at(*place).kind == PlaceKind::Region;
  });
}

std::vector<std::size_t> Resolver::places_named_uncached(std::string_view text) const {
  Script script = words_script(text);
  const auto query = NameQuery::of(key_words(text, script), script);
  std::vector<std::size_t> places;
  if (query.keys.empty()) return places;
  for (const auto& hit : index_->lookup(query.keys, query.word_form, 0.9, false)) {
    if (hit.similarity < 0.9) continue;
    const auto place = index_->entry(hit.entry).place;
    if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
  }
  std::sort(places.begin(), places.end());
  return places;
}

std::vector<std::size_t> Resolver::places_near(LatLon point, double radius_km) const {
  return proximity_->within(point, radius_km);
}

namespace {

Precision precision_of(const Place& place, bool near) {
  if (place.kind == PlaceKind::Governorate || place.kind == PlaceKind::District || place.kind == PlaceKind::Country ||
      place.kind == PlaceKind::Region) {
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

Resolution Resolver::resolve_parsed(std::string_view text, const ParsedLocation& parsed,
                                    const ResolveContext& context) const {
  Resolution r;
  r.query = std::string(text);
  const CandidateLookup lookup{*index_, gazetteer_};

  // Context given beside the string (a governorate column, --context) is resolved first; places named
  // inside the string must then agree with it.
  // A batch gives the same context (a governorate column, a report's area) to many names: its anchors are
  // placed once per thread and reused.
  thread_local struct {
    std::uint64_t owner = 0;
    std::unordered_map<std::string, std::vector<Anchor>> anchors;
  } context_cache;
  if (context_cache.owner != serial_ || context_cache.anchors.size() > 256) {
    context_cache.owner = serial_;
    context_cache.anchors.clear();
  }
  std::string context_key;
  for (const auto& extra : context.texts) context_key += extra + '\x1f';
  auto [cached, fresh] = context.texts.empty() ? std::pair{context_cache.anchors.end(), false}
                                               : context_cache.anchors.try_emplace(context_key);
  if (fresh) {
    for (const auto& extra : context.texts) {
      if (extra.empty()) continue;
      // "ريف دمشق" and "Rural Damascus" name a governorate of their own, not the countryside of Damascus: a
      // context the gazetteer spells whole as an admin unit's name is that unit, before any reading of parts.
      Script context_script = words_script(extra);
      LocationSegment whole_unit;
      whole_unit.words = key_words(extra, context_script);
      const auto spelt = index_->places_spelt(join_words(whole_unit.words));
      if (std::any_of(spelt.begin(), spelt.end(), [&](std::uint32_t p) { return is_admin_unit(facts_[p].kind); })) {
        whole_unit.role = SegmentRole::Context;
        whole_unit.region = true;
        auto anchor = make_anchor(whole_unit, lookup, context_script, {}, capitals_);
        if (anchor_usable(anchor)) {
          cached->second.push_back(std::move(anchor));
          continue;
        }
      }
      const ParsedLocation parsed_context = parse_location(extra);
      for (const auto& segment : parsed_context.segments) {
        LocationSegment as_context = segment;
        as_context.role = SegmentRole::Context;
        as_context.region = true;  // a column or --context names an area the place is in
        auto anchor = make_anchor(as_context, lookup, parsed_context.script, {}, capitals_);
        if (anchor_usable(anchor)) cached->second.push_back(std::move(anchor));
      }
    }
  }
  std::vector<Anchor> anchors;
  if (!context.texts.empty()) anchors = cached->second;
  const std::vector<Anchor> regions = anchors;
  // "Northern Sarha" and "Firazdaq - Arsalan Tash" are names as they stand: a string the gazetteer spells
  // whole is its own head before any reading of its parts.
  LocationSegment whole;
  whole.words = parsed.words;
  // the whole string is one clause when every part of it is
  whole.chunk = std::all_of(parsed.segments.begin(), parsed.segments.end(),
                            [](const LocationSegment& s) { return s.chunk == 0; })
                    ? 0
                    : -1;
  const bool has_head = std::any_of(parsed.segments.begin(), parsed.segments.end(),
                                    [](const LocationSegment& s) { return s.role == SegmentRole::Head; });
  const bool parsed_apart = parsed.segments.size() > 1 || !has_head ||
                            parsed.segments.front().words.size() != whole.words.size();
  std::optional<NameQuery> whole_query;
  if (!whole.words.empty() && parsed_apart) whole_query = NameQuery::of(whole.words, parsed.script);
  const bool spelled_whole = whole_query && index_->knows_spelling(whole_query->keys);
  // A string of qualifiers only ("المزرعة", a village called the Farm) is a name too.
  const bool qualifiers_only = parsed.segments.empty() && !whole.words.empty();
  std::vector<const LocationSegment*> heads;
  if (spelled_whole || qualifiers_only) heads.push_back(&whole);
  std::vector<const LocationSegment*> alternatives;
  for (const auto& segment : parsed.segments) {
    if (segment.role == SegmentRole::Head) heads.push_back(&segment);
    if (segment.role == SegmentRole::Alternative) alternatives.push_back(&segment);
    // the parts of a name the gazetteer spells whole ("Eastern Rashidiyeh") locate nothing
    if (segment.role == SegmentRole::Context && !spelled_whole) {
      // "Douma, Eastern Ghouta": a direction the gazetteer spells as part of the context's name is that name
      // ("Eastern Ghouta", a region), not a bearing from the Ghouta
      LocationSegment named = segment;
      if (!segment.direction_word.empty() && !segment.distance_km) {
        named.words.insert(segment.direction_leads ? named.words.begin() : named.words.end(), segment.direction_word);
        if (index_->knows_spelling(NameQuery::of(named.words, parsed.script).keys)) {
          named.bearing_deg.reset();
        } else {
          named = segment;
        }
      }
      auto anchor = make_anchor(named, lookup, parsed.script, regions, capitals_);
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

  // every name is looked up with and without fuzzy matching: its keys are made once
  std::vector<NameQuery> head_queries;
  for (const auto* head : heads) {
    head_queries.push_back(head == &whole && whole_query ? *whole_query : NameQuery::of(head->words, parsed.script));
  }
  std::vector<NameQuery> alternative_queries;
  for (const auto* alternative : alternatives) alternative_queries.push_back(NameQuery::of(alternative->words, parsed.script));
  std::optional<PlaceKind> kind_hint = parsed.kind_hint;
  bool near = false;
  const LocationSegment* used_head = nullptr;
  // Candidates for the first head that yields any; alternatives add theirs (another spelling, or a parent).
  // Ranked with context, best per place. Fuzzy matching is the costly part, so it runs only when exact and
  // normalised matches leave no confident answer.
  bool spelt_closely = false;
  std::size_t namesakes = 0;
  auto rank = [&](bool fuzzy) {
    std::optional<PlaceKind> feature_hint;
    std::vector<Candidate> candidates;
    for (std::size_t h = 0; h < heads.size(); ++h) {
      candidates = lookup.candidates(head_queries[h], &feature_hint, 0.6, fuzzy);
      if (!candidates.empty() && candidates.front().score >= options_.guess_score) {
        used_head = heads[h];
        near = heads[h]->near;
        break;
      }
    }
    // "عبلة غربي" for the village of Abla, "Jabal Huweisis" beside Huweisis: the name without its generic
    // edge word, a little less likely than any spelling of the whole.
    const LocationSegment* main_head = used_head ? used_head : (heads.empty() ? nullptr : heads.front());
    if (main_head) {
      const auto stripped = without_generic_edge(main_head->words);
      // A part word names one half of a split village ("Bokros Foqani"): the whole village is only a
      // fallback. A landform is named after the village beside it, so that village always competes.
      const bool landform = is_landform_word(main_head->words.front());
      const bool unanswered = candidates.empty() || candidates.front().score < options_.confident_score;
      if (!stripped.empty() && (landform || unanswered)) {
        for (auto& c : lookup.candidates(stripped, parsed.script, nullptr, 0.6, fuzzy)) {
          c.score -= 0.08;
          candidates.push_back(std::move(c));
        }
      }
    }
    for (const auto& alternative : alternative_queries) {
      for (auto& c : lookup.candidates(alternative, &feature_hint, 0.6, fuzzy)) {
        c.score -= 0.02;
        candidates.push_back(std::move(c));
      }
    }
    if (feature_hint) kind_hint = feature_hint;
    std::vector<double> by_names;
    by_names.reserve(candidates.size());
    for (auto& c : candidates) {
      const PlaceFacts& facts = facts_[c.place];
      ContextEffect effect;
      effect.explain = context.explain;
      for (const auto& anchor : anchors) apply_anchor(c, gazetteer_.at(c.place), anchor, gazetteer_, effect);
      if (!context.nearby.empty()) {
        const double km = PlaceProximity::nearest_km(facts.point, context.nearby);
        if (km <= 30) {
          effect.bonus += 0.04;
          if (context.explain) fmt::format_to(std::back_inserter(c.reason), "{:.0f} km from another place in the document; ", km);
        } else if (km > 150) {
          effect.penalty *= 0.92;
        }
      }
      if (kind_hint == PlaceKind::Neighbourhood) {
        // "حي طريق الباب", the Bab Road quarter of Aleppo, is not the town of Al Bab: a quarter named like
        // a village or town is seldom that place, and when unknown, the city the context names is the answer
        const bool qualifies_head = used_head && used_head->chunk == parsed.kind_hint_chunk;
        if (qualifies_head && facts.kind != PlaceKind::Neighbourhood) effect.penalty *= 0.8;
        // a neighbourhood lies inside the town it is named with
        for (const auto& anchor : anchors) {
          if (anchor.settlement && distance_km(*anchor.point, facts.point) > 15) {
            effect.penalty *= 0.7;
            break;
          }
        }
      }
      if (kind_hint) {
        const bool feature_wanted = is_feature(*kind_hint);
        if (facts.kind == *kind_hint) {
          effect.bonus += 0.04;
        } else if (feature_wanted != is_feature(facts.kind)) {
          effect.penalty *= 0.9;
        }
      }
      if (is_admin_unit(facts.kind)) effect.penalty *= 0.97;  // a bare name means the town more often than the unit
      // prominence only breaks near-ties: a city or a populous town is the likelier referent
      effect.bonus += facts.population_term;
      // a named region ("Qalamoun") is known as widely as a city, far more than a hamlet that shares its name
      if (facts.kind == PlaceKind::City || facts.kind == PlaceKind::Region) effect.bonus += 0.01;
      if (facts.kind == PlaceKind::Town) effect.bonus += 0.005;
      // a place several sources attest is the better-known of two namesakes
      effect.bonus += facts.sources_term;
      // an official P-code place over a map mark of the same name, other things equal
      if (facts.official) effect.bonus += 0.003;
      // a hamlet only a secondary source knows is seldom the place a report means when a namesake the main
      // sources know fits as well
      if (facts.secondary) effect.penalty *= 0.95;
      constexpr double kWeakFuzzy = 0.65;
      const double by_name = c.score;
      by_names.push_back(by_name);
      if (c.match != MatchKind::Fuzzy && by_name >= 0.9) spelt_closely = true;
      c.score = std::max(0.0, effect.apply(c.score));
      // Context ranks guesses but does not vouch for them: a distant spelling stays a guess however well it
      // sits ("كفر بطونة" near Aleppo is not Kafr Tunah, one consonant short).
      if (c.match == MatchKind::Fuzzy && by_name < kWeakFuzzy) {
        c.score = std::min(c.score, options_.confident_score - 0.001);
      }
      // and a respelling of a name that one secondary source romanised is two guesses in a row: a candidate,
      // never a confident answer ("Alnashwa" is not the hamlet of Nishwah); so is a distant spelling of a
      // variant only a secondary source gives
      const bool secondary_spelling = secondary_name_[first_name_[c.place] + c.name];
      if ((facts.secondary && c.match != MatchKind::Exact) || (secondary_spelling && c.match == MatchKind::Fuzzy)) {
        c.score = std::min(c.score, options_.confident_score - 0.001);
      }
    }
    // Best per place (a head and its alternative may both name it), then the best few by score. Dozens of
    // candidates are ranked to keep a handful: the ranking moves small keys, and only the kept are copied.
    struct Ranked {
      double score;
      std::uint32_t place;
      std::uint32_t at;  // position in candidates: among equals, the earlier lookup's candidate wins
    };
    std::vector<Ranked> order;
    order.reserve(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      order.push_back({candidates[i].score, static_cast<std::uint32_t>(candidates[i].place), static_cast<std::uint32_t>(i)});
    }
    std::sort(order.begin(), order.end(), [](const Ranked& a, const Ranked& b) {
      if (a.place != b.place) return a.place < b.place;
      if (a.score != b.score) return a.score > b.score;
      return a.at < b.at;
    });
    order.erase(std::unique(order.begin(), order.end(), [](const Ranked& a, const Ranked& b) { return a.place == b.place; }),
                order.end());
    const auto by_score = [](const Ranked& a, const Ranked& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.place < b.place;
    };
    const std::size_t kept = std::min(order.size(), options_.max_candidates);
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(kept), order.end(), by_score);
    namesakes = 0;
    if (!order.empty()) {
      const LatLon best = facts_[order.front().place].point;
      for (std::size_t i = 1; i < order.size(); ++i) {
        if (by_names[order[i].at] >= 0.9 && distance_km(best, facts_[order[i].place].point) > 25) ++namesakes;
      }
    }
    std::vector<Candidate> unique;
    unique.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) unique.push_back(std::move(candidates[order[i].at]));
    for (auto& c : unique) c.matched_name = gazetteer_.at(c.place).names[c.name].text;
    return unique;
  };
  r.candidates = rank(false);
  // Fuzzy matching finds spellings further off than any exact or normalised one: when one of those is close
  // and only context or a secondary source held it back, fuzzy matching would add nothing better.
  if ((r.candidates.empty() || r.candidates.front().score < options_.confident_score) && !spelt_closely) {
    r.candidates = rank(true);
  }
  const std::vector<Candidate>& ranked = r.candidates;
  r.namesakes = namesakes;

  // an unknown name is placed at what its own string says locates it ("X في ضواحي حلب"), before the context
  // given beside the string (a column, the report's governorate), which the first `regions.size()` anchors are
  const Anchor* region = nullptr;
  for (std::size_t pass = 0; pass < 2 && !region; ++pass) {
    for (std::size_t i = pass == 0 ? regions.size() : 0; i < anchors.size(); ++i) {
      if (!region || anchor_specificity(anchors[i]) > anchor_specificity(*region)) region = &anchors[i];
    }
  }

  // "Tal Abyad Street, Raqqa", "شارع الجميلي": a street lies inside the town the context names, and is often
  // named after another place far away. So is a facility whose string names its town ("Mabrouka IDP camp, Ras
  // al-Ain", "Al Rahma hospital in Saraqib"): a camp or a school is named after a village and stands elsewhere.
  // Unless the name itself is found in or beside that town, the town is the answer, near. A facility takes only
  // a town its own string names, not one the context beside it gives.
  if (parsed.street || parsed.facility) {
    std::optional<std::size_t> town;
    const std::size_t first_own = parsed.street ? 0 : regions.size();
    for (std::size_t a = first_own; a < anchors.size(); ++a) {
      const auto& anchor = anchors[a];
      if (!anchor.settlement) continue;
      const PlaceKind kind = facts_[*anchor.settlement].kind;
      if (kind == PlaceKind::City || kind == PlaceKind::Town || (parsed.facility && kind == PlaceKind::Village)) {
        town = anchor.settlement;
      }
    }
    for (const auto& anchor : anchors) {
      if (!town && parsed.street && anchor.capital) town = anchor.capital;
    }
    const bool found_inside = !ranked.empty() && ranked.front().score >= options_.confident_score && town &&
                              distance_km(facts_[ranked.front().place].point, facts_[*town].point) <= 15;
    if (town && !found_inside) {
      const Place& place = gazetteer_.at(*town);
      r.status = ResolutionStatus::Resolved;
      r.match = MatchKind::Context;
      r.place_id = place.id;
      r.place_name = place.display_name();
      r.point = {place.lat, place.lon};
      r.precision = Precision::Near;
      r.score = 0.7;
      r.note = fmt::format("a {}, placed at the town it is in ({})", parsed.street ? "street" : "facility", place.display_name());
      return r;
    }
  }
  if (!ranked.empty() && ranked.front().score >= options_.confident_score) {
    const Candidate& best = ranked.front();
    const Place& place = gazetteer_.at(best.place);
    // "Milabiya regiment" answered by the village of Milabiya: the named thing is near it, not it
    const bool feature_elsewhere = kind_hint && is_feature(*kind_hint) && !is_feature(place.kind);
    // and the reverse: "Ramousa" answered by the Ramouseh Military Complex names the area around it
    const bool named_after = is_feature(place.kind) && place.kind != PlaceKind::Hill &&
                             !(kind_hint && is_feature(*kind_hint));
    finish_with_place(r, place, best,
                      precision_of(place, near || !used_head || feature_elsewhere || named_after || parsed.part_of_place));
    r.status = ResolutionStatus::Resolved;
    bool rivals_outside = false;
    for (std::size_t i = 1; i < ranked.size(); ++i) {
      const Place& other = gazetteer_.at(ranked[i].place);
      // the unit that holds the answer, or a place inside the unit that is the answer, is no rival
      const int other_level = admin_level_of(other.kind);
      const int place_level = admin_level_of(place.kind);
      if ((other_level > 0 && place.admin[other_level - 1] == other.id) ||
          (place_level > 0 && other.admin[place_level - 1] == place.id)) {
        continue;
      }
      // compared as answered, in [0, 1]: bonuses past 1 must not hide a namesake that fits as well
      if (std::min(ranked[i].score, 1.0) >= std::min(best.score, 1.0) - options_.rival_margin &&
          distance_km({place.lat, place.lon}, {other.lat, other.lon}) > 10) {
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
  if (!ranked.empty() && ranked.front().score >= options_.guess_score) {
    const Candidate& best = ranked.front();
    const Place& place = gazetteer_.at(best.place);
    finish_with_place(r, place, best, precision_of(place, true));
    r.status = ResolutionStatus::Ambiguous;
    r.note = "weak match: a best guess";
    return r;
  }
  r.status = ResolutionStatus::Unresolved;
  r.note = ranked.empty() ? "no place of a similar name" : "no candidate is close enough";
  return r;
}

}  // namespace conflictmap
