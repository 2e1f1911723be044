"""Compares tiles with the source layer reprojected by GDAL: for each tile, gdalwarp's view of the layer in
EPSG:3857 over the tile's bounds (256×256, nearest neighbour for categories, bilinear for a surface), coloured through the layer's own colour table,
against the tile's decoded pixels. A Float32 layer is checked for coverage instead: a pixel is drawn where
the warped density is above zero and transparent where it is not.

Usage: /usr/bin/python3 check_tile_pixels.py LAYER.tif TILES_FOLDER Z/X/Y... ; prints the share of agreeing
pixels per tile and exits 1 when any tile agrees on fewer than 99% of them.
"""
import math
import sys

import numpy as np
from osgeo import gdal

HALF = 20037508.342789244


def tile_bounds(z, x, y):
    size = 2 * HALF / (1 << z)
    return (-HALF + x * size, HALF - (y + 1) * size, -HALF + (x + 1) * size, HALF - y * size)


def read_rgba(path):
    """A tile's pixels as RGBA, whether the PNG is paletted or not; a missing tile is fully transparent."""
    image = gdal.Open(path)
    if image is None:
        return np.zeros((256, 256, 4), dtype=np.uint8)
    table = image.GetRasterBand(1).GetColorTable()
    if image.RasterCount == 1 and table is not None:
        lookup = np.array([table.GetColorEntry(i) if i < table.GetCount() else (0, 0, 0, 0) for i in range(256)],
                          dtype=np.uint8)
        return lookup[image.ReadAsArray()]
    return image.ReadAsArray().transpose(1, 2, 0)


def main(layer, folder, tiles):
    source = gdal.Open(layer)
    band = source.GetRasterBand(1)
    table = band.GetColorTable()
    nodata = band.GetNoDataValue()
    worst = 1.0
    for name in tiles:
        z, x, y = map(int, name.split("/"))
        # the renderer's own resampling: nearest for categories, bilinear for a continuous surface
        warped = gdal.Warp("", source, format="MEM", dstSRS="EPSG:3857", outputBounds=tile_bounds(z, x, y),
                           width=256, height=256, resampleAlg="near" if table is not None else "bilinear")
        values = warped.GetRasterBand(1).ReadAsArray()
        tile = read_rgba(f"{folder}/{z}/{x}/{y}.png")
        if table is not None:
            colours = np.array([table.GetColorEntry(i) if i < table.GetCount() else (0, 0, 0, 0) for i in range(256)],
                               dtype=np.uint8)
            if nodata is not None:
                colours[int(nodata), 3] = 0
            expected = colours[values]
            transparent = (expected[..., 3] == 0) & (tile[..., 3] == 0)
            same = np.all(expected == tile, axis=2) | transparent
        else:
            drawn = values > 0
            same = drawn == (tile[..., 3] > 0)
        share = same.mean()
        worst = min(worst, share)
        print(f"{name}: {share:.2%} of pixels agree with gdalwarp")
    if worst < 0.99:
        print(f"FAIL: a tile agrees on only {worst:.2%} of its pixels", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
