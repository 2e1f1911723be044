// Tables of points with a column mapping, for sources with no fixed layout.
#include "gazetteer/source_readers.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "gazetteer/source_text.hpp"
#include "io/delimited_table.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

using namespace source_text;

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
  std::vector<std::pair<std::size_t, const std::vector<std::string>*>> skips, keeps;
  for (const auto& [column, values] : layout.skip) skips.emplace_back(table.column(column), &values);
  for (const auto& [column, values] : layout.keep) keeps.emplace_back(table.column(column), &values);
  std::optional<std::size_t> population_col;
  if (!layout.population_column.empty()) population_col = table.column(layout.population_column);
  const auto default_kind = place_kind_from_string(layout.kind);
  if (!default_kind) throw InputError(table.source, 0, "kind", "unknown kind '" + layout.kind + "'");

  std::vector<SourceRecord> records;
  for (const auto& record : table.records) {
    const auto& f = record.fields;
    const bool skipped = std::any_of(skips.begin(), skips.end(), [&](const auto& skip) {
      return std::find(skip.second->begin(), skip.second->end(), f[skip.first]) != skip.second->end();
    });
    const bool kept = std::all_of(keeps.begin(), keeps.end(), [&](const auto& keep) {
      return std::find(keep.second->begin(), keep.second->end(), f[keep.first]) != keep.second->end();
    });
    if (skipped || !kept) continue;
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
    if (population_col) {
      const auto population = parse_number(f[*population_col]);
      if (population && *population > 0 && *population < 1e9) out.place.population = static_cast<long>(*population);
    }
    for (std::size_t n = 0; n < 3; ++n) {
      if (!layout.admin_columns[n].empty()) out.place.admin[n] = f[table.column(layout.admin_columns[n])];
    }
    for (const auto& [column, column_lang] : names) {
      const std::string& text = f[column];
      const std::string& lang = column_lang;  // a lambda may not capture a structured binding before C++20's P1091 (clang 14)
      const auto add = [&](const std::string& name) {
        add_name_and_parts(out.place, name, lang == "auto" ? lang_of(name) : lang, tag, layout.brackets_name_parent);
      };
      if (layout.name_split.empty()) {
        add(trim(text));
        continue;
      }
      std::size_t start = 0;
      while (start <= text.size()) {
        auto end = text.find(layout.name_split, start);
        if (end == std::string::npos) end = text.size();
        add(trim(text.substr(start, end - start)));
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
