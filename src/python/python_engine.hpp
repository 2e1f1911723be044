#pragma once
// What the Python module holds per Resolver object: a gazetteer with its resolver, the lexicons and an
// extractor over them, loaded once and shared by every call (and every Python thread) that uses it.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "events/event_extractor.hpp"
#include "events/lexicon.hpp"
#include "gazetteer/gazetteer.hpp"
#include "layers/layer_setup.hpp"
#include "resolve/resolver.hpp"

namespace conflictmap::python {

class PythonEngine {
 public:
  // Empty folders: the defaults (CONFLICTMAP_GAZETTEER / CONFLICTMAP_LEXICONS, else the data folder's).
  PythonEngine(const std::string& gazetteer_folder, const std::string& lexicon_folder);
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const Resolver& resolver() const { return *resolver_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  const EventExtractor& extractor() const { return *extractor_; }
  const std::string& gazetteer_folder() const { return gazetteer_folder_; }
  // The gazetteer's country in `crs` (empty: its UTM zone), for layers; prepared on first use, then kept.
  std::shared_ptr<const LayerSetup> layer_setup(const std::string& crs) const;

 private:
  std::string gazetteer_folder_;
  std::unique_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<const Resolver> resolver_;
  std::unique_ptr<const Lexicon> lexicon_;
  std::unique_ptr<const EventExtractor> extractor_;
  mutable std::mutex setups_mutex_;
  mutable std::map<std::string, std::shared_ptr<const LayerSetup>> setups_;
};

}  // namespace conflictmap::python
