#include "io/gdal_errors.hpp"

#include <cpl_error.h>

namespace conflictmap {

namespace {

void collect(CPLErr level, CPLErrorNum, const char* message) {
  auto* failures = static_cast<std::optional<std::string>*>(CPLGetErrorHandlerUserData());
  if (level >= CE_Failure && failures && !*failures) *failures = message ? message : "an unknown GDAL error";
}

}  // namespace

GdalFailures::GdalFailures() { CPLPushErrorHandlerEx(collect, &first_); }

GdalFailures::~GdalFailures() { CPLPopErrorHandler(); }

}  // namespace conflictmap
