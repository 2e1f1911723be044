#include "python/python_engine.hpp"

#include "gazetteer/gazetteer_files.hpp"

namespace conflictmap::python {

PythonEngine::PythonEngine(const std::string& gazetteer_folder, const std::string& lexicon_folder)
    : gazetteer_folder_(gazetteer_folder.empty() ? default_gazetteer_folder().string() : gazetteer_folder) {
  gazetteer_ = std::make_unique<const Gazetteer>(load_gazetteer(gazetteer_folder_));
  resolver_ = std::make_unique<const Resolver>(*gazetteer_);
  lexicon_ = std::make_unique<const Lexicon>(
      Lexicon::load(lexicon_folder.empty() ? default_lexicon_folder() : std::filesystem::path(lexicon_folder)));
  extractor_ = std::make_unique<const EventExtractor>(*resolver_, *lexicon_);
}

std::shared_ptr<const LayerSetup> PythonEngine::layer_setup(const std::string& crs) const {
  std::lock_guard<std::mutex> lock(setups_mutex_);
  auto& setup = setups_[crs];
  if (!setup) setup = prepare_layer_setup(gazetteer_folder_, crs);
  return setup;
}

}  // namespace conflictmap::python
