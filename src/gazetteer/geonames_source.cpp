// GeoNames dumps (cities500.txt, a country file).
#include "gazetteer/source_readers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/script.hpp"
#include "gazetteer/source_text.hpp"
#include "io/delimited_table.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

using namespace source_text;

std::vector<SourceRecord> read_geonames(const std::filesystem::path& file, const std::string& tag) {
  const auto table = read_delimited_file(file.string(), '\t', false, false);
  if (table.header.size() != 19) {
    throw InputError(table.source, 1, "", fmt::format("a GeoNames dump has 19 tab-separated columns, this has {}",
                                                      table.header.size()));
  }
  std::vector<SourceRecord> records;
  for (const auto& record : table.records) {
    const auto& f = record.fields;
    const std::string& feature_class = f[6];
    if (feature_class != "P") continue;  // populated places only; the rest are not what reports name
    SourceRecord out;
    out.line = record.line;
    out.place.id = tag + ":" + f[0];
    std::tie(out.place.lat, out.place.lon) = parse_point(record, table, 4, 5);
    long population = 0;
    std::from_chars(f[14].data(), f[14].data() + f[14].size(), population);
    out.place.population = population;
    const std::string& code = f[7];
    if (code == "PPLX") {
      out.place.kind = PlaceKind::Neighbourhood;
    } else if (code == "PPLC" || code == "PPLA" || population >= 50000) {
      out.place.kind = PlaceKind::City;
    } else if (code == "PPLA2" || code == "PPLA3" || population >= 5000) {
      out.place.kind = PlaceKind::Town;
    } else {
      out.place.kind = PlaceKind::Village;
    }
    out.place.add_name({f[1], "latn", tag});
    out.place.add_name({f[2], "latn", tag});
    std::size_t start = 0;
    const std::string& alternates = f[3];
    while (start < alternates.size()) {
      auto end = alternates.find(',', start);
      if (end == std::string::npos) end = alternates.size();
      const auto name = trim(alternates.substr(start, end - start));
      // Romanised keys such as "alkramt" are machine transliterations of the Arabic, not spellings people use;
      // codes such as "DAM" and exonyms in other scripts are not names reports use either.
      const bool machine_key = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == ' ';
      });
      const bool code = name.size() <= 4 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      });
      if (!name.empty() && !machine_key && !code && detect_script(name) != Script::Unknown) {
        out.place.add_name({name, lang_of(name), tag});
      }
      start = end + 1;
    }
    out.place.add_source(tag);
    records.push_back(std::move(out));
  }
  return records;
}

}  // namespace conflictmap
