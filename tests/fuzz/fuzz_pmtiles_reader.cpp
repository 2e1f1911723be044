// PMTiles archive bytes to tiles. Beyond not crashing: every tile address is a real tile of its zoom, no tile
// is bigger than the archive, and a malformed archive is a runtime_error (the message `tiles`/`serve` show).
#include <stdexcept>

#include "fuzz_properties.hpp"
#include "tiles/pmtiles_archive.hpp"

using namespace conflictmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string archive(reinterpret_cast<const char*>(data), size);
  try {
    const auto contents = read_pmtiles(archive);
    for (const auto& [address, bytes] : contents.tiles) {
      fuzz::require_tile_address(address);
      fuzz::require(bytes.size() <= archive.size());
    }
  } catch (const std::runtime_error&) {
  }
  return 0;
}
