#pragma once
// Named areas that are no admin unit ("Eastern Ghouta", "the Ghab plain", "Qalamoun"). Reports name them as
// often as towns, and without them a region's name falls to a village that happens to share it. No source
// gives them a point, so a region is described by the admin units it covers, and placed from them.
#include <filesystem>
#include <string>
#include <vector>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/source_record.hpp"

namespace conflictmap {

struct RegionRecord {
  Place place;                       // id, names and kind; the point, admin codes and population come later
  std::vector<std::string> members;  // admin P-codes of any level the region covers
  long line = 0;
};

// A tab-separated table with the columns id, names_en, names_ar (spellings split by "|") and members
// (P-codes split by spaces). An InputError names the file, line and field of a row without names or members.
std::vector<RegionRecord> read_region_table(const std::filesystem::path& file, const std::string& tag);

// Places each region at the mean point of the settlements inside its member units, gives it the admin codes
// those settlements all share, and as population their sum (a region is as prominent as the people in it).
// An InputError names the row of a member code no settlement of the gazetteer carries: a mistyped code
// would otherwise put the region at the wrong place silently.
std::vector<SourceRecord> place_regions(std::vector<RegionRecord> regions, const Gazetteer& gazetteer,
                                        const std::string& source_name);

}  // namespace conflictmap
