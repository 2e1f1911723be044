#include "gazetteer/gazetteer_files.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "core/script.hpp"
#include "io/atomic_file.hpp"
#include "io/data_location.hpp"
#include "io/delimited_table.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

constexpr const char* kPlacesHeader = "id\tkind\tlat\tlon\tadmin1\tadmin2\tadmin3\tpopulation\tsources";
constexpr const char* kNamesHeader = "id\tname\tlang\tsource";
constexpr const char* kNeighboursHeader = "unit\tneighbours";
constexpr const char* kSourcesHeader = "tag\trole";

double parse_coordinate(std::string_view text, const std::string& file, long line, const char* field, double limit) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < -limit || value > limit) {
    throw InputError(file, line, field, fmt::format("'{}' is not a coordinate within ±{}", text, limit));
  }
  return value;
}

// A name or id must not carry the separators of this format.
std::string clean_field(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

namespace {

// Our own format has no quoting (save_gazetteer replaces tabs and newlines in fields), so lines split on tabs
// directly; this is most of the load time a user waits for.
class TsvFile {
 public:
  TsvFile(const std::filesystem::path& path, const char* header, std::size_t columns)
      : path_(path.string()), text_(read_text_file(path_)), columns_(columns) {
    if (!is_valid_utf8(text_)) throw InputError(path_, 0, "", "not valid UTF-8 text");
    std::string_view first;
    if (!next(first) || first != header) {
      throw InputError(path_, 1, "", fmt::format("unexpected header; a gazetteer file starts with '{}'", header));
    }
  }

  // The next record's fields, or false at the end.
  bool next(std::vector<std::string_view>& fields) {
    std::string_view line;
    do {
      if (!next(line)) return false;
    } while (line.empty());
    fields.clear();
    std::size_t start = 0;
    while (true) {
      const auto tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() != columns_) {
      throw InputError(path_, line_, "", fmt::format("has {} fields, a gazetteer line has {}", fields.size(), columns_));
    }
    return true;
  }

  const std::string& path() const { return path_; }
  long line() const { return line_; }

 private:
  bool next(std::string_view& line) {
    if (position_ >= text_.size()) return false;
    auto end = text_.find('\n', position_);
    if (end == std::string::npos) end = text_.size();
    line = std::string_view(text_).substr(position_, end - position_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    position_ = end + 1;
    ++line_;
    return true;
  }

  std::string path_;
  std::string text_;
  std::size_t columns_;
  std::size_t position_ = 0;
  long line_ = 0;
};

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find(',', start);
    items.emplace_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return items;
}

}  // namespace

Gazetteer load_gazetteer(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder)) {
    throw InputError(folder.string(), 0, "", "no gazetteer folder here (it holds places.tsv and names.tsv)");
  }
  Gazetteer gazetteer;
  std::vector<std::string_view> f;
  TsvFile places(folder / "places.tsv", kPlacesHeader, 9);
  while (places.next(f)) {
    Place place;
    place.id = std::string(f[0]);
    const auto kind = place_kind_from_string(f[1]);
    if (!kind) throw InputError(places.path(), places.line(), "kind", "unknown kind '" + std::string(f[1]) + "'");
    place.kind = *kind;
    place.lat = parse_coordinate(f[2], places.path(), places.line(), "lat", 90);
    place.lon = parse_coordinate(f[3], places.path(), places.line(), "lon", 180);
    place.admin = {std::string(f[4]), std::string(f[5]), std::string(f[6])};
    if (!f[7].empty()) {
      const auto [end, error] = std::from_chars(f[7].data(), f[7].data() + f[7].size(), place.population);
      if (error != std::errc() || end != f[7].data() + f[7].size()) {
        throw InputError(places.path(), places.line(), "population", "'" + std::string(f[7]) + "' is not a whole number");
      }
    }
    place.sources = split_list(f[8]);
    try {
      gazetteer.add(std::move(place));
    } catch (const std::invalid_argument& error) {
      throw InputError(places.path(), places.line(), "id", error.what());
    }
  }
  if (std::filesystem::exists(folder / "neighbours.tsv")) {
    TsvFile table(folder / "neighbours.tsv", kNeighboursHeader, 2);
    std::map<std::string, std::set<std::string>> neighbours;
    while (table.next(f)) {
      for (auto& other : split_list(f[1])) neighbours[std::string(f[0])].insert(std::move(other));
    }
    gazetteer.set_neighbours(std::move(neighbours));
  }
  if (std::filesystem::exists(folder / "sources.tsv")) {
    TsvFile table(folder / "sources.tsv", kSourcesHeader, 2);
    std::set<std::string> secondary;
    while (table.next(f)) {
      if (f[1] == "secondary") {
        secondary.insert(std::string(f[0]));
      } else if (f[1] != "primary") {
        throw InputError(table.path(), table.line(), "role", "'" + std::string(f[1]) + "' is not a role (primary, secondary)");
      }
    }
    gazetteer.set_secondary_sources(std::move(secondary));
  }
  if (const auto costs_file = folder / "spelling_costs.tsv"; std::filesystem::exists(costs_file)) {
    const std::string path = costs_file.string();
    const std::string text = read_text_file(path);
    if (!is_valid_utf8(text)) throw InputError(path, 0, "", "not valid UTF-8 text");
    gazetteer.set_spelling_costs(SpellingCosts::read(text, path));
  }
  TsvFile names(folder / "names.tsv", kNamesHeader, 4);
  auto& all = gazetteer.mutable_places();
  std::optional<std::size_t> last;  // names of one place stand together
  while (names.next(f)) {
    if (!last || all[*last].id != f[0]) last = gazetteer.find(f[0]);
    if (!last) throw InputError(names.path(), names.line(), "id", "no place with id '" + std::string(f[0]) + "' in places.tsv");
    if (f[1].empty()) throw InputError(names.path(), names.line(), "name", "empty name");
    all[*last].names.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3])});
  }
  return gazetteer;
}

void save_gazetteer(Gazetteer gazetteer, const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  gazetteer.sort_by_id();
  AtomicFile places(folder / "places.tsv");
  AtomicFile names(folder / "names.tsv");
  places.stream() << kPlacesHeader << '\n';
  names.stream() << kNamesHeader << '\n';
  for (const auto& place : gazetteer.places()) {
    std::string sources;
    for (const auto& s : place.sources) sources += (sources.empty() ? "" : ",") + s;
    places.stream() << fmt::format("{}\t{}\t{:.6f}\t{:.6f}\t{}\t{}\t{}\t{}\t{}\n", clean_field(place.id),
                                   to_string(place.kind), place.lat, place.lon, place.admin[0], place.admin[1],
                                   place.admin[2], place.population > 0 ? std::to_string(place.population) : "",
                                   sources);
    for (const auto& name : place.names) {
      names.stream() << clean_field(place.id) << '\t' << clean_field(name.text) << '\t' << name.lang << '\t'
                     << name.source << '\n';
    }
  }
  places.commit();
  names.commit();
  if (!gazetteer.neighbours().empty()) {
    AtomicFile neighbours(folder / "neighbours.tsv");
    neighbours.stream() << kNeighboursHeader << '\n';
    for (const auto& [unit, others] : gazetteer.neighbours()) {
      std::string list;
      for (const auto& other : others) list += (list.empty() ? "" : ",") + other;
      neighbours.stream() << unit << '\t' << list << '\n';
    }
    neighbours.commit();
  }
  const auto costs_file = folder / "spelling_costs.tsv";
  if (gazetteer.spelling_costs().learned()) {
    AtomicFile costs(costs_file);
    gazetteer.spelling_costs().write(costs.stream());
    costs.commit();
  } else {
    std::filesystem::remove(costs_file);
  }
  // every tag with its role, so that a reader sees which sources rank below the others
  const auto sources_file = folder / "sources.tsv";
  if (gazetteer.secondary_sources().empty()) {
    std::filesystem::remove(sources_file);
    return;
  }
  std::set<std::string> tags;
  for (const auto& place : gazetteer.places()) tags.insert(place.sources.begin(), place.sources.end());
  AtomicFile sources(sources_file);
  sources.stream() << kSourcesHeader << '\n';
  for (const auto& tag : tags) {
    sources.stream() << tag << '\t' << (gazetteer.secondary_sources().count(tag) ? "secondary" : "primary") << '\n';
  }
  sources.commit();
}

std::filesystem::path default_gazetteer_folder() {
  if (const char* env = std::getenv("CONFLICTMAP_GAZETTEER"); env && *env) return env;
  return data_path("gazetteer/syria");
}

}  // namespace conflictmap
