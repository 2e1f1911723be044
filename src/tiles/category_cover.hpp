#pragma once
// Where a categorical layer is one category over whole blocks: for each category, the blocks of the layer
// that hold nothing else, with a summed-area table over them. A tile whose window lies wholly in such blocks is
// that category throughout, so the tiler fills it without warping: inside a control zone, tiles of one colour
// are the common case.
#include <gdal.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "tiles/block_sums.hpp"

namespace conflictmap {

class CategoryCover {
 public:
  // Reads band `band` (byte categories) of `dataset` whole, in strips. Blocks are as small as keeps each
  // category's table near `max_blocks` cells. Throws std::runtime_error on a read error.
  static CategoryCover measure(GDALDatasetH dataset, int band, std::size_t max_blocks = 1u << 18);

  // The one category of every pixel in columns [col0, col1) and rows [row0, row1) (fractional pixel
  // coordinates), when the window lies inside the layer and wholly in blocks of that category; none otherwise.
  std::optional<std::uint8_t> sole_category(double col0, double row0, double col1, double row1) const;

 private:
  BlockGrid grid_;
  std::vector<std::uint8_t> block_category_;  // per block: its category, when it has one alone
  std::vector<std::uint8_t> block_pure_;      // per block: 1 when one category fills it
  std::vector<std::uint8_t> categories_;      // the categories that fill at least one block
  std::vector<BlockSums> sums_;               // per category of categories_: its pure blocks
};

}  // namespace conflictmap
