#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <stdexcept>

namespace conflictmap {

std::size_t Gazetteer::add(Place place) {
  if (place.id.empty()) throw std::invalid_argument("a place needs an id");
  const std::size_t index = places_.size();
  if (!by_id_.emplace(place.id, index).second) {
    throw std::invalid_argument("duplicate place id '" + place.id + "'");
  }
  places_.push_back(std::move(place));
  return index;
}

std::optional<std::size_t> Gazetteer::find(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::size_t Gazetteer::name_count() const {
  std::size_t count = 0;
  for (const auto& place : places_) count += place.names.size();
  return count;
}

bool Gazetteer::are_neighbours(const std::string& a, const std::string& b) const {
  const auto it = neighbours_.find(a);
  return it != neighbours_.end() && it->second.count(b) > 0;
}

void Gazetteer::sort_by_id() {
  std::sort(places_.begin(), places_.end(), [](const Place& a, const Place& b) { return a.id < b.id; });
  by_id_.clear();
  for (std::size_t i = 0; i < places_.size(); ++i) by_id_.emplace(places_[i].id, i);
}

bool Gazetteer::only_secondary(const Place& place) const {
  if (secondary_sources_.empty() || place.sources.empty()) return false;
  return std::all_of(place.sources.begin(), place.sources.end(),
                     [&](const std::string& tag) { return secondary_sources_.count(tag) > 0; });
}

const SpellingCosts& Gazetteer::spelling_costs() const {
  return spelling_costs_ ? *spelling_costs_ : levenshtein_costs();
}

}  // namespace conflictmap
