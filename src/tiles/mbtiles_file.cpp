#include "tiles/mbtiles_file.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "core/script.hpp"
#include "io/atomic_file.hpp"
#include "io/input_error.hpp"
#include "tiles/pmtiles_archive.hpp"

namespace conflictmap {

namespace fs = std::filesystem;

namespace {

class Database {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  // Read-only never creates a file: a mistyped path is an error, not an empty tile set
  explicit Database(const fs::path& path, Mode mode = Mode::ReadWrite) {
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      // SQLite hands back a handle even when opening fails, and it must be closed (no destructor runs here)
      const std::string reason = message();
      sqlite3_close(db_);
      throw std::runtime_error("cannot open " + path.string() + ": " + reason);
    }
  }
  ~Database() { sqlite3_close(db_); }
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string text = error ? error : "unknown error";
      sqlite3_free(error);
      throw std::runtime_error("SQLite: " + text);
    }
  }
  sqlite3_stmt* prepare(const char* sql) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr) != SQLITE_OK) throw std::runtime_error("SQLite: " + message());
    return statement;
  }
  std::string message() const { return db_ ? sqlite3_errmsg(db_) : "out of memory"; }

 private:
  sqlite3* db_ = nullptr;
};

struct Statement {
  sqlite3_stmt* handle;
  ~Statement() { sqlite3_finalize(handle); }
};

// MBTiles 1.3: tiles(zoom_level, tile_column, tile_row TMS, tile_data) and metadata(name, value).
class MbtilesSink : public TileSink {
 public:
  explicit MbtilesSink(fs::path target) : target_(std::move(target)) {
    require_writable_folder_for(target_);
    partial_ = target_.parent_path() / ("." + target_.filename().string() + ".partial");
    db_ = std::make_unique<Database>(partial_);
    db_->exec("PRAGMA journal_mode=DELETE; PRAGMA synchronous=OFF;"
              "CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT);"
              "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
              "CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row);");
    find_ = db_->prepare("SELECT 1 FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?");
    insert_ = db_->prepare("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)");
  }
  ~MbtilesSink() override {
    sqlite3_finalize(find_);
    sqlite3_finalize(insert_);
  }
  bool has(TileAddress t) const override {
    sqlite3_reset(find_);
    sqlite3_bind_int(find_, 1, t.z);
    sqlite3_bind_int(find_, 2, t.x);
    sqlite3_bind_int(find_, 3, tms_row(t));
    return sqlite3_step(find_) == SQLITE_ROW;
  }
  void put(TileAddress t, const std::string& data) override {
    sqlite3_reset(insert_);
    sqlite3_bind_int(insert_, 1, t.z);
    sqlite3_bind_int(insert_, 2, t.x);
    sqlite3_bind_int(insert_, 3, tms_row(t));
    sqlite3_bind_blob(insert_, 4, data.data(), int(data.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(insert_) != SQLITE_DONE) throw std::runtime_error("cannot write " + target_.string() + ": " + db_->message());
  }
  void finish(const TileSetInfo& info) override {
    db_->exec("DELETE FROM metadata;");
    sqlite3_stmt* add = db_->prepare("INSERT INTO metadata VALUES (?, ?)");
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"name", info.name},
        {"format", info.format},
        {"bounds", fmt_bounds(info)},
        {"center", fmt_center(info)},
        {"minzoom", std::to_string(info.min_zoom)},
        {"maxzoom", std::to_string(info.max_zoom)},
        {"type", "overlay"},
        {"version", "1.3"},
        {"description", info.description},
        {"attribution", info.attribution},
    };
    for (const auto& [name, value] : rows) {
      sqlite3_reset(add);
      sqlite3_bind_text(add, 1, name.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(add, 2, value.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(add);
    }
    sqlite3_finalize(add);
    sqlite3_finalize(find_);
    sqlite3_finalize(insert_);
    find_ = insert_ = nullptr;
    db_.reset();
    commit_temporary(partial_, target_);
  }
  static std::string fmt_bounds(const TileSetInfo& i) {
    std::ostringstream out;
    out.precision(10);
    out << i.lon_min << ',' << i.lat_min << ',' << i.lon_max << ',' << i.lat_max;
    return out.str();
  }
  static std::string fmt_center(const TileSetInfo& i) {
    std::ostringstream out;
    out.precision(10);
    out << (i.lon_min + i.lon_max) / 2 << ',' << (i.lat_min + i.lat_max) / 2 << ',' << (i.min_zoom + i.max_zoom) / 2;
    return out.str();
  }

 private:
  fs::path target_, partial_;
  std::unique_ptr<Database> db_;
  sqlite3_stmt* find_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

}  // namespace

std::unique_ptr<TileSink> open_mbtiles_sink(const fs::path& path) { return std::make_unique<MbtilesSink>(path); }

namespace {

std::string column_text(sqlite3_stmt* row, int column) {
  const auto* text = sqlite3_column_text(row, column);  // NULL for an SQL NULL
  return text ? std::string(reinterpret_cast<const char*>(text), std::size_t(sqlite3_column_bytes(row, column))) : std::string();
}

// A zoom as MBTiles metadata writes it: a whole number of the range a tile address can hold
std::optional<int> zoom_level(std::string_view text) {
  int zoom = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), zoom);
  if (error != std::errc() || end != text.data() + text.size() || zoom < 0 || zoom > kMaxTileZoom) return std::nullopt;
  return zoom;
}

}  // namespace

TileSetContents read_mbtiles(const fs::path& path) {
  const std::string source = path.string();
  TileSetContents contents;
  Database db(path, Database::Mode::ReadOnly);
  // SQLite reports a damaged file at the step that meets the damage: a read stops there with an error rather
  // than returning the rows before it as the whole set
  const auto require_done = [&](int step) {
    if (step != SQLITE_DONE) throw InputError(source, 0, "", "not a readable MBTiles file: " + db.message());
  };
  nlohmann::json meta = nlohmann::json::object();
  {
    Statement rows{db.prepare("SELECT name, value FROM metadata")};
    int step = 0;
    while ((step = sqlite3_step(rows.handle)) == SQLITE_ROW) {
      const std::string name = column_text(rows.handle, 0);
      const std::string value = column_text(rows.handle, 1);
      if (!is_valid_utf8(name) || !is_valid_utf8(value)) throw InputError(source, 0, "metadata", "a name or value is not UTF-8 text");
      if (name == "minzoom" || name == "maxzoom") {
        const auto zoom = zoom_level(value);
        if (!zoom) throw InputError(source, 0, name, fmt::format("'{:.40}' is not a zoom level (0–{})", value, kMaxTileZoom));
        meta[name] = *zoom;
      } else if (name == "bounds") {
        double b[4];
        if (std::sscanf(value.c_str(), "%lf,%lf,%lf,%lf", &b[0], &b[1], &b[2], &b[3]) == 4 &&
            std::all_of(std::begin(b), std::end(b), [](double v) { return std::isfinite(v); })) {
          meta["bounds"] = {b[0], b[1], b[2], b[3]};
        }
      } else {
        meta[name] = value;
      }
    }
    require_done(step);
  }
  contents.info = tile_set_info_from(meta);
  Statement tiles{db.prepare("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")};
  int step = 0;
  while ((step = sqlite3_step(tiles.handle)) == SQLITE_ROW) {
    const sqlite3_int64 z = sqlite3_column_int64(tiles.handle, 0), x = sqlite3_column_int64(tiles.handle, 1),
                        row = sqlite3_column_int64(tiles.handle, 2);
    const sqlite3_int64 side = z >= 0 && z <= kMaxTileZoom ? sqlite3_int64(1) << z : 0;
    if (side == 0 || x < 0 || x >= side || row < 0 || row >= side) {
      throw InputError(source, 0, "tiles", fmt::format("{}/{}/{} is not a tile (zoom 0–{}, column and row within it)", z, x, row, kMaxTileZoom));
    }
    const TileAddress t{int(z), int(x), int(side - 1 - row)};  // TMS rows count from the south
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(tiles.handle, 3));
    const auto bytes = std::size_t(sqlite3_column_bytes(tiles.handle, 3));
    contents.tiles.push_back({t, blob ? std::string(blob, bytes) : std::string()});
  }
  require_done(step);
  std::sort(contents.tiles.begin(), contents.tiles.end(),
            [](const auto& a, const auto& b) { return pmtiles_tile_id(a.first) < pmtiles_tile_id(b.first); });
  return contents;
}

}  // namespace conflictmap
