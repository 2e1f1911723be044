// A place string and its context (the input's first line, then the rest) to the resolver. Beyond not crashing:
// the score lies in [0, 1], a point is finite and in range, and the names it gives are valid UTF-8.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_properties.hpp"
#include "core/script.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "resolve/resolver.hpp"

using namespace conflictmap;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Gazetteer gazetteer = load_gazetteer(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/syria");
  static const Resolver resolver(gazetteer);
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string name = input.substr(0, newline);
  ResolveContext context;
  if (newline != std::string::npos) context.texts.push_back(input.substr(newline + 1));
  const Resolution r = resolver.resolve(name, context);
  fuzz::require(r.score >= 0 && r.score <= 1);
  if (r.has_point()) {
    fuzz::require_point(r.point.lat, r.point.lon);
    fuzz::require(is_valid_utf8(r.place_name));
  }
  for (const auto& c : r.candidates) {
    fuzz::require(is_valid_utf8(c.matched_name) && c.score >= 0 && c.score <= 1);
  }
  return 0;
}
