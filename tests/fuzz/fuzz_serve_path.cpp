// The request paths `serve` answers: which file a URL names, MBTiles tiles by URL, and the log line. Beyond not
// crashing: a resolved file lies inside the served folder (a symlink in it points outside and must never be
// followed), and a logged path is valid UTF-8, holds no control byte and stays short.
#include <filesystem>
#include <fstream>

#include "fuzz_properties.hpp"
#include "web/static_site.hpp"

using namespace conflictmap;
namespace fs = std::filesystem;

namespace {

// A small web folder: a page, a tile set, a subfolder, and a symlink to a file outside it.
fs::path make_site() {
  const auto base = fs::temp_directory_path() / ("conflictmap-fuzz-site-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "site" / "tiles" / "deep");
  std::ofstream(base / "site" / "index.html") << "<html></html>";
  std::ofstream(base / "site" / "tiles" / "deep" / "a.geojson") << "{}";
  std::ofstream(base / "secret.txt") << "outside";
  fs::create_symlink(base / "secret.txt", base / "site" / "tiles" / "link.txt");
  return fs::canonical(base / "site");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path root = make_site();
  const std::string url(reinterpret_cast<const char*>(data), size);
  if (const auto file = resolve_site_path(root, url)) {
    std::error_code error;
    const auto real = fs::weakly_canonical(*file, error);
    if (!error) {
      const auto inside = real.lexically_relative(root);
      fuzz::require(!inside.empty() && *inside.begin() != "..");
    }
  }
  (void)mbtiles_tile(root, url);
  const std::string logged = printable_path(url);
  fuzz::require(logged.size() <= 4 * 500 + 16);
  fuzz::require(is_valid_utf8(logged));
  for (const unsigned char c : logged) fuzz::require(c >= 0x20 && c != 0x7f);
  return 0;
}
