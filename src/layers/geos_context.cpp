#include "layers/geos_context.hpp"

#include <cstdarg>
#include <stdexcept>

namespace conflictmap {

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
  GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char* message, void* self) { static_cast<GeosContext*>(self)->error_ = message; }

GeosGeometry own(const GeosContext& context, GEOSGeometry* geometry, const char* what) {
  if (!geometry) throw std::runtime_error(std::string("GEOS could not compute ") + what + ": " + context.last_error());
  return GeosGeometry(geometry, GeosDeleter{context.handle()});
}

GeosGeometry geometry_from_wkb(const GeosContext& context, const std::vector<unsigned char>& wkb) {
  GEOSWKBReader* reader = GEOSWKBReader_create_r(context.handle());
  GEOSGeometry* geometry = GEOSWKBReader_read_r(context.handle(), reader, wkb.data(), wkb.size());
  GEOSWKBReader_destroy_r(context.handle(), reader);
  return own(context, geometry, "a geometry from WKB");
}

std::vector<unsigned char> geometry_to_wkb(const GeosContext& context, const GEOSGeometry* geometry) {
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(context.handle());
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(context.handle(), writer, geometry, &size);
  GEOSWKBWriter_destroy_r(context.handle(), writer);
  if (!bytes) throw std::runtime_error("GEOS could not write WKB: " + context.last_error());
  std::vector<unsigned char> out(bytes, bytes + size);
  GEOSFree_r(context.handle(), bytes);
  return out;
}

}  // namespace conflictmap
