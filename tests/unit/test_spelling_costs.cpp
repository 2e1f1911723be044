#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "gazetteer/gazetteer_files.hpp"
#include "gazetteer/spelling_training.hpp"
#include "io/input_error.hpp"
#include "names/name_keys.hpp"
#include "names/similarity.hpp"
#include "names/spelling_cost_learning.hpp"
#include "names/spelling_costs.hpp"
#include "resolve/name_index.hpp"

using namespace conflictmap;

TEST_CASE("insertion_place tells a doubled letter and a last letter from the rest", "[spelling-costs]") {
  CHECK(insertion_place("marrata", 2) == InsertionPlace::Doubled);
  CHECK(insertion_place("marrata", 3) == InsertionPlace::Doubled);
  CHECK(insertion_place("ramlah", 5) == InsertionPlace::Final);
  CHECK(insertion_place("ramlah", 1) == InsertionPlace::Plain);
  CHECK(insertion_place("a", 0) == InsertionPlace::Final);
}

TEST_CASE("SpellingCosts without learned costs is Levenshtein's distance", "[spelling-costs]") {
  const SpellingCosts costs;
  CHECK_FALSE(costs.learned());
  CHECK(costs.distance(SpellingScript::Latin, "kitten", "sitting") == Approx(3.0));
  CHECK(costs.similarity(SpellingScript::Latin, "abcd", "abcf") == Approx(edit_similarity("abcd", "abcf")));
  CHECK(costs.similarity(SpellingScript::Latin, "", "") == Approx(1.0));
  CHECK(costs.distance(SpellingScript::Latin, "ab", "ba") == Approx(0.6));  // two letters swapped
  // the shared table is the same: one instance, nothing learned
  CHECK_FALSE(levenshtein_costs().learned());
  CHECK(&levenshtein_costs() == &levenshtein_costs());
  CHECK(levenshtein_costs().distance(SpellingScript::Arabic, "kitten", "sitting") == Approx(3.0));
}

TEST_CASE("SpellingCosts applies substitutions both ways and insertions by their place", "[spelling-costs]") {
  SpellingCosts costs;
  costs.set_substitution(SpellingScript::Latin, 'o', 'u', 0.2);
  costs.set_insertion(SpellingScript::Latin, 'h', InsertionPlace::Final, 0.3);
  costs.set_insertion(SpellingScript::Latin, 'r', InsertionPlace::Doubled, 0.25);
  CHECK(costs.learned());
  CHECK(costs.learned(SpellingScript::Latin));
  CHECK_FALSE(costs.learned(SpellingScript::Arabic));
  CHECK(costs.distance(SpellingScript::Latin, "bostan", "bustan") == Approx(0.2));
  CHECK(costs.distance(SpellingScript::Latin, "bustan", "bostan") == Approx(0.2));
  CHECK(costs.distance(SpellingScript::Latin, "ramla", "ramlah") == Approx(0.3));
  CHECK(costs.distance(SpellingScript::Latin, "hamra", "hhamra") == Approx(1.0));  // a doubled h is not a final one
  CHECK(costs.distance(SpellingScript::Latin, "marata", "marrata") == Approx(0.25));
  CHECK(costs.distance(SpellingScript::Latin, "mahmud", "mahmuh") == Approx(1.0));  // a final h for d: a substitution
  CHECK(costs.similarity(SpellingScript::Latin, "bostan", "bustan") == Approx(1.0 - 0.2 / 6));
}

TEST_CASE("SpellingCosts keeps a word's last letter and a much-changed spelling to Levenshtein's costs", "[spelling-costs]") {
  SpellingCosts costs;
  costs.set_substitution(SpellingScript::Latin, 'a', 'i', 0.2);
  costs.set_substitution(SpellingScript::Latin, 'u', 'a', 0.2);
  costs.set_substitution(SpellingScript::Latin, 's', 'c', 0.2);
  CHECK(costs.distance(SpellingScript::Latin, "kafrtala", "kafrtila") == Approx(0.2));
  CHECK(costs.distance(SpellingScript::Latin, "tukla", "tukli") == Approx(1.0));  // another ending
  // three changes in six letters: another word, whatever each change costs
  CHECK(costs.similarity(SpellingScript::Latin, "mushat", "machit") == Approx(0.5));
  CHECK(costs.similarity(SpellingScript::Latin, "kafrtala", "kafrtila") == Approx(1.0 - 0.2 / 8));
}

TEST_CASE("SpellingCosts writes and reads back the same table", "[spelling-costs]") {
  SpellingCosts costs;
  costs.set_substitution(SpellingScript::Latin, 'e', 'a', 0.35);
  costs.set_insertion(SpellingScript::Latin, 'y', InsertionPlace::Plain, 0.6);
  costs.set_substitution(SpellingScript::Arabic, 0x80 + (0x0629 - 0x0620), 0x80 + (0x0647 - 0x0620), 0.2);  // ة ه
  std::ostringstream written;
  costs.write(written);
  CHECK(written.str().rfind(kSpellingCostsHeader, 0) == 0);
  CHECK(written.str().find("arabic\tsubstitute\tة\tه\t0.200") != std::string::npos);
  const SpellingCosts back = SpellingCosts::read(written.str(), "costs.tsv");
  std::ostringstream again;
  back.write(again);
  CHECK(again.str() == written.str());
  CHECK(back.distance(SpellingScript::Latin, "tel", "tal") == Approx(0.35).margin(1e-6));
}

TEST_CASE("SpellingCosts::read names the file, line and field of a bad line", "[spelling-costs]") {
  const std::string header = std::string(kSpellingCostsHeader) + "\n";
  const auto error_of = [](const std::string& text) {
    try {
      SpellingCosts::read(text, "costs.tsv");
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("script\tedit\n").find("costs.tsv:1") != std::string::npos);
  CHECK(error_of(header + "latin\tsubstitute\ta\te\t1.5\n").find("costs.tsv:2") != std::string::npos);
  CHECK(error_of(header + "latin\tsubstitute\ta\te\t1.5\n").find("cost") != std::string::npos);
  CHECK(error_of(header + "greek\tsubstitute\ta\te\t0.5\n").find("script") != std::string::npos);
  CHECK(error_of(header + "latin\tsubstitute\ta\ta\t0.5\n").find("other") != std::string::npos);
  CHECK(error_of(header + "latin\tinsert\tab\t\t0.5\n").find("letter") != std::string::npos);
  CHECK(error_of(header + "latin\tdelete\ta\t\t0.5\n").find("edit") != std::string::npos);
  CHECK(error_of("") != "no error");
}

TEST_CASE("learn_spelling_costs makes the edits writers make often cheap, and no others", "[spelling-costs]") {
  // our own respellings: o for u in many names, a final h added or not, and one d for t only once
  std::vector<SpellingPair> pairs;
  for (const char* stem : {"burj", "sukkar", "qubba", "mustafa", "nuri", "tulul", "jubb", "hummus", "kurum", "mushraf"}) {
    std::string respelt = stem;
    for (char& c : respelt) {
      if (c == 'u') c = 'o';
    }
    pairs.push_back({stem, respelt});
    pairs.push_back({std::string(stem) + "a", std::string(stem) + "ah"});
  }
  pairs.push_back({"dabba", "tabba"});
  pairs.push_back({"x1", "x2"});  // digits are never respelt: skipped
  SpellingCosts costs;
  learn_spelling_costs(costs, SpellingScript::Latin, pairs);
  CHECK(costs.substitution(SpellingScript::Latin, 'o', 'u') < 0.5);
  CHECK(costs.insertion(SpellingScript::Latin, 'h', InsertionPlace::Final) == Approx(1.0));  // endings tell names apart
  CHECK(costs.substitution(SpellingScript::Latin, 'd', 't') == Approx(1.0));  // seen once: no evidence
  CHECK(costs.substitution(SpellingScript::Latin, 'b', 'k') == Approx(1.0));  // never seen
  CHECK(costs.substitution(SpellingScript::Latin, '1', '2') == Approx(1.0));
  CHECK_FALSE(costs.learned(SpellingScript::Arabic));
  SpellingLearning with_endings;
  with_endings.learn_final_letters = true;
  SpellingCosts ending_costs;
  learn_spelling_costs(ending_costs, SpellingScript::Latin, pairs, with_endings);
  CHECK(ending_costs.insertion(SpellingScript::Latin, 'h', InsertionPlace::Final) < 0.7);
  CHECK(ending_costs.insertion(SpellingScript::Latin, 'h', InsertionPlace::Plain) == Approx(1.0));
  // the learned costs bring a new respelling of the same kind closer than Levenshtein's do
  CHECK(costs.similarity(SpellingScript::Latin, "muhradah", "mohrada") >
        SpellingCosts().similarity(SpellingScript::Latin, "muhradah", "mohrada"));
}

namespace {
Place place_named(const std::string& id, std::vector<std::string> names) {
  Place place;
  place.id = id;
  place.kind = PlaceKind::Village;
  for (auto& name : names) place.names.push_back({name, "en", "test"});
  return place;
}
}  // namespace

TEST_CASE("held_out_from_spelling_training holds out about a tenth of places, always the same", "[spelling-costs]") {
  int held = 0;
  for (int i = 0; i < 10000; ++i) held += held_out_from_spelling_training("C" + std::to_string(i)) ? 1 : 0;
  CHECK(held > 800);
  CHECK(held < 1200);
  CHECK(held_out_from_spelling_training("C1234") == held_out_from_spelling_training(std::string("C1234")));
}

TEST_CASE("spelling_training_pairs pairs a place's alike spellings, never its other names", "[spelling-costs]") {
  Gazetteer gazetteer;
  // find two ids the training uses, and one it holds out
  std::vector<std::string> trained, held;
  for (int i = 0; trained.size() < 2 || held.empty(); ++i) {
    const std::string id = "P" + std::to_string(i);
    (held_out_from_spelling_training(id) ? held : trained).push_back(id);
  }
  gazetteer.add(place_named(trained[0], {"Jandairis", "Jinderes", "Arpad"}));
  gazetteer.add(place_named(trained[1], {"Kafr Nabl", "Kafranbel", "كفرنبل"}));
  gazetteer.add(place_named(held[0], {"Sarmada", "Sarmadah"}));
  const auto pairs = spelling_training_pairs(gazetteer, SpellingScript::Latin);
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0].a == make_name_keys("Jandairis").compact);
  CHECK(pairs[0].b == make_name_keys("Jinderes").compact);
  CHECK(pairs[1].a == make_name_keys("Kafranbel").compact);  // in the order of their letters
  CHECK(pairs[1].b == make_name_keys("Kafr Nabl").compact);
}

TEST_CASE("a saved gazetteer keeps its spelling costs, and loses the file when it has none", "[spelling-costs]") {
  const auto folder = std::filesystem::temp_directory_path() / "conflictmap_spelling_costs_test";
  std::filesystem::remove_all(folder);
  Gazetteer gazetteer;
  gazetteer.add(place_named("P1", {"Sarmada"}));
  SpellingCosts costs;
  costs.set_substitution(SpellingScript::Latin, 'o', 'u', 0.25);
  gazetteer.set_spelling_costs(costs);
  save_gazetteer(gazetteer, folder);
  REQUIRE(std::filesystem::exists(folder / "spelling_costs.tsv"));
  const Gazetteer loaded = load_gazetteer(folder);
  CHECK(loaded.spelling_costs().substitution(SpellingScript::Latin, 'u', 'o') == Approx(0.25));
  gazetteer.set_spelling_costs(SpellingCosts());
  save_gazetteer(gazetteer, folder);
  CHECK_FALSE(std::filesystem::exists(folder / "spelling_costs.tsv"));
  CHECK_FALSE(load_gazetteer(folder).spelling_costs().learned());
  std::filesystem::remove_all(folder);
}

TEST_CASE("name_similarity compares Latin spellings with the costs it is given", "[spelling-costs]") {
  SpellingCosts costs;
  costs.set_substitution(SpellingScript::Latin, 'i', 'a', 0.2);
  const auto query = make_name_keys("Sheikh Hilal");
  const auto candidate = make_name_keys("Sheikh Halal");
  CHECK(name_similarity(query, candidate, costs) > name_similarity(query, candidate));
}
