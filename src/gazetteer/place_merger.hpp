#pragma once
// Merges source records into one entry per real place.
//
// The merge rule:
//  1. Sources are merged in priority order; the first source to give a place sets its id, point and kind.
//  2. A record whose id is already present merges into that place (P-codes are shared across OCHA tables).
//  3. Otherwise a record merges into the nearest existing place from another source that shares a name key
//     (equal folded spelling, or an equal cross-script skeleton of four or more consonants) and lies within a radius: 4 km for settlements
//     (10 km when either is a city), 1.5 km for military and landmark features, which merge only with the
//     same kind; or whose spelling is close (similarity ≥ 0.8: the skeletons' across scripts, skeleton and spelling
//     within one) and lies within 2 km. Neighbourhoods merge
//     only with neighbourhoods. Two records of one source are never merged: a source lists a place once.
//     A record of kind "other" (a source that does not say) may merge with any place but an admin unit.
//     Admin units never absorb point records: "Aleppo" the city is not "Aleppo" the governorate.
//  4. A record that matches nothing becomes a new place with the id "<source tag>:<source id>", unless its
//     source may only add names (MergeMode::NamesOnly), in which case it is counted as unmatched.
//  5. Merging adds the record's names (with language and source), its source tag and, when larger, its
//     population; a GeoNames city or town upgrades an OCHA "village" kind.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/source_record.hpp"

namespace conflictmap {

struct MergeReport {
  std::string tag;
  std::size_t records = 0;
  std::size_t added = 0;
  std::size_t merged = 0;
  std::size_t unmatched = 0;  // NamesOnly/ById records that found no place
  std::vector<std::string> rejected;  // rows left out, with file, line and reason
};

class PlaceMerger {
 public:
  PlaceMerger();
  ~PlaceMerger();
  PlaceMerger(const PlaceMerger&) = delete;
  PlaceMerger& operator=(const PlaceMerger&) = delete;

  MergeReport merge(const std::string& tag, std::vector<SourceRecord> records, MergeMode mode);
  Gazetteer take();

 private:
  struct Index;
  std::optional<std::size_t> find_match(const Place& record) const;
  void absorb(std::size_t target, const Place& record);
  void add_place(Place place);

  Gazetteer gazetteer_;
  std::unique_ptr<Index> index_;
};

}  // namespace conflictmap
