#pragma once
// One place as a source describes it, before merging into the gazetteer.
#include <optional>
#include <string>
#include <vector>

#include "core/place.hpp"

namespace conflictmap {

// How a source's records may change the gazetteer.
enum class MergeMode {
  MergeOrAdd,  // merge into a matching place, else add a new one
  NamesOnly,   // only add names to matching places (sources without a data licence, used as a cross-check)
  ById         // only add names to the place with the same id
};

struct SourceRecord {
  Place place;             // id may be empty; coordinates only meaningful when has_point
  bool has_point = true;
  long line = 0;           // where in the source file, for the build report
};

}  // namespace conflictmap
