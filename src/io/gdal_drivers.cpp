#include "io/gdal_drivers.hpp"

#include <gdal.h>

namespace conflictmap {

void register_gdal_drivers() {
  // a function-local static is initialised exactly once, even when threads race to it
  static const bool registered = [] {
    GDALAllRegister();
    return true;
  }();
  (void)registered;
}

}  // namespace conflictmap
