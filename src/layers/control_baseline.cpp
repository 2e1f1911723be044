#include "layers/control_baseline.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "io/delimited_table.hpp"
#include "io/field_values.hpp"
#include "io/gdal_drivers.hpp"
#include "io/input_error.hpp"
#include "io/ogr_field_text.hpp"

namespace conflictmap {

namespace {


std::optional<CivilDate> date_in(const std::string& text, const std::string& source, long line) {
  if (text.empty()) return std::nullopt;
  auto date = CivilDate::parse(text);
  if (!date) throw InputError(source, line, "date", "'" + text + "' is not a date (YYYY-MM-DD)");
  return date;
}

ControlBaseline read_point_table(const std::string& source) {
  ControlBaseline baseline;
  baseline.source = source;
  const DelimitedTable table = read_delimited_file(source, ',');
  const std::size_t controller = table.column("controller");
  const auto place_id = table.find_column("place_id");
  const auto latitude = table.find_column("latitude");
  const auto longitude = table.find_column("longitude");
  const auto name = table.find_column("name");
  const auto date = table.find_column("date");
  if (!place_id && !(latitude && longitude)) {
    throw InputError(source, 1, "latitude", "a baseline needs place_id or latitude and longitude columns");
  }
  for (const auto& record : table.records) {
    BaselinePlace place;
    place.line = record.line;
    place.controller = record.fields[controller];
    if (place.controller.empty()) throw InputError(source, record.line, "controller", "is empty");
    if (place_id) place.place_id = record.fields[*place_id];
    if (name) place.name = record.fields[*name];
    if (latitude && longitude) {
      auto lat = optional_number(record.fields[*latitude], source, record.line, "latitude");
      auto lon = optional_number(record.fields[*longitude], source, record.line, "longitude");
      if (lat.has_value() != lon.has_value()) {
        throw InputError(source, record.line, lat ? "longitude" : "latitude", "is empty while its pair is set");
      }
      if (lat) {
        require_coordinates(*lat, *lon, source, record.line);
        place.point = LatLon{*lat, *lon};
      }
    }
    if (!place.point && place.place_id.empty()) {
      throw InputError(source, record.line, "place_id", "the row has neither a place_id nor coordinates");
    }
    if (date) place.date = date_in(record.fields[*date], source, record.line);
    baseline.places.push_back(std::move(place));
  }
  return baseline;
}

}  // namespace

ControlBaseline read_control_baseline(const std::string& source) {
  if (!std::filesystem::exists(source) && source.find(':') == std::string::npos) {
    throw InputError(source, 0, "", "no such file");
  }
  auto extension = std::filesystem::path(source).extension().string();
  for (auto& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".csv") return read_point_table(source);

  register_gdal_drivers();
  GDALDatasetUniquePtr dataset(static_cast<GDALDataset*>(
      GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
  if (!dataset) throw InputError(source, 0, "", std::string("cannot open as a vector source: ") + CPLGetLastErrorMsg());
  OGRLayer* layer = dataset->GetLayer(0);
  if (!layer) throw InputError(source, 0, "", "has no layer");
  const int controller = layer->GetLayerDefn()->GetFieldIndex("controller");
  if (controller < 0) throw InputError(source, 0, "controller", "is missing");
  const int date = layer->GetLayerDefn()->GetFieldIndex("date");
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  ControlBaseline baseline;
  baseline.source = source;
  long number = 0;
  for (auto& feature : *layer) {
    ++number;
    const std::string who = ogr_field_text(*feature, controller);
    if (who.empty()) throw InputError(source, number, "controller", "is empty");
    const auto when = date_in(ogr_field_text(*feature, date).substr(0, 10), source, number);
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry || geometry->IsEmpty()) throw InputError(source, number, "geometry", "is empty");
    std::unique_ptr<OGRGeometry> copy(geometry->clone());
    if (layer->GetSpatialRef()) {
      copy->assignSpatialReference(layer->GetSpatialRef());
      if (copy->transformTo(&wgs84) != OGRERR_NONE) throw InputError(source, number, "geometry", "cannot be reprojected to WGS84");
    }
    const auto type = wkbFlatten(copy->getGeometryType());
    if (type == wkbPoint) {
      auto* point = copy->toPoint();
      baseline.places.push_back({number, "", "", LatLon{point->getY(), point->getX()}, who, when});
    } else if (type == wkbPolygon || type == wkbMultiPolygon) {
      BaselinePolygon polygon{number, std::vector<unsigned char>(copy->WkbSize()), who, when};
      copy->exportToWkb(wkbNDR, polygon.wkb.data(), wkbVariantIso);
      baseline.polygons.push_back(std::move(polygon));
    } else {
      throw InputError(source, number, "geometry", "must be a point or a polygon");
    }
  }
  return baseline;
}

}  // namespace conflictmap
