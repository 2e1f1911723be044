// OCHA's published layouts: P-code tables (any country) and COD-AB admin polygons.
#include "gazetteer/source_readers.hpp"

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <memory>

#include "core/script.hpp"
#include "gazetteer/source_text.hpp"
#include "io/delimited_table.hpp"
#include "io/gdal_drivers.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

using namespace source_text;

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
  register_gdal_drivers();
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
      std::string value = index >= 0 && feature->IsFieldSetAndNotNull(index) ? trim(feature->GetFieldAsString(index)) : "";
      // the gazetteer's files are UTF-8 and must read back: another encoding is refused, not copied
      if (!is_valid_utf8(value)) {
        throw InputError(file.string(), out.line, name, "not valid UTF-8 text (convert the layer with ogr2ogr first)");
      }
      return value;
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
    if (!std::isfinite(out.place.lat) || !std::isfinite(out.place.lon) || std::abs(out.place.lat) > 90 ||
        std::abs(out.place.lon) > 180) {
      throw InputError(file.string(), out.line, "geometry",
                       fmt::format("the polygon lies at {}, {}, which is no WGS84 point (reproject the layer first)",
                                   out.place.lat, out.place.lon));
    }
    out.place.add_source(tag);
    records.push_back(std::move(out));
  }
  return records;
}

}  // namespace conflictmap
