#pragma once
// The colours of density, shared by the raster's style, the isobands' style and the tiles: transparent at
// zero, then yellow through orange to dark red at the layer's maximum.
#include <array>
#include <cstdint>
#include <vector>

namespace conflictmap {

struct RampStop {
  double fraction;  // of the maximum value
  std::array<std::uint8_t, 4> rgba;
};

const std::vector<RampStop>& density_ramp();
// The colour at a fraction of the maximum, interpolated between stops.
std::array<std::uint8_t, 4> density_colour(double fraction);
// Isoband thresholds: 1-2-5 steps from about 1/50 of the maximum up to it; empty when the maximum is 0.
std::vector<double> nice_levels(double maximum);

}  // namespace conflictmap
