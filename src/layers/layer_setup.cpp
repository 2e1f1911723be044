#include "layers/layer_setup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "core/parallel.hpp"
#include "events/event_reader.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "io/input_error.hpp"

namespace conflictmap {

std::unique_ptr<LayerSetup> prepare_layer_setup(const std::filesystem::path& gazetteer_folder, const std::string& crs_option) {
  auto setup = std::make_unique<LayerSetup>();
  setup->gazetteer_folder = gazetteer_folder;
  setup->gazetteer = load_gazetteer(gazetteer_folder);
  if (setup->gazetteer.size() == 0) throw std::runtime_error("the gazetteer " + setup->gazetteer_folder.string() + " has no places");
  double lat = 0, lon = 0;
  for (const auto& place : setup->gazetteer.places()) {
    lat += place.lat;
    lon += place.lon;
  }
  lat /= double(setup->gazetteer.size());
  lon /= double(setup->gazetteer.size());
  setup->crs = crs_option.empty() ? utm_crs_for(lon, lat) : crs_option;
  setup->transform = std::make_unique<CrsTransform>(setup->crs);
  setup->admin = read_admin_geometry(setup->gazetteer_folder / "admin.gpkg", setup->crs, false);
  setup->country = GeosGeometry(nullptr, GeosDeleter{setup->geos.handle()});
  if (!setup->admin.country_wkb.empty()) {
    setup->country = geometry_from_wkb(setup->geos, setup->admin.country_wkb);
    double x0, y0, x1, y1;
    const auto h = setup->geos.handle();
    GEOSGeom_getXMin_r(h, setup->country.get(), &x0);
    GEOSGeom_getYMin_r(h, setup->country.get(), &y0);
    GEOSGeom_getXMax_r(h, setup->country.get(), &x1);
    GEOSGeom_getYMax_r(h, setup->country.get(), &y1);
    setup->country_bounds = {x0, y0, x1, y1};
  } else {
    setup->country_bounds = {1, 1, 0, 0};
    for (const auto& place : setup->gazetteer.places()) {
      const auto [x, y] = setup->transform->forward(place.lon, place.lat);
      setup->country_bounds.expand(x, y);
    }
  }
  return setup;
}

EventBatches read_event_sources(const std::vector<std::string>& sources, const std::string& layer) {
  EventBatches events;
  for (const auto& source : sources) events.add(read_event_batches(source, {layer}));
  if (events.empty() && !sources.empty()) {
    std::string names;
    for (const auto& source : sources) names += (names.empty() ? "" : ", ") + source;
    throw InputError(names, 0, "", "holds no events: there is nothing to map");
  }
  return events;
}

const std::map<std::string, double>& LayerSetup::areas() const {
  std::call_once(areas_read_, [&] { areas_ = read_admin_geometry(gazetteer_folder / "admin.gpkg", crs, true).area_m2; });
  return areas_;
}

ProjectedEvents project_events(const LayerSetup& setup, std::vector<const Event*> events) {
  ProjectedEvents projected;
  std::erase_if(events, [](const Event* event) { return !event->place.has_point(); });
  projected.events = std::move(events);
  const std::size_t count = projected.events.size();
  projected.x.resize(count);
  projected.y.resize(count);
  // The events lie all over memory: their points are fetched on every core.
  run_ranges_on_threads(count, 16384, available_cores(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      projected.x[i] = projected.events[i]->place.point.lon;
      projected.y[i] = projected.events[i]->place.point.lat;
    }
  });
  setup.transform->forward_in_place(projected.x, projected.y);
  return projected;
}

void require_inside_country(const LayerSetup& setup, const ProjectedEvents& projected, double tolerance_m) {
  const auto h = setup.geos.handle();
  GeosGeometry area(nullptr, GeosDeleter{h});
  if (setup.country) {
    // A margin that wide needs no border detail finer than a kilometre. Douglas–Peucker and a repair took a
    // fifth of the time of the topology-preserving simplifier; the buffer gets a valid outline either way.
    auto rough = own(setup.geos, GEOSSimplify_r(h, setup.country.get(), 1000), "a simpler outline");
    auto simple = own(setup.geos, GEOSMakeValid_r(h, rough.get()), "a valid simpler outline");
    area = own(setup.geos, GEOSBuffer_r(h, simple.get(), tolerance_m, 4), "the country's margin");
  } else {
    const Bounds b = setup.country_bounds.buffered(tolerance_m);
    area = own(setup.geos, GEOSGeom_createRectangle_r(h, b.min_x, b.min_y, b.max_x, b.max_y), "the country's box");
  }
  const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, area.get());
  std::vector<std::string> outside;
  std::size_t count = 0;
  for (std::size_t i = 0; i < projected.events.size(); ++i) {
    const Event* event = projected.events[i];
    auto point = own(setup.geos, GEOSGeom_createPointFromXY_r(h, projected.x[i], projected.y[i]), "a point");
    if (GEOSPreparedIntersects_r(h, prepared, point.get()) == 1) continue;
    ++count;
    if (outside.size() < 5) {
      outside.push_back(fmt::format("event {} ({}{}) at {:.5f},{:.5f}", event->id, event->provenance.document,
                                    event->provenance.line > 0 ? fmt::format(":{}", event->provenance.line) : "",
                                    event->place.point.lat, event->place.point.lon));
    }
  }
  GEOSPreparedGeom_destroy_r(h, prepared);
  if (count == 0) return;
  std::string list;
  for (const auto& item : outside) list += "\n  " + item;
  throw std::runtime_error(fmt::format(
      "{} {} more than {:.0f} km outside the gazetteer's country ({}):{}{}\n"
      "  map them with their own country's gazetteer (--gazetteer) or leave them out",
      count, count == 1 ? "event lies" : "events lie", tolerance_m / 1000, setup.gazetteer_folder.string(), list, count > outside.size() ? "\n  …" : ""));
}

std::filesystem::path sibling_path(const std::filesystem::path& base, const std::string& suffix, const std::string& extension) {
  return base.parent_path() / (base.stem().string() + suffix + extension);
}

void write_text(const std::filesystem::path& temporary, const std::string& text) {
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + temporary.string());
}

}  // namespace conflictmap
