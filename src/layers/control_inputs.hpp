#pragma once
// The reports a control layer is made from: territorial events and clashes from event sources, and the
// rows or polygons of a baseline, each tied to a settlement and a controller category.
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/event_batches.hpp"
#include "gazetteer/gazetteer.hpp"
#include "layers/control_baseline.hpp"
#include "layers/control_timeline.hpp"
#include "layers/controller_palette.hpp"

namespace conflictmap {

struct ControlInputs {
  std::vector<ControlReport> reports;
  std::vector<const Event*> placed_events;  // the events used, for the country check
  std::size_t territorial = 0, clashes = 0, baseline_rows = 0;
  std::size_t region_level = 0;    // territorial events placed only at a region: no settlement to give
  std::size_t unplaced = 0;
  std::vector<std::string> unknown_controllers;  // "event X: 'Y'"
  std::string summary() const;
};

void add_event_reports(const EventBatches& events, const Gazetteer& gazetteer, const ControllerPalette& palette,
                       ControlInputs& inputs);

// Rows without a date take `default_date`; a row without either is an InputError naming it.
void add_baseline_reports(const ControlBaseline& baseline, const Gazetteer& gazetteer, const ControllerPalette& palette,
                          std::optional<CivilDate> default_date, ControlInputs& inputs);

}  // namespace conflictmap
