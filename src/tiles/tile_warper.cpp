#include "tiles/tile_warper.hpp"

#include <cpl_string.h>

#include <stdexcept>

namespace conflictmap {

TileWarper::TileWarper(GDALDatasetH source, int bands, GDALDataType type, GDALResampleAlg resampling,
                       std::optional<double> nodata, const std::string& mercator_wkt)
    : bands_(bands), type_(type) {
  destination_.reset(GDALCreate(GDALGetDriverByName("MEM"), "", kTileSize, kTileSize, bands, type, nullptr));
  if (!destination_) throw std::runtime_error(std::string("cannot allocate a tile: ") + CPLGetLastErrorMsg());
  GDALSetProjection(destination_.get(), mercator_wkt.c_str());
  double source_transform[6], placeholder[6] = {0, 1, 0, 0, 0, -1};
  GDALGetGeoTransform(source, source_transform);
  GDALSetGeoTransform(destination_.get(), placeholder);
  exact_.reset(GDALCreateGenImgProjTransformer3(GDALGetProjectionRef(source), source_transform, mercator_wkt.c_str(),
                                                placeholder));
  if (!exact_) throw std::runtime_error(std::string("cannot transform the layer to Web Mercator: ") + CPLGetLastErrorMsg());
  // within 1/8 pixel, as gdalwarp does: PROJ is not called for every pixel
  approx_.reset(GDALCreateApproxTransformer(GDALGenImgProjTransform, exact_.get(), 0.125));
  GDALWarpOptions* options = GDALCreateWarpOptions();
  options->hSrcDS = source;
  options->hDstDS = destination_.get();
  options->nBandCount = bands;
  options->panSrcBands = static_cast<int*>(CPLMalloc(sizeof(int) * bands));
  options->panDstBands = static_cast<int*>(CPLMalloc(sizeof(int) * bands));
  for (int b = 0; b < bands; ++b) options->panSrcBands[b] = options->panDstBands[b] = b + 1;
  options->eResampleAlg = resampling;
  options->eWorkingDataType = type;
  if (nodata) {
    options->padfSrcNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double) * bands));
    options->padfDstNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double) * bands));
    for (int b = 0; b < bands; ++b) options->padfSrcNoDataReal[b] = options->padfDstNoDataReal[b] = *nodata;
    options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "NO_DATA");
  } else {
    options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "0");
  }
  options->pfnTransformer = GDALApproxTransform;
  options->pTransformerArg = approx_.get();
  operation_ = std::make_unique<GDALWarpOperation>();
  const CPLErr status = operation_->Initialize(options);
  GDALDestroyWarpOptions(options);
  if (status != CE_None) throw std::runtime_error(std::string("cannot set up the warp: ") + CPLGetLastErrorMsg());
}

std::vector<std::uint8_t> TileWarper::warp(TileAddress tile) {
  const MercatorBounds b = tile_bounds(tile);
  const double resolution = tile_resolution(tile.z);
  double transform[6] = {b.min_x, resolution, 0, b.max_y, 0, -resolution};
  GDALSetGeoTransform(destination_.get(), transform);
  GDALSetGenImgProjTransformerDstGeoTransform(exact_.get(), transform);
  std::vector<std::uint8_t> buffer(std::size_t(kTileSize) * kTileSize * bands_ * GDALGetDataTypeSizeBytes(type_));
  if (operation_->WarpRegionToBuffer(0, 0, kTileSize, kTileSize, buffer.data(), type_) != CE_None) {
    throw std::runtime_error(std::string("GDAL cannot warp a tile: ") + CPLGetLastErrorMsg());
  }
  return buffer;
}

}  // namespace conflictmap
