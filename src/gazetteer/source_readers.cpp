#include "gazetteer/source_readers.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>

#include "io/delimited_table.hpp"
#include "io/input_error.hpp"
#include "resolve/script.hpp"

namespace conflictmap {

namespace {

std::optional<double> parse_number(const std::string& text) {
  double value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  while (begin < end && *begin == ' ') ++begin;
  const auto [stop, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

std::pair<double, double> parse_point(const TableRecord& record, const DelimitedTable& table, std::size_t lat_col,
                                      std::size_t lon_col) {
  const auto lat = parse_number(record.fields[lat_col]);
  const auto lon = parse_number(record.fields[lon_col]);
  if (!lat || *lat < -90 || *lat > 90) {
    throw InputError(table.source, record.line, table.header[lat_col],
                     "'" + record.fields[lat_col] + "' is not a latitude");
  }
  if (!lon || *lon < -180 || *lon > 180) {
    throw InputError(table.source, record.line, table.header[lon_col],
                     "'" + record.fields[lon_col] + "' is not a longitude");
  }
  return {*lat, *lon};
}

std::string trim(std::string text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// "Suran (Al Bab)" names the place as "Suran"; the brackets only tell same-named places apart.
std::string without_brackets(const std::string& name) {
  const auto open = name.find(" (");
  return open == std::string::npos ? name : trim(name.substr(0, open));
}

std::optional<std::size_t> first_column(const DelimitedTable& table, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto index = table.find_column(name)) return index;
  }
  return std::nullopt;
}

// Adds a name, and the parts of a compound label: "Jabar Gharbi (West Jabar)" is also "Jabar Gharbi" and
// "West Jabar"; OCHA's "Firazdaq - Arsalan Tash" joins two villages' names.
// With `brackets_name_parent`, "Qosour (Deir-ez-Zor)" names Qosour in Deir-ez-Zor, as OCHA reference names do.
void add_name_and_parts(Place& place, const std::string& text, const std::string& lang, const std::string& tag,
                        bool brackets_name_parent = false) {
  const auto open = text.find(" (");
  const auto close = text.rfind(')');
  const bool bracketed = open != std::string::npos && close != std::string::npos && close > open;
  if (bracketed && brackets_name_parent) {
    place.add_name({trim(text.substr(0, open)), lang, tag});
    return;
  }
  place.add_name({text, lang, tag});
  if (bracketed) {
    place.add_name({trim(text.substr(0, open)), lang, tag});
    place.add_name({trim(text.substr(open + 2, close - open - 2)), lang, tag});
  }
  std::size_t start = 0;
  if (text.find(" - ") == std::string::npos) return;
  while (start < text.size()) {
    auto end = text.find(" - ", start);
    if (end == std::string::npos) end = text.size();
    place.add_name({trim(text.substr(start, end - start)), lang, tag});
    start = end + 3;
  }
}

std::string lang_of(const std::string& name) {
  return detect_script(name) == Script::Arabic ? "ar" : "latn";
}

}  // namespace

std::vector<SourceRecord> read_ocha_pcode_table(const std::filesystem::path& file, const std::string& tag) {
  const auto table = read_delimited_file(file.string(), ',');
  int level = 0;
  for (int n = 5; n >= 1; --n) {
    if (table.find_column(fmt::format("admin{}Pcode", n))) {
      level = n;
      break;
    }
  }
  if (level == 0) throw InputError(table.source, 1, "admin1Pcode", "not an OCHA P-code table: no adminNPcode column");
  const auto pcode = table.column(fmt::format("admin{}Pcode", level));
  const auto name_en = table.column(fmt::format("admin{}Name_en", level));
  const auto name_ar = table.find_column(fmt::format("admin{}Name_ar", level));
  const auto ref_en = table.find_column(fmt::format("admin{}RefName_en", level));
  const auto ref_ar = table.find_column(fmt::format("admin{}RefName_ar", level));
  const auto lat = first_column(table, {"Latitude_y", "Latitude", "latitude", "lat", "Lat"});
  const auto lon = first_column(table, {"Longitude_x", "Longitude", "longitude", "lon", "Lon", "long"});
  if (!lat || !lon) throw InputError(table.source, 1, "Latitude", "the table has no latitude/longitude columns");
  const auto capital1 = table.find_column("IsAdmin1Capital");
  const auto capital_lowest = table.find_column(fmt::format("IsAdmin{}Capital", level - 1));

  std::vector<SourceRecord> records;
  for (const auto& record : table.records) {
    const auto& f = record.fields;
    SourceRecord out;
    out.line = record.line;
    out.place.id = f[pcode];
    if (out.place.id.empty()) throw InputError(table.source, record.line, table.header[pcode], "empty P-code");
    std::tie(out.place.lat, out.place.lon) = parse_point(record, table, *lat, *lon);
    for (int n = 1; n <= std::min(3, level - 1); ++n) {
      if (auto col = table.find_column(fmt::format("admin{}Pcode", n))) out.place.admin[n - 1] = f[*col];
    }
    out.place.kind = PlaceKind::Village;
    if (capital_lowest && f[*capital_lowest] == "Yes") out.place.kind = PlaceKind::Town;
    if (capital1 && f[*capital1] == "Yes") out.place.kind = PlaceKind::City;
    add_name_and_parts(out.place, trim(f[name_en]), "en", tag);
    if (name_ar) add_name_and_parts(out.place, trim(f[*name_ar]), "ar", tag);
    if (ref_en) out.place.add_name({without_brackets(trim(f[*ref_en])), "en", tag});
    if (ref_ar) {
      auto ref = trim(f[*ref_ar]);
      if (auto dash = ref.find(" - "); dash != std::string::npos) ref = trim(ref.substr(0, dash));
      out.place.add_name({ref, "ar", tag});
    }
    out.place.add_source(tag);
    records.push_back(std::move(out));
  }
  // The admin units above the communities, placed at their communities' mean point; where polygons were
  // imported first, these records only add names to the units of the same P-code.
  std::vector<SourceRecord> units;
  std::map<std::string, std::size_t> unit_index;
  static constexpr PlaceKind kUnitKinds[] = {PlaceKind::Governorate, PlaceKind::District, PlaceKind::Subdistrict};
  for (int n = 1; n <= std::min(3, level - 1); ++n) {
    const auto code_col = table.find_column(fmt::format("admin{}Pcode", n));
    const auto en_col = table.find_column(fmt::format("admin{}Name_en", n));
    const auto ar_col = table.find_column(fmt::format("admin{}Name_ar", n));
    if (!code_col) continue;
    for (std::size_t r = 0; r < table.records.size(); ++r) {
      const auto& f = table.records[r].fields;
      const std::string& code = f[*code_col];
      if (code.empty()) continue;
      auto [it, inserted] = unit_index.emplace(code, units.size());
      if (inserted) {
        SourceRecord unit;
        unit.line = table.records[r].line;
        unit.place.id = code;
        unit.place.kind = kUnitKinds[n - 1];
        unit.place.lat = unit.place.lon = 0;
        for (int m = 1; m <= n; ++m) unit.place.admin[m - 1] = records[r].place.admin[m - 1];
        unit.place.admin[n - 1] = code;
        if (en_col) unit.place.add_name({trim(f[*en_col]), "en", tag});
        if (ar_col) unit.place.add_name({trim(f[*ar_col]), "ar", tag});
        unit.place.add_source(tag);
        unit.place.population = 0;  // used below as the member count
        units.push_back(std::move(unit));
      }
      auto& unit = units[it->second].place;
      unit.lat += records[r].place.lat;
      unit.lon += records[r].place.lon;
      ++unit.population;
    }
  }
  for (auto& unit : units) {
    unit.place.lat /= static_cast<double>(unit.place.population);
    unit.place.lon /= static_cast<double>(unit.place.population);
    unit.place.population = 0;
  }
  units.insert(units.end(), std::make_move_iterator(records.begin()), std::make_move_iterator(records.end()));
  return units;
}

std::vector<SourceRecord> read_ocha_admin_layer(const std::filesystem::path& file, const std::string& tag) {
  GDALAllRegister();
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset) throw InputError(file.string(), 0, "", "cannot open as a vector layer");
  OGRLayer* layer = dataset->GetLayer(0);
  OGRFeatureDefn* definition = layer->GetLayerDefn();
  int level = -1;
  for (int n = 4; n >= 0; --n) {
    if (definition->GetFieldIndex(fmt::format("adm{}_pcode", n).c_str()) >= 0) {
      level = n;
      break;
    }
  }
  if (level < 0) throw InputError(file.string(), 0, "adm1_pcode", "not an OCHA COD-AB layer: no admN_pcode field");
  static constexpr PlaceKind kKinds[] = {PlaceKind::Country, PlaceKind::Governorate, PlaceKind::District,
                                         PlaceKind::Subdistrict, PlaceKind::Subdistrict};
  std::vector<SourceRecord> records;
  layer->ResetReading();
  for (auto& feature : *layer) {
    SourceRecord out;
    out.line = static_cast<long>(feature->GetFID()) + 1;
    auto field = [&](const std::string& name) -> std::string {
      const int index = feature->GetFieldIndex(name.c_str());
      return index >= 0 && feature->IsFieldSetAndNotNull(index) ? trim(feature->GetFieldAsString(index)) : "";
    };
    out.place.id = field(fmt::format("adm{}_pcode", level));
    out.place.kind = kKinds[level];
    for (int n = 1; n <= std::min(level, 3); ++n) out.place.admin[n - 1] = field(fmt::format("adm{}_pcode", n));
    out.place.add_name({field(fmt::format("adm{}_name", level)), "en", tag});
    out.place.add_name({field(fmt::format("adm{}_name1", level)), "ar", tag});
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry || out.place.id.empty()) {
      throw InputError(file.string(), out.line, "geometry", "feature without a P-code or a geometry");
    }
    // A point on the surface, not the centroid: a crescent-shaped district's centroid can lie outside it.
    OGRGeometryH point = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(geometry)));
    if (!point) {
      throw InputError(file.string(), out.line, "geometry", "no point on the polygon's surface (invalid polygon?)");
    }
    out.place.lat = OGR_G_GetY(point, 0);
    out.place.lon = OGR_G_GetX(point, 0);
    OGR_G_DestroyGeometry(point);
    out.place.add_source(tag);
    records.push_back(std::move(out));
  }
  return records;
}

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

std::vector<SourceRecord> read_point_table(const std::filesystem::path& file, const std::string& tag,
                                           const PointTableLayout& layout, std::vector<std::string>* rejected) {
  const auto table = read_delimited_file(file.string(), layout.separator);
  std::optional<std::size_t> id_col;
  if (!layout.id_column.empty()) id_col = table.column(layout.id_column);
  std::vector<std::pair<std::size_t, std::string>> names;
  for (const auto& [column, lang] : layout.name_columns) names.emplace_back(table.column(column), lang);
  std::optional<std::size_t> lat_col, lon_col, kind_col;
  if (!layout.lat_column.empty()) lat_col = table.column(layout.lat_column);
  if (!layout.lon_column.empty()) lon_col = table.column(layout.lon_column);
  if (!layout.kind_column.empty()) kind_col = table.column(layout.kind_column);
  std::vector<std::pair<std::size_t, const std::vector<std::string>*>> skips;
  for (const auto& [column, values] : layout.skip) skips.emplace_back(table.column(column), &values);
  const auto default_kind = place_kind_from_string(layout.kind);
  if (!default_kind) throw InputError(table.source, 0, "kind", "unknown kind '" + layout.kind + "'");

  std::vector<SourceRecord> records;
  for (const auto& record : table.records) {
    const auto& f = record.fields;
    const bool skipped = std::any_of(skips.begin(), skips.end(), [&](const auto& skip) {
      return std::find(skip.second->begin(), skip.second->end(), f[skip.first]) != skip.second->end();
    });
    if (skipped) continue;
    SourceRecord out;
    out.line = record.line;
    if (id_col) out.place.id = layout.prefix_ids ? tag + ":" + f[*id_col] : f[*id_col];
    out.has_point = lat_col && lon_col;
    if (out.has_point) {
      try {
        std::tie(out.place.lat, out.place.lon) = parse_point(record, table, *lat_col, *lon_col);
      } catch (const InputError& error) {
        if (!layout.report_bad_rows || !rejected) throw;
        rejected->push_back(error.what());
        continue;
      }
    }
    out.place.kind = *default_kind;
    if (kind_col) {
      auto it = layout.kind_map.find(f[*kind_col]);
      if (it == layout.kind_map.end()) it = layout.kind_map.find("*");
      const std::string kind_text = it != layout.kind_map.end() ? it->second : f[*kind_col];
      const auto kind = place_kind_from_string(kind_text);
      if (!kind) throw InputError(table.source, record.line, layout.kind_column, "unknown kind '" + kind_text + "'");
      out.place.kind = *kind;
    }
    for (std::size_t n = 0; n < 3; ++n) {
      if (!layout.admin_columns[n].empty()) out.place.admin[n] = f[table.column(layout.admin_columns[n])];
    }
    for (const auto& [column, lang] : names) {
      const std::string& text = f[column];
      if (layout.name_split.empty()) {
        add_name_and_parts(out.place, trim(text), lang, tag, layout.brackets_name_parent);
        continue;
      }
      std::size_t start = 0;
      while (start <= text.size()) {
        auto end = text.find(layout.name_split, start);
        if (end == std::string::npos) end = text.size();
        add_name_and_parts(out.place, trim(text.substr(start, end - start)), lang, tag, layout.brackets_name_parent);
        start = end + layout.name_split.size();
      }
    }
    if (out.place.names.empty()) continue;
    out.place.add_source(tag);
    records.push_back(std::move(out));
  }
  return records;
}

}  // namespace conflictmap
