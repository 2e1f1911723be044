#pragma once
// Who holds each settlement on a date. Reports are territorial events (a new controller), clashes, and
// baseline entries (a controller per place at a start date). On the as-of date a settlement has:
// - the controller of its latest territorial report on or before the date (same-day reports keep the
//   order they were read in, so "IS took Ahras, rebels regained it" ends with the rebels);
// - "contested" when a clash was reported there within the contested window, or when different source
//   documents within that window name different controllers;
// - unknown when its latest report is older than the decay limit.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/event.hpp"
#include "layers/controller_palette.hpp"

namespace conflictmap {

enum class ControlReportKind { Territorial, Clash, Baseline };

struct ControlReport {
  std::string settlement;  // the key places are told apart by: the gazetteer id, or rounded coordinates
  std::string name;
  LatLon point;
  ControlReportKind kind = ControlReportKind::Territorial;
  std::uint8_t category = 0;     // ControllerPalette value; 0 for clashes
  std::optional<CivilDate> date;  // none: undated
  std::string document;           // where it was read; reports from one document never contradict each other
  std::string event_id;
};

struct ControlOptions {
  CivilDate as_of;
  int decay_days = 0;            // 0: a controller never decays to unknown
  int contested_days = 30;
  bool undated_as_of = false;    // count undated reports as made on the as-of date (else they are left out)
};

struct SettlementControl {
  std::string settlement;
  std::string name;
  LatLon point;
  std::uint8_t category = ControllerPalette::kUnknown;
  std::optional<CivilDate> last_report;
  std::vector<std::string> deciding_events;  // ids of the reports that decided it (not baseline rows)
};

struct ControlSnapshot {
  CivilDate as_of;
  std::vector<SettlementControl> settlements;  // ordered by settlement key
  std::size_t decayed = 0, contested = 0, undated_skipped = 0;
};

ControlSnapshot control_on(const std::vector<ControlReport>& reports, const ControlOptions& options,
                           std::uint8_t contested_category);

// The key for a place without a gazetteer id: its coordinates to about 10 m.
std::string coordinate_key(LatLon point);

}  // namespace conflictmap
