#pragma once
// GDAL reports a damaged record while reading (a truncated GeoJSON sequence, say) by an error message and then
// goes on with the next, so that a reader that looks only at what it is given loses records in silence. This
// collects the errors GDAL raises on this thread while it lives, for the reader to refuse the source.
#include <optional>
#include <string>

namespace conflictmap {

class GdalFailures {
 public:
  GdalFailures();   // starts collecting (and keeps the messages off stderr)
  ~GdalFailures();  // stops
  GdalFailures(const GdalFailures&) = delete;
  GdalFailures& operator=(const GdalFailures&) = delete;
  // The first failure GDAL reported since collecting began, if any.
  const std::optional<std::string>& first() const { return first_; }

 private:
  std::optional<std::string> first_;
};

}  // namespace conflictmap
