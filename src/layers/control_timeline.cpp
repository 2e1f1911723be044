#include "layers/control_timeline.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace conflictmap {

std::string coordinate_key(LatLon point) { return fmt::format("@{:.4f},{:.4f}", point.lat, point.lon); }

ControlSnapshot control_on(const std::vector<ControlReport>& reports, const ControlOptions& options,
                           std::uint8_t contested_category) {
  ControlSnapshot snapshot;
  snapshot.as_of = options.as_of;
  const auto as_of = options.as_of.days();
  // Reports that count on this date, by settlement, in the order they were given.
  struct Dated {
    const ControlReport* report;
    std::int64_t day;
    std::size_t order;
  };
  std::map<std::string, std::vector<Dated>> by_settlement;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const ControlReport& report = reports[i];
    std::int64_t day = as_of;
    if (report.date) {
      day = report.date->days();
      if (day > as_of) continue;
    } else if (!options.undated_as_of) {
      ++snapshot.undated_skipped;
      continue;
    }
    by_settlement[report.settlement].push_back({&report, day, i});
  }
  for (auto& [key, list] : by_settlement) {
    std::stable_sort(list.begin(), list.end(), [](const Dated& a, const Dated& b) { return a.day < b.day; });
    SettlementControl control;
    control.settlement = key;
    control.name = list.back().report->name;
    control.point = list.back().report->point;
    const Dated* latest = nullptr;
    std::map<std::string, std::uint8_t> latest_claim_by_document;  // within the window
    std::vector<const Dated*> recent_clashes;
    for (const Dated& dated : list) {
      const bool recent = as_of - dated.day <= options.contested_days;
      if (dated.report->kind == ControlReportKind::Clash) {
        if (recent) recent_clashes.push_back(&dated);
        continue;
      }
      latest = &dated;
      if (recent && dated.report->kind == ControlReportKind::Territorial) {
        latest_claim_by_document[dated.report->document] = dated.report->category;
      }
    }
    // A clash the latest territorial report came after is settled by it: "IS attacked Soran … and took it".
    std::vector<std::string> open_clashes;
    for (const Dated* clash : recent_clashes) {
      if (!latest || clash > latest) open_clashes.push_back(clash->report->event_id);
    }
    const bool clash_recent = !open_clashes.empty();
    std::set<std::uint8_t> claims;
    for (const auto& [document, category] : latest_claim_by_document) claims.insert(category);
    if (latest) {
      control.category = latest->report->category;
      control.last_report = CivilDate::from_days(latest->day);
      if (!latest->report->event_id.empty()) control.deciding_events.push_back(latest->report->event_id);
      if (options.decay_days > 0 && as_of - latest->day > options.decay_days) {
        control.category = ControllerPalette::kUnknown;
        ++snapshot.decayed;
      }
    }
    if (clash_recent || claims.size() > 1) {
      control.category = contested_category;
      for (auto& id : open_clashes) control.deciding_events.push_back(id);
      ++snapshot.contested;
    }
    snapshot.settlements.push_back(std::move(control));
  }
  return snapshot;
}

}  // namespace conflictmap
