#include "gazetteer/gazetteer_files.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>
#include <cstdlib>

#include "io/atomic_file.hpp"
#include "io/delimited_table.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

constexpr const char* kPlacesHeader = "id\tkind\tlat\tlon\tadmin1\tadmin2\tadmin3\tpopulation\tsources";
constexpr const char* kNamesHeader = "id\tname\tlang\tsource";
constexpr const char* kNeighboursHeader = "unit\tneighbours";

double parse_coordinate(const std::string& text, const std::string& file, long line, const char* field, double limit) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < -limit || value > limit) {
    throw InputError(file, line, field, "'" + text + "' is not a coordinate within ±" + fmt::format("{}", limit));
  }
  return value;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find(',', start);
    items.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return items;
}

void check_header(const DelimitedTable& table, const char* expected) {
  std::string header;
  for (const auto& h : table.header) header += (header.empty() ? "" : "\t") + h;
  if (header != expected) {
    throw InputError(table.source, 1, "", fmt::format("unexpected header; a gazetteer file starts with '{}'", expected));
  }
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

Gazetteer load_gazetteer(const std::filesystem::path& folder) {
  if (!std::filesystem::is_directory(folder)) {
    throw InputError(folder.string(), 0, "", "no gazetteer folder here (it holds places.tsv and names.tsv)");
  }
  Gazetteer gazetteer;
  const auto places = read_delimited_file((folder / "places.tsv").string(), '\t', false);
  check_header(places, kPlacesHeader);
  for (const auto& record : places.records) {
    const auto& f = record.fields;
    Place place;
    place.id = f[0];
    const auto kind = place_kind_from_string(f[1]);
    if (!kind) throw InputError(places.source, record.line, "kind", "unknown kind '" + f[1] + "'");
    place.kind = *kind;
    place.lat = parse_coordinate(f[2], places.source, record.line, "lat", 90);
    place.lon = parse_coordinate(f[3], places.source, record.line, "lon", 180);
    place.admin = {f[4], f[5], f[6]};
    if (!f[7].empty()) {
      const auto [end, error] = std::from_chars(f[7].data(), f[7].data() + f[7].size(), place.population);
      if (error != std::errc() || end != f[7].data() + f[7].size()) {
        throw InputError(places.source, record.line, "population", "'" + f[7] + "' is not a whole number");
      }
    }
    place.sources = split_list(f[8]);
    try {
      gazetteer.add(std::move(place));
    } catch (const std::invalid_argument& error) {
      throw InputError(places.source, record.line, "id", error.what());
    }
  }
  if (std::filesystem::exists(folder / "neighbours.tsv")) {
    const auto table = read_delimited_file((folder / "neighbours.tsv").string(), '\t', false);
    check_header(table, kNeighboursHeader);
    std::map<std::string, std::set<std::string>> neighbours;
    for (const auto& record : table.records) {
      for (const auto& other : split_list(record.fields[1])) neighbours[record.fields[0]].insert(other);
    }
    gazetteer.set_neighbours(std::move(neighbours));
  }
  const auto names = read_delimited_file((folder / "names.tsv").string(), '\t', false);
  check_header(names, kNamesHeader);
  auto& all = gazetteer.mutable_places();
  for (const auto& record : names.records) {
    const auto& f = record.fields;
    const auto index = gazetteer.find(f[0]);
    if (!index) throw InputError(names.source, record.line, "id", "no place with id '" + f[0] + "' in places.tsv");
    if (f[1].empty()) throw InputError(names.source, record.line, "name", "empty name");
    all[*index].names.push_back({f[1], f[2], f[3]});
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
}

std::filesystem::path default_gazetteer_folder() {
  if (const char* env = std::getenv("CONFLICTMAP_GAZETTEER"); env && *env) return env;
  return CONFLICTMAP_DEFAULT_GAZETTEER;
}

}  // namespace conflictmap
