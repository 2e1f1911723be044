#pragma once
// Serving a folder `conflictmap web` wrote: which file a URL path names (never one outside the folder), its
// content type and cache policy, and XYZ tiles out of MBTiles files. Kept apart from the HTTP server so the
// rules are testable without a socket.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace conflictmap {

// The file under `root` that `url_path` ("/tiles/x.pmtiles") names; nullopt for paths with "..", NUL,
// backslashes or that resolve outside the root (symlinks included). A folder means its index.html.
std::optional<std::filesystem::path> resolve_site_path(const std::filesystem::path& root, const std::string& url_path);

std::string content_type_for(const std::filesystem::path& file);
// Pages and their configuration revalidate every time; tiles, data and libraries may be cached an hour.
std::string cache_control_for(const std::filesystem::path& file);

// "/tiles/NAME/Z/X/Y.png" served from ROOT/tiles/NAME.mbtiles: the tile bytes, or nullopt when there is no
// such file or tile.
std::optional<std::string> mbtiles_tile(const std::filesystem::path& root, const std::string& url_path);

// A request path as a log line may show it: control bytes and backslashes escaped (\x1b), cut at 500 bytes, so
// that a request cannot write to the terminal or forge log lines.
std::string printable_path(std::string_view path);

}  // namespace conflictmap
