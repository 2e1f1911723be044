#pragma once
// GEOS through its reentrant C API: one context per thread of work, and geometries that free themselves.
#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace conflictmap {

class GeosContext {
 public:
  GeosContext();
  ~GeosContext();
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  GEOSContextHandle_t handle() const { return handle_; }
  const std::string& last_error() const { return error_; }

 private:
  static void on_error(const char* message, void* self);
  GEOSContextHandle_t handle_;
  std::string error_;
};

struct GeosDeleter {
  GEOSContextHandle_t handle = nullptr;
  void operator()(GEOSGeometry* geometry) const {
    if (geometry) GEOSGeom_destroy_r(handle, geometry);
  }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosDeleter>;

// Takes ownership of a result; a null result is a std::runtime_error naming what failed and why.
GeosGeometry own(const GeosContext& context, GEOSGeometry* geometry, const char* what);
GeosGeometry geometry_from_wkb(const GeosContext& context, const std::vector<unsigned char>& wkb);
std::vector<unsigned char> geometry_to_wkb(const GeosContext& context, const GEOSGeometry* geometry);

}  // namespace conflictmap
