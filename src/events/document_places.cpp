#include "events/document_places.hpp"

#include <algorithm>

namespace conflictmap {

namespace {

// A place that only locates another ("the hill overlooking Salma") and is itself a village: no area, though it
// locates. Given as context it would be read as an area's name, which a village never is.
bool village_locator(const ResolvedMention& m) {
  return m.mention.locator && m.resolution.precision == Precision::Place && m.resolution.status == ResolutionStatus::Resolved;
}

}  // namespace

DocumentPlaces::DocumentPlaces(const Resolver& resolver, const std::vector<std::vector<ResolvedMention>*>& sentences)
    : resolver_(resolver) {
  const Gazetteer& gazetteer = resolver.gazetteer();
  // The report's governorate: the one most of its names lie in, by spelling alone. A name several places share
  // splits its vote, and only a name one place bears counts as a neighbour.
  std::map<std::string, double> admin1_votes;
  std::vector<LatLon> nearby;
  for (const auto* mentions : sentences) {
    for (const auto& m : *mentions) {
      if (!m.mention.known && !m.mention.region) continue;
      const auto places = resolver.places_named(m.mention.text);  // remembered by the resolver
      if (places.empty()) continue;
      for (const auto index : places) {
        const Place& place = gazetteer.at(index);
        const std::string& admin1 = place.kind == PlaceKind::Governorate ? place.id : place.admin[0];
        if (!admin1.empty()) admin1_votes[admin1] += 1.0 / static_cast<double>(places.size());
      }
      if (places.size() == 1 && !is_admin_unit(gazetteer.at(places.front()).kind)) {
        nearby.push_back({gazetteer.at(places.front()).lat, gazetteer.at(places.front()).lon});
      }
    }
  }
  // each place once: the same town named five times is one neighbour
  std::sort(nearby.begin(), nearby.end(), [](const LatLon& a, const LatLon& b) { return a.lat != b.lat ? a.lat < b.lat : a.lon < b.lon; });
  nearby.erase(std::unique(nearby.begin(), nearby.end(), [](const LatLon& a, const LatLon& b) { return a.lat == b.lat && a.lon == b.lon; }),
               nearby.end());
  ResolveContext report;
  report.explain = false;  // events keep the answer, not the reasoning
  report.nearby = nearby;
  if (!admin1_votes.empty()) {
    const auto best = std::max_element(admin1_votes.begin(), admin1_votes.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    // a lone name its namesakes share among governorates names none ("القصير", eight villages and a town)
    if (const auto at = gazetteer.find(best->first); at && best->second >= 0.5) {
      report.texts.push_back(gazetteer.at(*at).display_name());
    }
  }
  // An area is named for itself ("northern Hama") and resolved without context. The report's area, as it writes
  // it, is the first area it places.
  ResolveContext quiet;
  quiet.explain = false;
  std::string report_area;
  for (auto* mentions : sentences) {
    for (auto& m : *mentions) {
      if (!m.mention.region) continue;
      // (a town that only locates another, "the hill overlooking Salma", is a town like any other: the report's
      // governorate tells its namesakes apart)
      m.resolution = answer(m.mention.text, m.mention.locator ? report : quiet);
      if (report_area.empty() && !village_locator(m) && m.resolution.has_point()) report_area = m.mention.text;
    }
  }
  // the fallback drops what the report's other names suggest: its governorate and its neighbours
  ResolveContext without_governorate = report;
  without_governorate.texts.clear();
  without_governorate.nearby.clear();
  for (const auto* mentions : sentences) {
    // a sentence's own area, when it names one, places its names; else the report's
    std::string area = report_area;
    for (const auto& m : *mentions) {
      if (m.mention.region && !village_locator(m) && m.resolution.has_point()) {
        area = m.mention.text;
        break;
      }
    }
    contexts_.push_back(report);
    fallbacks_.push_back(without_governorate);
    if (!area.empty()) {
      contexts_.back().texts.push_back(area);
      fallbacks_.back().texts.push_back(area);
    }
  }
}

const Resolution& DocumentPlaces::answer(const std::string& text, const ResolveContext& where) {
  std::string key;
  for (const auto& t : where.texts) key += t + "\n";
  const auto [it, inserted] = answers_.try_emplace({text, key});
  if (inserted) it->second = resolver_.resolve(text, where);
  return it->second;
}

void DocumentPlaces::resolve(ResolvedMention& m, std::size_t s) {
  if (m.resolved || m.mention.region) return;
  m.resolution = answer(m.mention.text, contexts_[s]);
  // The report's governorate is only the one most of its names share: a name the gazetteer knows that lies
  // elsewhere ("سقطت مدينة تدمر" in a report about Idlib) is that place, not the governorate's capital
  const bool loose = m.resolution.status == ResolutionStatus::RegionOnly || m.resolution.precision != Precision::Place;
  // and a large place written exactly is that place, not a respelling of a small one the report's governorate
  // holds ("هجوم حلب" in a report about Homs is not the village of al-Halba, nor "تدمر" the hamlet Tadmuriyah)
  const Gazetteer& gazetteer = resolver_.gazetteer();
  // (a named region is as well known as a city: "Sahl al-Ghab" in a report about Idlib is still the plain)
  auto large = [&](const Place& place) {
    return place.kind == PlaceKind::City || place.kind == PlaceKind::Region || place.population >= 20000;
  };
  bool large_named = false;
  // Namesakes are context's to tell apart (the Suran of the Aleppo countryside, not the larger one in Hama): only a
  // place that shares no name with the large one gives way to it
  auto namesakes = [&](const Place& a, const Place& b) {
    for (const auto& x : a.names) {
      for (const auto& y : b.names) {
        if (x.text == y.text) return true;
      }
    }
    return false;
  };
  const auto answered = gazetteer.find(m.resolution.place_id);
  if (m.mention.known && !m.mention.region && m.resolution.match != MatchKind::Exact) {
    for (const auto index : resolver_.places_named(m.mention.text)) large_named = large_named || large(gazetteer.at(index));
  }
  bool placed_large = false;
  if (large_named) {
    Resolution alone = answer(m.mention.text, ResolveContext{.explain = false});
    const auto at = gazetteer.find(alone.place_id);
    if ((alone.status == ResolutionStatus::Resolved || alone.status == ResolutionStatus::Ambiguous) &&
        alone.match == MatchKind::Exact && at && large(gazetteer.at(*at)) &&
        !(answered && namesakes(gazetteer.at(*answered), gazetteer.at(*at)))) {
      m.resolution = std::move(alone);
      placed_large = true;
    }
  }
  if (!placed_large && m.mention.known && loose) {
    Resolution elsewhere = answer(m.mention.text, fallbacks_[s]);
    // and when the area the report named first lies elsewhere too ("قرب عين عيسى" after a sentence on the
    // Aleppo countryside), a name that alone gives one place without doubt is that place
    if (elsewhere.status != ResolutionStatus::Resolved || elsewhere.precision != Precision::Place) {
      elsewhere = answer(m.mention.text, ResolveContext{.explain = false});
    }
    if (elsewhere.status == ResolutionStatus::Resolved && elsewhere.precision == Precision::Place) {
      m.resolution = std::move(elsewhere);
    }
  }
  // a facility named for a place the gazetteer knows, in words the resolver cannot read whole ("قاعدة التياس
  // الجوية العسكرية"), lies at that place
  if (!m.mention.named_for.empty() &&
      (m.resolution.status == ResolutionStatus::RegionOnly || m.resolution.status == ResolutionStatus::Unresolved)) {
    Resolution place = answer(m.mention.named_for, contexts_[s]);
    if (place.status == ResolutionStatus::Resolved || place.status == ResolutionStatus::Ambiguous) {
      place.precision = std::max(place.precision, Precision::Near);
      m.resolution = std::move(place);
    }
  }
  m.resolved = true;
}

}  // namespace conflictmap
