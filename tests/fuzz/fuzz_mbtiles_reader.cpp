// MBTiles (SQLite) file bytes to tiles. Beyond not crashing: every tile address is a real tile of its zoom and
// its TMS row is flipped into range; a file that is not an MBTiles set is a runtime_error.
#include <stdexcept>

#include "fuzz_properties.hpp"
#include "tiles/mbtiles_file.hpp"

using namespace conflictmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = fuzz::input_file(".mbtiles", data, size);
  try {
    const auto contents = read_mbtiles(path);
    for (const auto& [address, bytes] : contents.tiles) fuzz::require_tile_address(address);
  } catch (const std::runtime_error&) {
  }
  return 0;
}
