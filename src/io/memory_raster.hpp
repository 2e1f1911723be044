#pragma once
// Rasters held in memory for GDAL to work on: the caller's own cells, georeferenced, without a copy.
#include <gdal_priv.h>

#include <string>

#include "core/raster_grid.hpp"

namespace conflictmap {

// A one-band MEM dataset over `values` (grid.width × grid.height cells of `type`, row-major from the
// north-west), georeferenced as `grid`. GDAL reads the caller's cells, which must outlive it, and writes them:
// RasterIO at once, anything through the block cache (Fill, for one) once FlushCache is called, as a MEM
// dataset drops unflushed blocks when it closes.
GDALDatasetUniquePtr memory_raster(const RasterGrid& grid, GDALDataType type, void* values);

// The WKT of a CRS given as "EPSG:32637", WKT or anything else GDAL accepts; throws for an unknown one.
std::string crs_wkt(const std::string& crs);

}  // namespace conflictmap
