#pragma once
// Who can control ground, with one raster code and one colour each, shared by every control layer, style
// and tile. Parsed from gazetteer/styles/controllers.tsv (or a user's own file for another conflict).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conflictmap {

struct ControllerCategory {
  std::uint8_t value = 0;  // raster code; 0 is unknown (nodata)
  std::string code;        // "government", "islamic_state", "contested", …
  std::string label;
  std::array<std::uint8_t, 4> rgba{0, 0, 0, 255};
  std::vector<std::string> actors;  // canonical actor names whose ground this is
};

class ControllerPalette {
 public:
  static constexpr std::uint8_t kUnknown = 0;
  static constexpr std::string_view kContestedCode = "contested";

  // `origin` names the file in errors, which give its line and field.
  static ControllerPalette parse(std::string_view text, const std::string& origin);

  const std::vector<ControllerCategory>& categories() const { return categories_; }
  const ControllerCategory* by_value(std::uint8_t value) const;
  // A category by its code, its label or any of its actors (case-insensitive).
  const ControllerCategory* find(std::string_view name) const;
  const ControllerCategory& contested() const;

 private:
  std::vector<ControllerCategory> categories_;
};

std::optional<std::array<std::uint8_t, 4>> parse_hex_colour(std::string_view text);
std::string hex_colour(const std::array<std::uint8_t, 4>& rgba);  // "#rrggbb"

}  // namespace conflictmap
