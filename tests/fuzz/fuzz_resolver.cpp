// A place string and its context (the input's first line, then the rest) to the resolver. Beyond not crashing:
// the score lies in [0, 1], a point is finite and in range, and the names it gives are valid UTF-8.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "gazetteer/gazetteer_files.hpp"
#include "resolve/resolver.hpp"
#include "resolve/script.hpp"

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
  if (!(r.score >= 0 && r.score <= 1)) std::abort();
  if (r.has_point()) {
    if (!std::isfinite(r.point.lat) || !std::isfinite(r.point.lon)) std::abort();
    if (std::abs(r.point.lat) > 90 || std::abs(r.point.lon) > 180) std::abort();
    if (!is_valid_utf8(r.place_name)) std::abort();
  }
  for (const auto& c : r.candidates) {
    if (!is_valid_utf8(c.matched_name)) std::abort();
  }
  return 0;
}
