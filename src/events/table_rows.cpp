#include "events/table_rows.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "io/corpus_reader.hpp"
#include "io/gdal_drivers.hpp"
#include "io/gdal_errors.hpp"
#include "io/input_error.hpp"
#include "io/wgs84_transform.hpp"

namespace conflictmap {

namespace {

std::string trimmed(std::string_view s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  const auto end = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(begin, end - begin + 1));
}

class CsvRows : public TableRows {
 public:
  CsvRows(const std::string& source, const std::map<std::string, std::string>& columns)
      : reader_(source, CorpusFormat::Csv), columns_(columns) {
    header_ = reader_.columns();
  }
  const std::vector<std::string>& header() const override { return header_; }
  bool next(TableRow& row) override {
    if (!reader_.next(record_)) return false;
    row.line = record_.line;
    row.values.clear();
    row.geometry.reset();
    row.error = record_.error;
    row.error_field = record_.error_field;
    if (!row.error.empty()) return true;
    for (const auto& [field, column] : columns_) {
      const auto found = record_.fields.find(column);
      if (found != record_.fields.end()) row.values[field] = trimmed(found->second);
    }
    return true;
  }

 private:
  CorpusReader reader_;
  std::map<std::string, std::string> columns_;
  std::vector<std::string> header_;
  CorpusRecord record_;
};

class VectorRows : public TableRows {
 public:
  VectorRows(const std::string& source, const std::map<std::string, std::string>& columns) : source_(source) {
    register_gdal_drivers();
    dataset_.reset(static_cast<GDALDataset*>(
        GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!dataset_) throw InputError(source, 0, "", std::string("cannot open as a vector source: ") + CPLGetLastErrorMsg());
    if (dataset_->GetLayerCount() < 1) throw InputError(source, 0, "", "the source has no layer");
    layer_ = dataset_->GetLayer(0);
    OGRFeatureDefn* definition = layer_->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) header_.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
    for (const auto& [field, column] : columns) {
      const int index = definition->GetFieldIndex(column.c_str());
      if (index >= 0) indexes_.emplace_back(field, index);
    }
    to_wgs84_ = transform_to_wgs84(layer_->GetSpatialRef());
    layer_->ResetReading();
  }
  const std::vector<std::string>& header() const override { return header_; }
  bool next(TableRow& row) override {
    OGRFeatureUniquePtr feature;
    {
      // a damaged record is refused, never skipped in silence; errors are collected around the read alone, so
      // that those of the writer on this thread stay its own
      const GdalFailures failures;
      feature.reset(layer_->GetNextFeature());
      if (failures.first()) {
        throw InputError(source_, ordinal_ + 1, "", "cannot read the feature after the " + std::to_string(ordinal_) +
                                                        " read whole: " + *failures.first());
      }
    }
    if (!feature) return false;
    row = TableRow{};
    row.line = ++ordinal_;  // the feature's position: vector sources have no lines
    for (const auto& [field, index] : indexes_) {
      if (feature->IsFieldSetAndNotNull(index)) row.values[field] = trimmed(feature->GetFieldAsString(index));
    }
    if (const OGRGeometry* g = feature->GetGeometryRef(); g && wkbFlatten(g->getGeometryType()) == wkbPoint) {
      double x = g->toPoint()->getX(), y = g->toPoint()->getY();
      if (to_wgs84_) to_wgs84_->Transform(1, &x, &y);
      row.geometry = LatLon{y, x};
    }
    return true;
  }

 private:
  std::string source_;
  std::unique_ptr<GDALDataset> dataset_;
  OGRLayer* layer_ = nullptr;
  std::vector<std::string> header_;
  std::vector<std::pair<std::string, int>> indexes_;
  std::unique_ptr<OGRCoordinateTransformation> to_wgs84_;
  long ordinal_ = 0;
};

}  // namespace

std::unique_ptr<TableRows> open_table_rows(const std::string& source, bool vector,
                                           const std::map<std::string, std::string>& columns) {
  if (vector) return std::make_unique<VectorRows>(source, columns);
  return std::make_unique<CsvRows>(source, columns);
}

}  // namespace conflictmap
