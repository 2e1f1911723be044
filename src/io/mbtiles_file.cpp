#include "io/mbtiles_file.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "io/atomic_file.hpp"
#include "tiles/pmtiles_archive.hpp"

namespace conflictmap {

namespace fs = std::filesystem;

namespace {

class Database {
 public:
  explicit Database(const fs::path& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + path.string() + ": " + message());
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

TileSetContents read_mbtiles(const fs::path& path) {
  TileSetContents contents;
  Database db(path);
  nlohmann::json meta = nlohmann::json::object();
  {
    Statement rows{db.prepare("SELECT name, value FROM metadata")};
    while (sqlite3_step(rows.handle) == SQLITE_ROW) {
      const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(rows.handle, 0));
      const std::string value = reinterpret_cast<const char*>(sqlite3_column_text(rows.handle, 1));
      if (name == "minzoom" || name == "maxzoom") meta[name] = std::stoi(value);
      else if (name == "bounds") {
        double b[4];
        if (std::sscanf(value.c_str(), "%lf,%lf,%lf,%lf", &b[0], &b[1], &b[2], &b[3]) == 4) meta["bounds"] = {b[0], b[1], b[2], b[3]};
      } else meta[name] = value;
    }
  }
  contents.info = tile_set_info_from(meta);
  Statement tiles{db.prepare("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")};
  while (sqlite3_step(tiles.handle) == SQLITE_ROW) {
    TileAddress t{sqlite3_column_int(tiles.handle, 0), sqlite3_column_int(tiles.handle, 1), 0};
    t.y = (1 << t.z) - 1 - sqlite3_column_int(tiles.handle, 2);
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(tiles.handle, 3));
    contents.tiles.push_back({t, std::string(blob, std::size_t(sqlite3_column_bytes(tiles.handle, 3)))});
  }
  std::sort(contents.tiles.begin(), contents.tiles.end(),
            [](const auto& a, const auto& b) { return pmtiles_tile_id(a.first) < pmtiles_tile_id(b.first); });
  return contents;
}


}  // namespace conflictmap
