#include "layers/density_ramp.hpp"

#include <algorithm>
#include <cmath>

namespace conflictmap {

const std::vector<RampStop>& density_ramp() {
  static const std::vector<RampStop> stops = {
      {0.0, {255, 255, 178, 0}},   {0.02, {255, 255, 178, 140}}, {0.15, {254, 204, 92, 190}},
      {0.35, {253, 141, 60, 215}}, {0.6, {240, 59, 32, 230}},    {1.0, {189, 0, 38, 245}},
  };
  return stops;
}

std::array<std::uint8_t, 4> density_colour(double fraction) {
  const auto& stops = density_ramp();
  fraction = std::clamp(fraction, 0.0, 1.0);
  for (std::size_t i = 1; i < stops.size(); ++i) {
    if (fraction <= stops[i].fraction) {
      const double t = (fraction - stops[i - 1].fraction) / (stops[i].fraction - stops[i - 1].fraction);
      std::array<std::uint8_t, 4> out{};
      for (int c = 0; c < 4; ++c) {
        out[c] = std::uint8_t(std::lround(stops[i - 1].rgba[c] + t * (stops[i].rgba[c] - stops[i - 1].rgba[c])));
      }
      return out;
    }
  }
  return stops.back().rgba;
}

std::vector<double> nice_levels(double maximum) {
  std::vector<double> levels;
  if (!(maximum > 0) || !std::isfinite(maximum)) return levels;
  const double lowest = maximum / 50.0;
  double decade = std::pow(10.0, std::floor(std::log10(lowest)));
  for (int guard = 0; guard < 40; ++guard, decade *= 10) {
    for (double step : {1.0, 2.0, 5.0}) {
      const double level = step * decade;
      if (level >= lowest && level < maximum) levels.push_back(level);
    }
    if (decade > maximum) break;
  }
  return levels;
}

}  // namespace conflictmap
