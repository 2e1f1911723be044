#include "core/place.hpp"

#include <algorithm>

namespace conflictmap {

namespace {
struct KindName {
  PlaceKind kind;
  std::string_view name;
};
constexpr KindName kKindNames[] = {
    {PlaceKind::Country, "country"},       {PlaceKind::Governorate, "governorate"},
    {PlaceKind::District, "district"},     {PlaceKind::Subdistrict, "subdistrict"},
    {PlaceKind::City, "city"},             {PlaceKind::Town, "town"},
    {PlaceKind::Village, "village"},       {PlaceKind::Neighbourhood, "neighbourhood"},
    {PlaceKind::Camp, "camp"},             {PlaceKind::Airbase, "airbase"},
    {PlaceKind::Base, "base"},             {PlaceKind::Hill, "hill"},
    {PlaceKind::Facility, "facility"},     {PlaceKind::Landmark, "landmark"},
    {PlaceKind::Region, "region"},         {PlaceKind::Other, "other"},
};
}  // namespace

std::string_view to_string(PlaceKind kind) {
  for (const auto& entry : kKindNames) {
    if (entry.kind == kind) return entry.name;
  }
  return "other";
}

std::optional<PlaceKind> place_kind_from_string(std::string_view text) {
  for (const auto& entry : kKindNames) {
    if (entry.name == text) return entry.kind;
  }
  return std::nullopt;
}

bool is_admin_unit(PlaceKind kind) {
  return kind == PlaceKind::Country || kind == PlaceKind::Governorate ||
         kind == PlaceKind::District || kind == PlaceKind::Subdistrict;
}

bool is_settlement(PlaceKind kind) {
  return kind == PlaceKind::City || kind == PlaceKind::Town || kind == PlaceKind::Village ||
         kind == PlaceKind::Neighbourhood || kind == PlaceKind::Camp;
}

bool is_feature(PlaceKind kind) {
  return kind == PlaceKind::Airbase || kind == PlaceKind::Base || kind == PlaceKind::Hill ||
         kind == PlaceKind::Facility || kind == PlaceKind::Landmark;
}

const std::string& Place::display_name() const {
  static const std::string empty;
  for (const auto& name : names) {
    if (name.lang == "en") return name.text;
  }
  return names.empty() ? empty : names.front().text;
}

bool Place::has_name(std::string_view text, std::string_view lang) const {
  return std::any_of(names.begin(), names.end(), [&](const PlaceName& name) {
    return name.text == text && name.lang == lang;
  });
}

void Place::add_name(PlaceName name) {
  if (name.text.empty() || has_name(name.text, name.lang)) return;
  names.push_back(std::move(name));
}

void Place::add_source(std::string_view source) {
  if (std::find(sources.begin(), sources.end(), source) == sources.end()) {
    sources.emplace_back(source);
  }
}

}  // namespace conflictmap
