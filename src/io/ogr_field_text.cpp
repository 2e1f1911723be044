#include "io/ogr_field_text.hpp"

#include <ogrsf_frmts.h>

#include <fmt/format.h>

namespace conflictmap {

std::string ogr_field_text(OGRFeature& feature, int index) {
  if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return {};
  const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
  if (type == OFTDate || type == OFTDateTime) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, zone = 0;
    float second = 0;
    if (feature.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &zone)) {
      return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    }
  }
  return feature.GetFieldAsString(index);
}

}  // namespace conflictmap
