#include "gazetteer/admin_assigner.hpp"

#include <fmt/format.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "io/gdal_drivers.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

struct AdminAssigner::State {
  GEOSContextHandle_t context = nullptr;
  std::vector<GEOSGeometry*> polygons;
  std::vector<const GEOSPreparedGeometry*> prepared;
  std::vector<std::array<std::string, 3>> codes;
  GEOSSTRtree* tree = nullptr;

  ~State() {
    if (tree) GEOSSTRtree_destroy_r(context, tree);
    for (auto* p : prepared) GEOSPreparedGeom_destroy_r(context, p);
    for (auto* g : polygons) GEOSGeom_destroy_r(context, g);
    if (context) GEOS_finish_r(context);
  }
};

AdminAssigner::AdminAssigner(const std::filesystem::path& admin_layer) : state_(std::make_unique<State>()) {
  register_gdal_drivers();
  state_->context = GEOS_init_r();
  std::unique_ptr<GDALDataset> dataset(
      GDALDataset::Open(admin_layer.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!dataset) throw InputError(admin_layer.string(), 0, "", "cannot open as a vector layer");
  OGRLayer* layer = dataset->GetLayer(0);
  GEOSWKBReader* reader = GEOSWKBReader_create_r(state_->context);
  state_->tree = GEOSSTRtree_create_r(state_->context, 10);
  for (auto& feature : *layer) {
    const OGRGeometry* geometry = feature->GetGeometryRef();
    if (!geometry) continue;
    std::vector<unsigned char> wkb(geometry->WkbSize());
    geometry->exportToWkb(wkbNDR, wkb.data());
    GEOSGeometry* polygon = GEOSWKBReader_read_r(state_->context, reader, wkb.data(), wkb.size());
    if (!polygon) continue;
    std::array<std::string, 3> codes;
    for (int n = 1; n <= 3; ++n) {
      const int index = feature->GetFieldIndex(fmt::format("adm{}_pcode", n).c_str());
      if (index >= 0) codes[n - 1] = feature->GetFieldAsString(index);
    }
    state_->polygons.push_back(polygon);
    state_->prepared.push_back(GEOSPrepare_r(state_->context, polygon));
    state_->codes.push_back(codes);
  }
  GEOSWKBReader_destroy_r(state_->context, reader);
  for (std::size_t i = 0; i < state_->polygons.size(); ++i) {
    // the tree hands back the item pointer; store the index in it
    GEOSSTRtree_insert_r(state_->context, state_->tree, state_->polygons[i], reinterpret_cast<void*>(i + 1));
  }
}

AdminAssigner::~AdminAssigner() = default;

std::size_t AdminAssigner::assign(Gazetteer& gazetteer, std::size_t* outside) const {
  std::size_t assigned = 0;
  std::size_t missed = 0;
  GEOSContextHandle_t context = state_->context;
  for (auto& place : gazetteer.mutable_places()) {
    if (is_admin_unit(place.kind) || !place.admin[2].empty()) continue;
    GEOSGeometry* point = GEOSGeom_createPointFromXY_r(context, place.lon, place.lat);
    struct Query {
      const State* state;
      GEOSGeometry* point;
      std::size_t found = 0;
    } query{state_.get(), point};
    GEOSSTRtree_query_r(context, state_->tree, point, [](void* item, void* data) {
      auto* q = static_cast<Query*>(data);
      const auto index = reinterpret_cast<std::size_t>(item) - 1;
      if (q->found == 0 && GEOSPreparedContains_r(q->state->context, q->state->prepared[index], q->point) == 1) {
        q->found = index + 1;
      }
    }, &query);
    if (query.found == 0) {
      // just outside every polygon (a coastal point, a simplified border): the nearest within about 5 km
      double best = 0.05;
      for (std::size_t i = 0; i < state_->polygons.size(); ++i) {
        double d = 0;
        if (GEOSDistance_r(context, state_->polygons[i], point, &d) == 1 && d < best) {
          best = d;
          query.found = i + 1;
        }
      }
    }
    GEOSGeom_destroy_r(context, point);
    if (query.found == 0) {
      ++missed;
      continue;
    }
    const auto& codes = state_->codes[query.found - 1];
    for (std::size_t n = 0; n < 3; ++n) {
      if (place.admin[n].empty()) place.admin[n] = codes[n];
    }
    ++assigned;
  }
  if (outside) *outside = missed;
  return assigned;
}

}  // namespace conflictmap
