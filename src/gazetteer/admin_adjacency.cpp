#include "gazetteer/admin_adjacency.hpp"

#include <fmt/format.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <memory>

#include "io/gdal_drivers.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

namespace {

struct Unit {
  std::string code;
  GEOSGeometry* polygon = nullptr;
};

void neighbours_in_layer(GEOSContextHandle_t context, const std::filesystem::path& layer_path, AdminNeighbours& out) {
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(layer_path.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset) throw InputError(layer_path.string(), 0, "", "cannot open as a vector layer");
  OGRLayer* layer = dataset->GetLayer(0);
  int level = -1;
  for (int n = 4; n >= 1; --n) {
    if (layer->GetLayerDefn()->GetFieldIndex(fmt::format("adm{}_pcode", n).c_str()) >= 0) {
      level = n;
      break;
    }
  }
  if (level < 1) return;  // the country outline has no neighbours of interest
  const std::string field = fmt::format("adm{}_pcode", level);
  GEOSWKBReader* reader = GEOSWKBReader_create_r(context);
  std::vector<Unit> units;
  for (auto& feature : *layer) {
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry) continue;
    std::vector<unsigned char> wkb(geometry->WkbSize());
    geometry->exportToWkb(wkbNDR, wkb.data());
    if (GEOSGeometry* polygon = GEOSWKBReader_read_r(context, reader, wkb.data(), wkb.size())) {
      units.push_back({feature->GetFieldAsString(field.c_str()), polygon});
    }
  }
  GEOSWKBReader_destroy_r(context, reader);
  GEOSSTRtree* tree = GEOSSTRtree_create_r(context, 10);
  for (std::size_t i = 0; i < units.size(); ++i) {
    GEOSSTRtree_insert_r(context, tree, units[i].polygon, reinterpret_cast<void*>(i + 1));
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(context, units[i].polygon);
    struct Query {
      GEOSContextHandle_t context;
      const GEOSPreparedGeometry* prepared;
      const std::vector<Unit>* units;
      std::size_t self;
      AdminNeighbours* out;
    } query{context, prepared, &units, i, &out};
    GEOSSTRtree_query_r(context, tree, units[i].polygon, [](void* item, void* data) {
      auto* q = static_cast<Query*>(data);
      const auto j = reinterpret_cast<std::size_t>(item) - 1;
      if (j == q->self) return;
      // borders digitised separately may miss by a hair: a touch within ~100 m counts
      if (GEOSPreparedIntersects_r(q->context, q->prepared, (*q->units)[j].polygon) == 1 ||
          GEOSPreparedDistanceWithin_r(q->context, q->prepared, (*q->units)[j].polygon, 0.001) == 1) {
        (*q->out)[(*q->units)[q->self].code].insert((*q->units)[j].code);
        (*q->out)[(*q->units)[j].code].insert((*q->units)[q->self].code);
      }
    }, &query);
    GEOSPreparedGeom_destroy_r(context, prepared);
  }
  GEOSSTRtree_destroy_r(context, tree);
  for (auto& unit : units) GEOSGeom_destroy_r(context, unit.polygon);
}

}  // namespace

AdminNeighbours find_admin_neighbours(const std::vector<std::filesystem::path>& layers) {
  register_gdal_drivers();
  GEOSContextHandle_t context = GEOS_init_r();
  AdminNeighbours out;
  try {
    for (const auto& layer : layers) neighbours_in_layer(context, layer, out);
  } catch (...) {
    GEOS_finish_r(context);
    throw;
  }
  GEOS_finish_r(context);
  return out;
}

}  // namespace conflictmap
