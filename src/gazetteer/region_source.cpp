#include "gazetteer/region_source.hpp"

#include <algorithm>
#include <unordered_map>

#include "gazetteer/source_text.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

using namespace source_text;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    auto part = trim(text.substr(start, end - start));
    if (!part.empty()) parts.push_back(std::move(part));
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::vector<RegionRecord> read_region_table(const std::filesystem::path& file, const std::string& tag) {
  const auto table = read_delimited_file(file.string(), '\t');
  const std::size_t id_col = table.column("id");
  const std::size_t en_col = table.column("names_en");
  const std::size_t ar_col = table.column("names_ar");
  const std::size_t members_col = table.column("members");
  std::vector<RegionRecord> regions;
  for (const auto& record : table.records) {
    const auto& f = record.fields;
    RegionRecord region;
    region.line = record.line;
    region.place.id = tag + ":" + trim(f[id_col]);
    region.place.kind = PlaceKind::Region;
    if (trim(f[id_col]).empty()) throw InputError(table.source, record.line, "id", "a region needs an id");
    for (const auto& name : split(f[en_col], '|')) region.place.add_name({name, "en", tag});
    for (const auto& name : split(f[ar_col], '|')) region.place.add_name({name, "ar", tag});
    if (region.place.names.empty()) throw InputError(table.source, record.line, "names_en", "a region needs a name");
    region.members = split(f[members_col], ' ');
    if (region.members.empty()) {
      throw InputError(table.source, record.line, "members", "a region needs the admin units it covers");
    }
    region.place.add_source(tag);
    regions.push_back(std::move(region));
  }
  return regions;
}

std::vector<SourceRecord> place_regions(std::vector<RegionRecord> regions, const Gazetteer& gazetteer,
                                        const std::string& source_name) {
  // settlements by each admin code they carry
  std::unordered_map<std::string, std::vector<std::size_t>> settlements_in;
  for (std::size_t i = 0; i < gazetteer.size(); ++i) {
    const Place& place = gazetteer.at(i);
    if (!is_settlement(place.kind) || place.kind == PlaceKind::Neighbourhood) continue;
    for (const auto& code : place.admin) {
      if (!code.empty()) settlements_in[code].push_back(i);
    }
  }
  std::vector<SourceRecord> records;
  for (auto& region : regions) {
    std::vector<std::size_t> inside;
    for (const auto& member : region.members) {
      const auto it = settlements_in.find(member);
      if (it == settlements_in.end()) {
        throw InputError(source_name, region.line, "members", "no settlement of the gazetteer is in '" + member + "'");
      }
      inside.insert(inside.end(), it->second.begin(), it->second.end());
    }
    std::sort(inside.begin(), inside.end());
    inside.erase(std::unique(inside.begin(), inside.end()), inside.end());
    SourceRecord out;
    out.line = region.line;
    out.place = std::move(region.place);
    double lat = 0, lon = 0;
    for (const auto i : inside) {
      const Place& place = gazetteer.at(i);
      lat += place.lat;
      lon += place.lon;
      out.place.population += place.population;
    }
    out.place.lat = lat / static_cast<double>(inside.size());
    out.place.lon = lon / static_cast<double>(inside.size());
    for (std::size_t level = 0; level < 3; ++level) {
      const std::string& first = gazetteer.at(inside.front()).admin[level];
      const bool shared = std::all_of(inside.begin(), inside.end(),
                                      [&](std::size_t i) { return gazetteer.at(i).admin[level] == first; });
      if (shared) out.place.admin[level] = first;
    }
    records.push_back(std::move(out));
  }
  return records;
}

}  // namespace conflictmap
