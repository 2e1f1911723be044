#include "gazetteer/place_merger.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "core/geo.hpp"
#include "core/plane_rtree.hpp"
#include "names/name_keys.hpp"
#include "names/similarity.hpp"

namespace conflictmap {

using IndexValue = std::pair<PlanePoint, std::size_t>;  // (lon, lat) degrees; radii are small

struct PlaceMerger::Index {
  bgi::rtree<IndexValue, bgi::rstar<16>> points;
  std::vector<std::vector<NameKeys>> keys;  // per place, one per name
};

namespace {

std::vector<NameKeys> name_keys_of(const Place& place) {
  std::vector<NameKeys> keys;
  for (const auto& name : place.names) {
    auto k = make_name_keys(name.text);
    if (!k.empty()) keys.push_back(std::move(k));
  }
  return keys;
}

// How close two spellings of one name are for merging. Records of one place in two sources put it up to a
// few km apart, so the merge trusts consonants: across scripts the skeleton is all it compares; within one
// script, the spelling too.
double spelling_agreement(const NameKeys& x, const NameKeys& y) {
  const double skeleton = skeleton_similarity(x.skeleton, y.skeleton);
  if (x.script != y.script) return skeleton;
  return 0.4 * skeleton + 0.6 * edit_similarity(x.compact, y.compact);
}

// Equal folded spelling or equal skeleton: the same name. Close spellings count only very near (see rule 3).
double best_name_agreement(const std::vector<NameKeys>& a, const std::vector<NameKeys>& b) {
  double best = 0;
  for (const auto& x : a) {
    for (const auto& y : b) {
      // a skeleton of two or three consonants is shared by too many names to prove anything alone
      if (x.folded == y.folded || (x.skeleton.size() >= 4 && x.skeleton == y.skeleton)) return 1.0;
      best = std::max(best, spelling_agreement(x, y));
    }
  }
  return best;
}

double merge_radius_km(const Place& existing, const Place& record) {
  if (record.kind == PlaceKind::Other) return existing.kind == PlaceKind::City ? 10.0 : 3.0;
  if (is_feature(existing.kind) || is_feature(record.kind)) return 1.5;
  if (existing.kind == PlaceKind::City || record.kind == PlaceKind::City) return 10.0;
  return 4.0;
}

bool kinds_compatible(const Place& existing, const Place& record) {
  if (is_admin_unit(existing.kind)) return false;
  if (record.kind == PlaceKind::Other) return true;
  if (is_feature(existing.kind) || is_feature(record.kind)) return existing.kind == record.kind;
  // a neighbourhood is part of a town, not the town
  return (existing.kind == PlaceKind::Neighbourhood) == (record.kind == PlaceKind::Neighbourhood);
}

}  // namespace

PlaceMerger::PlaceMerger() : index_(std::make_unique<Index>()) {}
PlaceMerger::~PlaceMerger() = default;

void PlaceMerger::add_place(Place place) {
  const PlanePoint point(place.lon, place.lat);
  index_->keys.push_back(name_keys_of(place));
  const std::size_t index = gazetteer_.add(std::move(place));
  index_->points.insert({point, index});
}

std::optional<std::size_t> PlaceMerger::find_match(const Place& record) const {
  const auto keys = name_keys_of(record);
  constexpr double kSearchKm = 10.0;
  constexpr double kCloseSpellingKm = 2.0;
  const double dlat = kSearchKm / 111.0;
  const double dlon = kSearchKm / (111.0 * std::cos(record.lat * M_PI / 180.0));
  const PlaneBox box(PlanePoint(record.lon - dlon, record.lat - dlat), PlanePoint(record.lon + dlon, record.lat + dlat));
  std::optional<std::size_t> best;
  double best_km = 1e9;
  for (auto it = index_->points.qbegin(bgi::intersects(box)); it != index_->points.qend(); ++it) {
    const Place& existing = gazetteer_.at(it->second);
    if (!kinds_compatible(existing, record)) continue;
    const double km = distance_km({existing.lat, existing.lon}, {record.lat, record.lon});
    if (km > merge_radius_km(existing, record) || km >= best_km) continue;
    // a source lists each place once: two of its own records are two places
    if (!record.sources.empty() && !existing.sources.empty() && existing.sources.front() == record.sources.front()) {
      continue;
    }
    const double agreement = best_name_agreement(keys, index_->keys[it->second]);
    if (agreement >= 1.0 || (agreement >= 0.8 && km <= kCloseSpellingKm)) {
      best = it->second;
      best_km = km;
    }
  }
  return best;
}

void PlaceMerger::absorb(std::size_t target, const Place& record) {
  Place& place = gazetteer_.mutable_places()[target];
  for (const auto& name : record.names) place.add_name(name);
  for (const auto& source : record.sources) place.add_source(source);
  if (record.population > place.population) place.population = record.population;
  if (place.kind == PlaceKind::Village && (record.kind == PlaceKind::City || record.kind == PlaceKind::Town)) {
    place.kind = record.kind;
  }
  for (std::size_t n = 0; n < 3; ++n) {
    if (place.admin[n].empty()) place.admin[n] = record.admin[n];
  }
  auto keys = name_keys_of(record);
  auto& target_keys = index_->keys[target];
  target_keys.insert(target_keys.end(), std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
}

MergeReport PlaceMerger::merge(const std::string& tag, std::vector<SourceRecord> records, MergeMode mode) {
  MergeReport report;
  report.tag = tag;
  report.records = records.size();
  for (auto& record : records) {
    std::optional<std::size_t> target;
    if (!record.place.id.empty()) target = gazetteer_.find(record.place.id);
    if (!target && mode != MergeMode::ById && record.has_point) target = find_match(record.place);
    if (target) {
      absorb(*target, record.place);
      ++report.merged;
    } else if (mode == MergeMode::MergeOrAdd && record.has_point && !record.place.id.empty()) {
      add_place(std::move(record.place));
      ++report.added;
    } else {
      ++report.unmatched;
    }
  }
  return report;
}

Gazetteer PlaceMerger::take() { return std::move(gazetteer_); }

}  // namespace conflictmap
