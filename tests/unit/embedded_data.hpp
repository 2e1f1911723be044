#pragma once
// The embedded Syria gazetteer, its resolver and the embedded lexicons, loaded once for all the tests that use
// them (loading takes a few tenths of a second).
#include <string>

#include "events/lexicon.hpp"
#include "gazetteer/gazetteer_files.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap::testing {

inline const Gazetteer& syria_gazetteer() {
  static const Gazetteer gazetteer = load_gazetteer(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/syria");
  return gazetteer;
}

inline const Resolver& syria_resolver() {
  static const Resolver resolver(syria_gazetteer());
  return resolver;
}

inline const Lexicon& embedded_lexicon() {
  static const Lexicon lexicon = Lexicon::load(std::string(CONFLICTMAP_SOURCE_DIR) + "/gazetteer/lexicons");
  return lexicon;
}

}  // namespace conflictmap::testing
