#pragma once
// Readers that turn one source file into SourceRecords. Each knows one published layout.
#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "gazetteer/source_record.hpp"

namespace conflictmap {

// OCHA P-code table of the lowest admin level (communities), any country: adminNPcode, adminNName_en,
// adminNName_ar, optional adminNRefName_en, and latitude/longitude columns. The admin units above them come
// first, each at the mean point of its communities.
std::vector<SourceRecord> read_ocha_pcode_table(const std::filesystem::path& file, const std::string& tag);

// OCHA COD-AB admin polygons (shapefile or any OGR layer) with admN_pcode / admN_name / admN_name1 fields.
// Each record's point is a point on the polygon's surface.
std::vector<SourceRecord> read_ocha_admin_layer(const std::filesystem::path& file, const std::string& tag);

// A GeoNames dump (cities500.txt, a country file): tab-separated, no header, 19 columns.
std::vector<SourceRecord> read_geonames(const std::filesystem::path& file, const std::string& tag);

// A table of points with a column mapping, for sources with no fixed layout.
struct PointTableLayout {
  char separator = ',';
  std::string id_column;                                 // optional; ids get the tag as prefix when prefix_ids
  bool prefix_ids = true;
  // (column, lang); lang "auto" takes each name's language from its script ("ar" or "latn"), for sources
  // whose "Arabic" fields also hold romanisations
  std::vector<std::pair<std::string, std::string>> name_columns;
  std::string name_split;                                // e.g. "/" in "Ma`zulah/Maazoleh"
  bool brackets_name_parent = false;  // "X (Y)": Y is X's parent (OCHA), not another name for X (map labels)
  std::string lat_column, lon_column;                    // empty: the records carry names only
  std::string kind_column;
  std::map<std::string, std::string> kind_map;           // column value → kind; "*" for the rest
  std::string kind = "village";                          // when there is no kind column
  std::array<std::string, 3> admin_columns;
  std::map<std::string, std::vector<std::string>> skip;  // column → values whose rows are left out
  std::map<std::string, std::vector<std::string>> keep;  // column → the only values whose rows are read
  std::string population_column;                         // optional; empty or unparsable means unknown
  bool report_bad_rows = false;  // a row with a bad coordinate is reported in `rejected` and left out
};
std::vector<SourceRecord> read_point_table(const std::filesystem::path& file, const std::string& tag,
                                           const PointTableLayout& layout, std::vector<std::string>* rejected = nullptr);

}  // namespace conflictmap
