#include "web/static_site.hpp"

#include <sqlite3.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include <fmt/format.h>

namespace conflictmap {

namespace fs = std::filesystem;

std::optional<fs::path> resolve_site_path(const fs::path& root, const std::string& url_path) {
  if (url_path.empty() || url_path.front() != '/') return std::nullopt;
  if (url_path.find('\0') != std::string::npos || url_path.find('\\') != std::string::npos) return std::nullopt;
  fs::path relative;
  std::size_t start = 1;
  while (start <= url_path.size()) {
    const auto slash = url_path.find('/', start);
    const std::string part = url_path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    // "..", and dotfiles (".git", ".env"): nothing a web folder publishes
    if (part == ".." || (part.size() > 1 && part.front() == '.')) return std::nullopt;
    if (!part.empty() && part != ".") relative /= part;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  std::error_code error;
  const fs::path base = fs::canonical(root, error);
  if (error) return std::nullopt;
  fs::path file = base / relative;
  if (fs::is_directory(file, error)) file /= "index.html";
  const fs::path resolved = fs::weakly_canonical(file, error);
  if (error) return std::nullopt;
  // inside the root, even through symlinks
  const auto [root_end, unused] = std::mismatch(base.begin(), base.end(), resolved.begin(), resolved.end());
  if (root_end != base.end()) return std::nullopt;
  return resolved;
}

std::string content_type_for(const fs::path& file) {
  const std::string extension = file.extension().string();
  if (extension == ".html") return "text/html; charset=utf-8";
  if (extension == ".js") return "text/javascript; charset=utf-8";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".json") return "application/json";
  if (extension == ".geojson") return "application/geo+json";
  if (extension == ".pmtiles") return "application/vnd.pmtiles";
  if (extension == ".png") return "image/png";
  if (extension == ".webp") return "image/webp";
  if (extension == ".pbf" || extension == ".mvt") return "application/vnd.mapbox-vector-tile";
  if (extension == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string cache_control_for(const fs::path& file) {
  const std::string extension = file.extension().string();
  if (extension == ".html" || file.filename() == "config.json") return "no-cache";
  return "public, max-age=3600";
}

namespace {

// "/tiles/NAME/Z/X/Y.png" (or .webp), read without a regular expression, whose matching recurses per character
// and overflows a thread's stack on a long path.
struct TileAddress {
  std::string name;
  int z = 0, x = 0, y = 0;
};

std::optional<int> small_number(std::string_view text, std::size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<TileAddress> tile_address(std::string_view path) {
  constexpr std::string_view kPrefix = "/tiles/";
  if (path.size() > 300 || path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  path.remove_prefix(kPrefix.size());
  std::string_view parts[4];
  for (int i = 0; i < 4; ++i) {
    const auto slash = path.find('/');
    if ((i < 3) == (slash == std::string_view::npos)) return std::nullopt;
    parts[i] = path.substr(0, slash);
    path = i < 3 ? path.substr(slash + 1) : std::string_view();
  }
  const auto dot = parts[3].rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto extension = parts[3].substr(dot);
  if (extension != ".png" && extension != ".webp") return std::nullopt;
  TileAddress a;
  a.name = std::string(parts[0]);
  const bool name_ok = !a.name.empty() && a.name.size() <= 100 && a.name.find("..") == std::string::npos &&
                       a.name.front() != '.' && std::all_of(a.name.begin(), a.name.end(), [](char c) {
                         return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                                c == '.' || c == '-';
                       });
  const auto z = small_number(parts[1], 2), x = small_number(parts[2], 8), y = small_number(parts[3].substr(0, dot), 8);
  if (!name_ok || !z || !x || !y) return std::nullopt;
  a.z = *z;
  a.x = *x;
  a.y = *y;
  return a;
}

}  // namespace

std::optional<std::string> mbtiles_tile(const fs::path& root, const std::string& url_path) {
  const auto address = tile_address(url_path);
  if (!address) return std::nullopt;
  // the archive must lie inside the folder, also through symlinks
  const auto file = resolve_site_path(root, "/tiles/" + address->name + ".mbtiles");
  if (!file || !fs::is_regular_file(*file)) return std::nullopt;
  const int z = address->z, x = address->x, y = address->y;
  if (z > 22 || x >= (1 << z) || y >= (1 << z)) return std::nullopt;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file->c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return std::nullopt;
  }
  std::optional<std::string> tile;
  sqlite3_stmt* query = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?", -1, &query,
                         nullptr) == SQLITE_OK) {
    sqlite3_bind_int(query, 1, z);
    sqlite3_bind_int(query, 2, x);
    sqlite3_bind_int(query, 3, (1 << z) - 1 - y);
    if (sqlite3_step(query) == SQLITE_ROW) {
      tile = std::string(static_cast<const char*>(sqlite3_column_blob(query, 0)), std::size_t(sqlite3_column_bytes(query, 0)));
    }
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  return tile;
}

std::string printable_path(std::string_view path) {
  constexpr std::size_t kShownBytes = 500;
  const auto length = static_cast<std::int32_t>(std::min(path.size(), kShownBytes));
  std::string out;
  out.reserve(std::size_t(length) + 16);
  std::int32_t at = 0;
  while (at < length) {
    const std::int32_t start = at;
    UChar32 c = 0;
    U8_NEXT(path.data(), at, length, c);
    // Printable characters pass; C0 and C1 controls (a terminal takes U+009B as CSI), backslashes and bytes that
    // are not UTF-8 are escaped byte by byte, so the line is valid UTF-8 and cannot steer a terminal
    if (c >= 0x20 && c != 0x7F && c != '\\' && !(c >= 0x80 && c < 0xA0)) {
      out.append(path.substr(std::size_t(start), std::size_t(at - start)));
    } else {
      for (std::int32_t i = start; i < at; ++i) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(path[std::size_t(i)]));
    }
  }
  if (path.size() > kShownBytes) out += "…";
  return out;
}

}  // namespace conflictmap
