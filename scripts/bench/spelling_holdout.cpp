// Held-out spellings: the names some sources give a place are taken out of the gazetteer, and each is then
// resolved back, with the place's governorate as context, against what the other sources say. It measures how
// the resolver copes with spellings it has never seen, from data the project may use (no evaluation rows).
//
// Usage: build/bench_spelling_holdout [--cross-script] [--countryside] [--held-out-places] LANG SOURCE... [--misses]
//   LANG         the names held out: ar, en or latn
//   SOURCE...    the sources whose names of that language are held out (geonames, syrian-archive, …)
//   --cross-script  also hold out names of places that keep no other name in that script, so that only the
//                   other script can find them
//   --countryside   give the context as "ريف X" / "X countryside" rather than the governorate's name
//   --held-out-places  only the tenth of places the gazetteer's spelling costs were never learned from
//                   (held_out_from_spelling_training), resolved with the learned costs and, as the peer in the
//                   same run, with every edit costing 1
//   --misses        print each miss (with the learned costs)
// Examples: bench_spelling_holdout ar geonames syrian-archive
//           bench_spelling_holdout en wikipedia-map syrian-archive
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/script.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "gazetteer/spelling_training.hpp"
#include "resolve/resolver.hpp"

using namespace conflictmap;

namespace {

struct HeldOut {
  std::string text;
  std::size_t place;
  std::string context;
};

std::string name_in(const Place& place, const std::string& lang) {
  for (const auto& name : place.names) {
    if (name.lang == lang) return name.text;
  }
  return place.names.empty() ? "" : place.names.front().text;
}

}  // namespace

int main(int argc, char** argv) {
  bool cross_script = false, countryside = false, misses = false, held_out_places = false;
  std::string lang;
  std::set<std::string> sources;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--cross-script") {
      cross_script = true;
    } else if (arg == "--countryside") {
      countryside = true;
    } else if (arg == "--held-out-places") {
      held_out_places = true;
    } else if (arg == "--misses") {
      misses = true;
    } else if (lang.empty()) {
      lang = arg;
    } else {
      sources.insert(arg);
    }
  }
  if (lang.empty() || sources.empty()) {
    fmt::print(stderr, "usage: bench_spelling_holdout [--cross-script] [--countryside] [--held-out-places] [--misses] LANG SOURCE...\n");
    return 2;
  }
  const bool arabic = lang == "ar";
  const Gazetteer full = load_gazetteer(default_gazetteer_folder());
  Gazetteer reduced = full;
  std::vector<HeldOut> held;
  for (std::size_t i = 0; i < reduced.size(); ++i) {
    Place& place = reduced.mutable_places()[i];
    if (held_out_places && !held_out_from_spelling_training(place.id)) continue;
    std::vector<PlaceName> kept, removed;
    for (const auto& name : place.names) (name.lang == lang && sources.count(name.source) ? removed : kept).push_back(name);
    // a place must still be findable in the held-out script, unless the test is across scripts
    bool findable = cross_script && !kept.empty();
    for (const auto& name : kept) {
      findable = findable || name.lang == lang || (!arabic && detect_script(name.text) == Script::Latin);
    }
    if (removed.empty() || !findable) continue;
    std::string context;
    if (!place.admin[0].empty()) {
      if (const auto unit = full.find(place.admin[0])) {
        const std::string governorate = name_in(full.at(*unit), arabic ? "ar" : "en");
        context = !countryside ? governorate : arabic ? "ريف " + governorate : governorate + " countryside";
      }
    }
    for (const auto& name : removed) {
      const bool spelt_as_kept = std::any_of(kept.begin(), kept.end(), [&](const PlaceName& k) { return k.text == name.text; });
      if (!spelt_as_kept) held.push_back({name.text, i, context});
    }
    place.names = kept;
  }
  const auto measure = [&](const Gazetteer& gazetteer, const char* label, bool print_misses) {
    const Resolver resolver(gazetteer);
    int within5 = 0, within25 = 0;
    for (const auto& h : held) {
      ResolveContext context;
      context.explain = false;
      if (!h.context.empty()) context.texts = {h.context};
      const auto r = resolver.resolve(h.text, context);
      const Place& truth = full.at(h.place);
      const double km = r.has_point() ? distance_km(r.point, {truth.lat, truth.lon}) : 1e9;
      if (km <= 5) ++within5;
      if (km <= 25) ++within25;
      if (km > 5 && print_misses) {
        fmt::print("miss\t{}\t[{}]\t→ {} ({:.0f} km, {} {:.2f})\ttruth {} / {}\n", h.text, h.context, r.place_name, km,
                   to_string(r.status), r.score, truth.display_name(), name_in(truth, lang));
      }
    }
    const double n = held.empty() ? 1.0 : static_cast<double>(held.size());
    fmt::print("{} held-out {} names{}: {} within 5 km ({:.1f}%), {} within 25 km ({:.1f}%)\n", held.size(), lang, label,
               within5, 100.0 * within5 / n, within25, 100.0 * within25 / n);
  };
  measure(reduced, held_out_places ? " (learned spelling costs)" : "", misses);
  if (held_out_places) {
    Gazetteer plain = reduced;
    plain.set_spelling_costs(SpellingCosts());
    measure(plain, " (every edit costs 1)", false);
  }
  return 0;
}
