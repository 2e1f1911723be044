#include "io/static_site.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <regex>

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
    if (part == "..") return std::nullopt;
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

std::optional<std::string> mbtiles_tile(const fs::path& root, const std::string& url_path) {
  static const std::regex pattern(R"(^/tiles/([A-Za-z0-9_.-]+)/(\d{1,2})/(\d{1,8})/(\d{1,8})\.(png|webp)$)");
  std::smatch match;
  if (!std::regex_match(url_path, match, pattern) || match[1].str().find("..") != std::string::npos) return std::nullopt;
  const fs::path file = root / "tiles" / (match[1].str() + ".mbtiles");
  if (!fs::is_regular_file(file)) return std::nullopt;
  const int z = std::stoi(match[2]), x = std::stoi(match[3]), y = std::stoi(match[4]);
  if (z > 22 || x >= (1 << z) || y >= (1 << z)) return std::nullopt;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
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

}  // namespace conflictmap
