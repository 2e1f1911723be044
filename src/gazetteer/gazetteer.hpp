#pragma once
// The set of known places, addressable by id. Holds no index: the resolver builds its own.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/place.hpp"
#include "names/spelling_costs.hpp"

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

  // Admin units that share a border, by P-code (both ways round); empty when the gazetteer has no polygons.
  void set_neighbours(std::map<std::string, std::set<std::string>> neighbours) { neighbours_ = std::move(neighbours); }
  const std::map<std::string, std::set<std::string>>& neighbours() const { return neighbours_; }
  bool are_neighbours(const std::string& a, const std::string& b) const;

  // Sources that only second the others (Who's On First's hamlets, a list of lesser authority): a place
  // only they attest is ranked below a namesake the main sources know, and a respelling of it is a guess.
  void set_secondary_sources(std::set<std::string> tags) { secondary_sources_ = std::move(tags); }
  const std::set<std::string>& secondary_sources() const { return secondary_sources_; }
  // True when every source of the place is secondary.
  bool only_secondary(const Place& place) const;

  // What spelling edits cost when names are compared: learned from this gazetteer's names when it was built
  // (spelling_costs.tsv), else every edit costs 1. Shared, since copies of a gazetteer hold the same table.
  void set_spelling_costs(SpellingCosts costs) { spelling_costs_ = std::make_shared<const SpellingCosts>(std::move(costs)); }
  const SpellingCosts& spelling_costs() const;

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::map<std::string, std::set<std::string>> neighbours_;
  std::set<std::string> secondary_sources_;
  std::shared_ptr<const SpellingCosts> spelling_costs_;
};

}  // namespace conflictmap
