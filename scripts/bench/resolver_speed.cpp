// Resolver speed: gazetteer load, index build, and names resolved per second (exact, normalised, fuzzy).
// The peer measured in the same run is a plain hash-map lookup of the raw names, the floor any resolver pays.
//
// Usage: build/bench_resolver_speed [GAZETTEER_FOLDER]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <unordered_map>
#include <vector>

#include "core/script.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "resolve/name_index.hpp"
#include "resolve/resolver.hpp"

using namespace conflictmap;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The best of several runs: on a shared machine the other runs measure the neighbours.
template <typename F>
double best_seconds(int runs, F&& f) {
  double best = 1e9;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    f();
    best = std::min(best, seconds_since(start));
  }
  return best;
}

// Another common spelling of a Latin name: the generic word or a vowel written the other way.
std::string respell(const std::string& name) {
  static const std::pair<const char*, const char*> kSwaps[] = {
      {"Tall ", "Tell "}, {"Tal ", "Tell "}, {"Kafr ", "Kfar "}, {"Deir ", "Dayr "}, {"Ain ", "Ein "},
      {"Jabal ", "Jebel "}, {"Sheikh ", "Shaykh "}, {"Abu ", "Abou "}, {"Khirbet ", "Khirbat "},
      {"ou", "u"}, {"eh", "a"}, {"iyeh", "iya"}, {"ee", "i"}};
  for (const auto& [from, to] : kSwaps) {
    const auto at = name.find(from);
    if (at != std::string::npos) return name.substr(0, at) + to + name.substr(at + std::string(from).size());
  }
  return {};
}

// A spelling nobody wrote: one interior letter dropped, so only the fuzzy path can find it.
std::string misspell(const std::string& name) {
  if (detect_script(name) != Script::Latin || name.size() < 6) return {};
  std::string out = name;
  out.erase(out.size() / 2, 1);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path folder = argc > 1 ? argv[1] : default_gazetteer_folder();
  Gazetteer gazetteer;
  const double load = best_seconds(7, [&] { gazetteer = load_gazetteer(folder); });
  std::unique_ptr<Resolver> resolver;
  const double index = best_seconds(5, [&] { resolver = std::make_unique<Resolver>(gazetteer); });

  std::vector<std::string> names, misspelt, respelt;
  for (const auto& place : gazetteer.places()) {
    for (const auto& name : place.names) {
      if (detect_script(name.text) == Script::Unknown) continue;
      names.push_back(name.text);
      if (auto m = misspell(name.text); !m.empty() && misspelt.size() < 5000) misspelt.push_back(m);
      if (detect_script(name.text) == Script::Latin) {
        if (auto r = respell(name.text); !r.empty()) respelt.push_back(r);
      }
    }
  }
  std::unordered_map<std::string, std::size_t> peer;
  for (std::size_t i = 0; i < names.size(); ++i) peer.emplace(names[i], i);

  // the batch path (`resolve --input`, extraction, ingestion): answers without the human-readable reasons
  ResolveContext batch;
  batch.explain = false;
  std::size_t found = 0;
  // PROFILE_EXACT=N repeats only the exact path N times, for a profiler
  if (std::getenv("PROFILE_EXACT")) {
    const int rounds = std::atoi(std::getenv("PROFILE_EXACT"));
    for (int i = 0; i < rounds; ++i) {
      for (const auto& n : names) found += resolver->resolve(n, batch).has_point();
    }
    return 0;
  }
  const double exact = best_seconds(3, [&] {
    for (const auto& n : names) found += resolver->resolve(n, batch).has_point();
  });
  std::size_t respelt_found = 0;
  const double normalised = best_seconds(3, [&] {
    for (const auto& n : respelt) respelt_found += resolver->resolve(n, batch).has_point();
  });
  std::size_t peer_found = 0;
  const double peer_time = best_seconds(3, [&] {
    for (const auto& n : names) peer_found += peer.count(n);
  });
  // Fuzzy answers are remembered per index: each timed run gets a fresh resolver, so every misspelling is
  // searched, as if seen for the first time.
  std::size_t fuzzy_found = 0;
  double fuzzy = 1e9;
  for (int run = 0; run < 3; ++run) {
    resolver = std::make_unique<Resolver>(gazetteer);
    fuzzy = std::min(fuzzy, best_seconds(1, [&] {
      for (const auto& n : misspelt) fuzzy_found += resolver->resolve(n, batch).has_point();
    }));
  }

  fmt::print("gazetteer {}: {} places, {} names\n", folder.string(), gazetteer.size(), gazetteer.name_count());
  fmt::print("load           {:8.1f} ms   (bar: < 100 ms)\n", load * 1e3);
  fmt::print("index          {:8.1f} ms\n", index * 1e3);
  fmt::print("load + index   {:8.1f} ms\n", (load + index) * 1e3);
  fmt::print("exact resolve            {:9.0f} names/s  ({} names as written; bar: >= 200k/s)\n", names.size() / exact, names.size());
  fmt::print("normalised resolve       {:9.0f} names/s  ({} respelt names, {:.0f}% placed; bar: >= 200k/s)\n",
             respelt.size() / normalised, respelt.size(), 100.0 * static_cast<double>(respelt_found) / 3 / respelt.size());
  fmt::print("fuzzy resolve            {:9.0f} names/s  ({} misspelt names, {:.0f}% placed; bar: >= 20k/s)\n",
             misspelt.size() / fuzzy, misspelt.size(), 100.0 * static_cast<double>(fuzzy_found) / 3 / misspelt.size());
  fmt::print("peer: raw hash-map lookup {:9.0f} names/s; conflictmap exact path is {:.1f}x slower than the bare lookup\n",
             names.size() / peer_time, exact / peer_time);
  fmt::print("(times are the best of several runs; the batch path, without the reasons `resolve NAME` prints)\n");
  return found > 0 && peer_found > 0 ? 0 : 1;
}
