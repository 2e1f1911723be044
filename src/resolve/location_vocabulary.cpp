#include "resolve/location_vocabulary.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "core/flat_text_map.hpp"

namespace conflictmap {

namespace {

constexpr Vocabulary kVocabulary[] = {
    {"north", WordClass::Direction, 0},       {"northern", WordClass::Direction, 0},
    {"south", WordClass::Direction, 180},     {"southern", WordClass::Direction, 180},
    {"east", WordClass::Direction, 90},       {"eastern", WordClass::Direction, 90},
    {"west", WordClass::Direction, 270},      {"western", WordClass::Direction, 270},
    {"northeast", WordClass::Direction, 45},  {"northeastern", WordClass::Direction, 45},
    {"northwest", WordClass::Direction, 315}, {"northwestern", WordClass::Direction, 315},
    {"southeast", WordClass::Direction, 135}, {"southeastern", WordClass::Direction, 135},
    {"southwest", WordClass::Direction, 225}, {"southwestern", WordClass::Direction, 225},
    // compass points as releases abbreviate them ("SSE of X")
    {"ne", WordClass::Direction, 45},         {"nw", WordClass::Direction, 315},
    {"se", WordClass::Direction, 135},        {"sw", WordClass::Direction, 225},
    {"nne", WordClass::Direction, 22.5},      {"ene", WordClass::Direction, 67.5},
    {"ese", WordClass::Direction, 112.5},     {"sse", WordClass::Direction, 157.5},
    {"ssw", WordClass::Direction, 202.5},     {"wsw", WordClass::Direction, 247.5},
    {"wnw", WordClass::Direction, 292.5},     {"nnw", WordClass::Direction, 337.5},
    {"linking", WordClass::Near},             {"connecting", WordClass::Near},
    {"with", WordClass::And},                 {"الواصل", WordClass::Near},
    {"الرابط", WordClass::Near},
    {"km", WordClass::Distance},              {"kms", WordClass::Distance},
    {"kilometers", WordClass::Distance},      {"kilometres", WordClass::Distance},
    {"kilometer", WordClass::Distance},       {"kilometre", WordClass::Distance},
    {"countryside", WordClass::RegionWord},   {"district", WordClass::RegionWord},
    {"province", WordClass::RegionWord},      {"governorate", WordClass::RegionWord},
    {"subdistrict", WordClass::RegionWord},   {"region", WordClass::RegionWord},
    {"countrysides", WordClass::RegionWord},  {"suburbs", WordClass::Outskirts},
    {"rif", WordClass::RegionWord},           {"reef", WordClass::RegionWord},
    {"outskirts", WordClass::Outskirts},      {"vicinity", WordClass::Outskirts},
    {"edge", WordClass::Outskirts},           {"edges", WordClass::Outskirts},
    {"outskirt", WordClass::Outskirts},       {"surroundings", WordClass::Outskirts},
    {"in", WordClass::In},                    {"inside", WordClass::In},
    {"within", WordClass::In},                {"at", WordClass::In},
    {"on", WordClass::In},                    {"into", WordClass::In},
    {"near", WordClass::Near},                {"nearby", WordClass::Near},
    {"around", WordClass::Near},              {"close", WordClass::Near},
    {"outside", WordClass::Near},             {"by", WordClass::Near},
    {"between", WordClass::Near},             {"towards", WordClass::Near},
    {"of", WordClass::Of},                    {"from", WordClass::Of},
    {"and", WordClass::And},                  {"or", WordClass::And},
    {"the", WordClass::Skip},                 {"a", WordClass::Skip},
    {"syria", WordClass::Stop},               {"s", WordClass::Skip},
    {"residential", WordClass::Stop},         {"building", WordClass::Stop},
    {"buildings", WordClass::Stop},           {"house", WordClass::Stop},
    {"houses", WordClass::Stop},              {"home", WordClass::Stop},
    {"homes", WordClass::Stop},               {"civilian", WordClass::Stop},
    {"civilians", WordClass::Stop},           {"market", WordClass::Stop, 1},
    {"street", WordClass::Stop, 3},              {"road", WordClass::Stop, 2},
    {"mosque", WordClass::Stop, 1},              {"hospital", WordClass::Stop, 1},
    {"school", WordClass::Stop, 1},              {"bakery", WordClass::Stop, 1},
    {"family", WordClass::Stop},              {"camp", WordClass::Stop, 2},              {"areas", WordClass::Stop},
    {"parts", WordClass::Stop},               {"part", WordClass::Stop},
    {"located", WordClass::Skip},             {"several", WordClass::Stop},
    {"centre", WordClass::Stop},              {"center", WordClass::Stop},
    {"police", WordClass::Stop, 1},           {"bridge", WordClass::Stop, 1},
    {"roundabout", WordClass::Stop, 1},       {"prison", WordClass::Stop, 1},
    {"crossing", WordClass::Stop, 1},         {"junction", WordClass::Stop, 1},
    {"factory", WordClass::Stop, 1},          {"mill", WordClass::Stop, 1},
    {"silo", WordClass::Stop, 1},             {"silos", WordClass::Stop, 1},
    {"oilfield", WordClass::Stop, 1},         {"oil", WordClass::Stop, 1},
    {"desert", WordClass::Stop, 2},              {"plain", WordClass::Stop, 2},
    {"مستشفي", WordClass::Stop, 1},          {"مستوصف", WordClass::Stop, 1},
    {"مركز", WordClass::Stop, 1},            {"شرطه", WordClass::Stop, 1},
    {"جامع", WordClass::Stop, 1},            {"حقل", WordClass::Stop, 1},
    {"نفطي", WordClass::Stop, 1},
    {"دوار", WordClass::Stop, 1},            {"سجن", WordClass::Stop, 1},
    {"فرن", WordClass::Stop, 1},             {"مخبز", WordClass::Stop, 1},
    {"معمل", WordClass::Stop, 1},            {"باديه", WordClass::Stop, 2},
    {"بين", WordClass::Near},                {"جوار", WordClass::Outskirts},
    {"طريق", WordClass::Stop, 2},               {"اوتوستراد", WordClass::Stop, 2},
    {"refugee", WordClass::Stop, 2},             {"refugees", WordClass::Stop, 2},
    {"idp", WordClass::Stop, 2},                 {"idps", WordClass::Stop, 2},
    {"displaced", WordClass::Stop},           {"informal", WordClass::Stop},
    {"شمال", WordClass::Direction, 0},        {"شمالي", WordClass::Direction, 0},
    {"جنوب", WordClass::Direction, 180},      {"جنوبي", WordClass::Direction, 180},
    {"شرق", WordClass::Direction, 90},        {"شرقي", WordClass::Direction, 90},
    {"غرب", WordClass::Direction, 270},       {"غربي", WordClass::Direction, 270},
    // the feminine agrees with a feminine area word: "محافظة حمص الشرقية", "المنطقة الشمالية"
    {"شماليه", WordClass::Direction, 0},      {"جنوبيه", WordClass::Direction, 180},
    {"شرقيه", WordClass::Direction, 90},      {"غربيه", WordClass::Direction, 270},
    {"كم", WordClass::Distance},              {"كيلومتر", WordClass::Distance},
    {"ريف", WordClass::RegionWord},           {"ناحيه", WordClass::RegionWord},
    {"منطقه", WordClass::RegionWord},         {"محافظه", WordClass::RegionWord},
    {"اطراف", WordClass::Outskirts},          {"محيط", WordClass::Outskirts},
    {"ضواحي", WordClass::Outskirts},
    {"في", WordClass::In},                    {"داخل", WordClass::In},
    {"تابعه", WordClass::In},                 {"تابع", WordClass::In},
    {"قرب", WordClass::Near},                 {"بالقرب", WordClass::Near},
    {"جانب", WordClass::Near},                {"من", WordClass::Of},
    {"و", WordClass::And},                    {"او", WordClass::And},
    {"سوريا", WordClass::Stop},               {"شارع", WordClass::Stop, 3},
    {"مبني", WordClass::Stop},                {"منزل", WordClass::Stop},
    {"مسجد", WordClass::Stop, 1},                {"مشفي", WordClass::Stop, 1},
    {"سوق", WordClass::Stop, 1},                 {"مدرسه", WordClass::Stop, 1},
    // "على" (on) is not listed: folded, it is "علي", the name Ali
};

}  // namespace

std::optional<Vocabulary> lookup_word(std::string_view word) {
  static const FlatTextMap<Vocabulary> table = [] {
    std::vector<std::pair<std::string_view, Vocabulary>> pairs;
    for (const auto& entry : kVocabulary) pairs.emplace_back(entry.word, entry);
    return FlatTextMap<Vocabulary>::from_pairs(pairs);
  }();
  return table.first(word);
}

bool is_countryside_word(std::string_view word) {
  static constexpr std::string_view kCountryside[] = {"countryside", "countrysides", "rif", "reef", "rural", "ريف"};
  return std::find(std::begin(kCountryside), std::end(kCountryside), word) != std::end(kCountryside);
}

bool is_direction_preposition(std::string_view word) {
  static constexpr std::string_view kPrepositions[] = {
      "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
      "شمال", "جنوب", "شرق", "غرب",
  };
  return std::find(std::begin(kPrepositions), std::end(kPrepositions), word) != std::end(kPrepositions);
}

}  // namespace conflictmap
