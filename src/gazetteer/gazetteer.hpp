#pragma once
// The set of known places, addressable by id. Holds no index: the resolver builds its own.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/place.hpp"

namespace conflictmap {

class Gazetteer {
 public:
  // Adds a place; an id already present is an error (std::invalid_argument), so merges must be explicit.
  std::size_t add(Place place);
  const std::vector<Place>& places() const { return places_; }
  std::vector<Place>& mutable_places() { return places_; }
  std::optional<std::size_t> find(std::string_view id) const;
  const Place& at(std::size_t index) const { return places_.at(index); }
  std::size_t size() const { return places_.size(); }
  std::size_t name_count() const;
  // Orders places by id so that written files diff cleanly; indexes returned earlier become invalid.
  void sort_by_id();

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::size_t> by_id_;
};

}  // namespace conflictmap
