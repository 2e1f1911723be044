#pragma once
// What every fuzz target checks beyond "no crash", written once: a failed property aborts, which libFuzzer
// reports as a crash with the input that caused it.
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/event.hpp"
#include "core/place.hpp"
#include "core/script.hpp"
#include "tiles/web_mercator.hpp"

namespace conflictmap::fuzz {

inline void require(bool condition) {
  if (!condition) std::abort();
}

inline void require_point(double lat, double lon) {
  require(std::isfinite(lat) && std::isfinite(lon) && std::abs(lat) <= 90 && std::abs(lon) <= 180);
}

// Every string an event carries is valid UTF-8, and a placed event lies on the globe.
inline void require_sound_event(const Event& e) {
  if (e.place.has_point()) require_point(e.place.point.lat, e.place.point.lon);
  for (const auto* s : {&e.id, &e.place.place_id, &e.place.name, &e.place.written, &e.actor1.canonical,
                        &e.actor1.written, &e.actor2.canonical, &e.actor2.written, &e.date.written,
                        &e.new_controller, &e.provenance.document, &e.provenance.sentence}) {
    require(is_valid_utf8(*s));
  }
  if (e.fatalities) require(*e.fatalities >= 0);
}

inline void require_sound_place(const Place& place, bool has_point) {
  if (has_point) require_point(place.lat, place.lon);
  require(is_valid_utf8(place.id));
  for (const auto& name : place.names) require(is_valid_utf8(name.text));
}

inline void require_tile_address(const TileAddress& tile) {
  require(tile.z >= 0 && tile.z <= kMaxTileZoom);
  const long long side = 1LL << tile.z;
  require(tile.x >= 0 && tile.x < side && tile.y >= 0 && tile.y < side);
}

// The readers under test take paths: the input goes to a file of this process, named with the extension the
// reader expects, rewritten for every input.
inline std::filesystem::path input_file(std::string_view extension, const std::uint8_t* data, std::size_t size) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("conflictmap-fuzz-" + std::to_string(::getpid()) + std::string(extension));
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                 std::streamsize(size));
  return path;
}

}  // namespace conflictmap::fuzz
