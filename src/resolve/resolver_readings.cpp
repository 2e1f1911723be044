// Other readings of a string whose whole gives no confident answer: a name written with its town and no
// comma, a name followed by words that describe it. Each is tried only after the plain reading.
#include <algorithm>
#include <string_view>

#include "core/geo.hpp"
#include "names/place_words.hpp"
#include "resolve/candidate_lookup.hpp"
#include "resolve/context_anchor.hpp"
#include "resolve/location_parser.hpp"
#include "resolve/name_index.hpp"
#include "resolve/resolver.hpp"
#include "resolve/score_calibration.hpp"

namespace conflictmap {

namespace {

// The one head of a string read as a bare name of two words or more: what the readings below take apart.
LocationSegment* sole_head(ParsedLocation& parsed) {
  if (parsed.segments.size() != 1 || parsed.segments.front().role != SegmentRole::Head) return nullptr;
  LocationSegment& head = parsed.segments.front();
  if (head.words.size() < 2 || head.near) return nullptr;
  return &head;
}

// The last `count` words of the text as written all carry the Arabic article "ال" (key words drop it).
bool ends_in_definite_words(std::string_view text, std::size_t count) {
  if (count == 0) return false;
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto start = text.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    const auto end = std::min(text.find_first_of(" \t", start), text.size());
    words.push_back(text.substr(start, end - start));
    at = end;
  }
  if (words.size() < count) return false;
  return std::all_of(words.end() - static_cast<std::ptrdiff_t>(count), words.end(), [](std::string_view word) {
    return word.size() > 6 && word.substr(0, 4) == "\xD8\xA7\xD9\x84";
  });
}

}  // namespace

Resolution Resolver::resolve(std::string_view text, const ResolveContext& context) const {
  Resolution r = resolve_by_similarity(text, context);
  if (r.has_point() && !raw_scores_requested()) r.score = std::min(calibrated_score(r), r.ceiling);
  // Ranking lets context lift a candidate past 1 to order close ones; what callers see is a score in [0, 1]
  // (found by fuzzing: "Tell Refaat" with its countryside as context gave candidates of 1.05)
  for (auto& candidate : r.candidates) candidate.score = std::clamp(candidate.score, 0.0, 1.0);
  return r;
}

Resolution Resolver::resolve_by_similarity(std::string_view text, const ResolveContext& context) const {
  ParsedLocation parsed = parse_location(text);
  Resolution r = resolve_parsed(text, parsed, context);
  if (r.status == ResolutionStatus::Resolved) return r;
  // several places spelt so is an ambiguity, not a misreading
  if (!r.candidates.empty() && r.candidates.front().match == MatchKind::Exact) return r;
  // Other readings come only last: the whole string, misspelt, may still be the better answer.
  ParsedLocation split = parsed;
  if (const auto trailing = split_trailing_place(split); !trailing.empty()) {
    Resolution answer = resolve_parsed(text, split, context);
    if (answer.status == ResolutionStatus::Resolved && !answer.candidates.empty()) {
      // the village found must lie in the unit or beside the town the last word names
      const Place& found = gazetteer_.at(answer.candidates.front().place);
      const bool agrees = std::any_of(trailing.begin(), trailing.end(), [&](std::size_t p) {
        const Place& named = gazetteer_.at(p);
        const int level = admin_level_of(named.kind);
        if (level > 0) return found.admin[level - 1] == named.id;
        return distance_km({found.lat, found.lon}, {named.lat, named.lon}) <= 30;
      });
      if (agrees) return answer;
    }
  }
  // A weak guess at the whole ("قسطل جندو" for Qastal Jend) beats a sure answer for only its start. Arabic
  // only: its adjectives and phrases follow the noun ("تدمر الأثرية"), while English words after a name are
  // more often part of it.
  // Unless the words after the start are definite adjectives ("تدمر الأثرية", "حلب الشهباء"): Arabic writes an
  // attribute of a proper noun with the article, which a village's second name ("جندو") lacks.
  const std::size_t head_size = parsed.segments.size() == 1 ? parsed.segments.front().words.size() : 0;
  if (parsed.script == Script::Arabic && keep_known_prefix(parsed) &&
      (r.status != ResolutionStatus::Ambiguous ||
       ends_in_definite_words(text, head_size - parsed.segments.front().words.size()))) {
    Resolution answer = resolve_parsed(text, parsed, context);
    if (answer.status == ResolutionStatus::Resolved) {
      // the string said more than the name: the place is near what it describes, or part of it, and the
      // words left unread lower the confidence
      answer.precision = std::max(answer.precision, Precision::Near);
      answer.score = std::min(answer.score, 0.75);
      answer.ceiling = 0.75;
      answer.note = "read as the name at its start; the words after it describe it";
      return answer;
    }
  }
  return r;
}

// "محمبل ادلب", "Mhambal Idlib": a village written with the town or unit it lies in, and no comma. When the
// whole string gives no confident answer, but the words before the last are a name the gazetteer spells and
// the last word is a town or an admin unit, the last word becomes context. Gives the places the last word
// names; none when the parse is unchanged.
std::vector<std::size_t> Resolver::split_trailing_place(ParsedLocation& parsed) const {
  LocationSegment* const found = sole_head(parsed);
  if (!found) return {};
  LocationSegment& head = *found;
  // cheapest test first: most last words name no town
  std::vector<std::size_t> towns_or_units;
  for (const auto p : places_named(head.words.back())) {
    const PlaceKind kind = facts_[p].kind;
    if (is_admin_unit(kind) || kind == PlaceKind::City || kind == PlaceKind::Town) towns_or_units.push_back(p);
  }
  if (towns_or_units.empty()) return {};
  const auto whole = NameQuery::of(head.words, parsed.script);
  if (whole.keys.empty() || index_->knows_spelling(whole.keys)) return {};
  const std::vector<std::string> rest(head.words.begin(), head.words.end() - 1);
  const auto rest_query = NameQuery::of(rest, parsed.script);
  if (rest_query.keys.empty() || !index_->knows_spelling(rest_query.keys)) return {};
  LocationSegment place;
  place.words = {head.words.back()};
  place.role = SegmentRole::Context;
  place.chunk = head.chunk;
  head.words.pop_back();
  parsed.segments.push_back(std::move(place));
  return towns_or_units;
}

// "مدينة تدمر الأثرية" (the ancient city of Palmyra), "Albukamal on the Iraqi border": a name the gazetteer
// knows, then words that describe it. When nothing else gives a confident answer, the longest start of the
// head the gazetteer spells is read as the name. Never a lone generic word ("كفر", "Tal"): "كفر بطونة" is not
// every village called Kafr, nor "محطة" every hamlet called Station. False when the parse is unchanged.
bool Resolver::keep_known_prefix(ParsedLocation& parsed) const {
  LocationSegment* const head = sole_head(parsed);
  if (!head) return false;
  static const auto generic = [] {
    std::vector<std::string> folded;
    for (const std::string_view word : generic_name_words()) folded.push_back(make_name_keys(word).folded);
    return folded;
  }();
  for (std::size_t length = head->words.size() - 1; length >= 1; --length) {
    const std::vector<std::string> start(head->words.begin(), head->words.begin() + static_cast<std::ptrdiff_t>(length));
    const auto query = NameQuery::of(start, parsed.script);
    if (query.keys.empty() || query.keys.skeleton.size() < 3) continue;
    if (std::find(generic.begin(), generic.end(), query.keys.folded) != generic.end()) continue;
    // nor a lone word for a kind of place: "محطة الكهرباء" is a power station, not a hamlet called Station
    if (length == 1 && (kind_of_feature_word(start.front()) || is_qualifier_word(start.front()))) continue;
    if (!index_->knows_spelling(query.keys)) continue;
    head->words = start;
    return true;
  }
  return false;
}

}  // namespace conflictmap
