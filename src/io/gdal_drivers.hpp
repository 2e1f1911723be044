#pragma once
// GDAL's drivers, registered once per process: GDALAllRegister walks every driver each time it is called,
// and layers are written from more than one thread at once.

namespace conflictmap {

void register_gdal_drivers();

}  // namespace conflictmap
