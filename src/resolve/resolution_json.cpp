#include "resolve/resolution_json.hpp"

#include <cmath>

namespace conflictmap {

namespace {
double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}
}  // namespace

nlohmann::ordered_json resolution_to_json(const Resolution& r, const Gazetteer& gazetteer) {
  nlohmann::ordered_json out;
  out["query"] = r.query;
  out["status"] = std::string(to_string(r.status));
  if (r.has_point()) {
    out["lat"] = round_to(r.point.lat, 6);
    out["lon"] = round_to(r.point.lon, 6);
    out["place_id"] = r.place_id;
    out["place_name"] = r.place_name;
    out["score"] = round_to(r.score, 3);
    out["precision"] = static_cast<int>(r.precision);
    out["match"] = std::string(to_string(r.match));
    out["namesakes"] = r.namesakes;
  }
  if (!r.note.empty()) out["note"] = r.note;
  auto candidates = nlohmann::ordered_json::array();
  for (const auto& c : r.candidates) {
    const Place& place = gazetteer.at(c.place);
    nlohmann::ordered_json item;
    item["place_id"] = place.id;
    item["place_name"] = place.display_name();
    item["matched_name"] = c.matched_name;
    item["kind"] = std::string(to_string(place.kind));
    item["lat"] = round_to(place.lat, 6);
    item["lon"] = round_to(place.lon, 6);
    item["admin1"] = place.admin[0];
    item["score"] = round_to(std::min(1.0, c.score), 3);
    item["match"] = std::string(to_string(c.match));
    if (!c.reason.empty()) item["context"] = c.reason.substr(0, c.reason.size() - 2);
    candidates.push_back(std::move(item));
  }
  out["candidates"] = std::move(candidates);
  return out;
}

}  // namespace conflictmap
