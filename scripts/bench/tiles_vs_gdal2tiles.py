#!/usr/bin/env python3
"""`conflictmap tiles` against `gdal2tiles.py --processes=2` (Debian's python3-gdal) on the same GeoTIFFs and zoom
range, measured in one run, tiled z0–z11 into XYZ folders. Two layers:
- the control zones of the shipped mid-2017 baseline (a paletted GeoTIFF; gdal2tiles is given the same file
  expanded to RGBA through a VRT, as it asks);
- a Syria-wide strike density coloured to RGBA with the density ramp (the same RGBA file for both).
Prints the time ratios (goal ≥ 10×), how equal the pixels of the tiles both made are, and the floor both tools
share: encoding gdal2tiles' pixels as PNG through GDAL's PNG driver and writing them as files, on two processes.
No tool doing that can beat gdal2tiles by more than gdal2tiles' time over that floor.

Usage: /usr/bin/python3 scripts/bench/tiles_vs_gdal2tiles.py [--zoom 0-11] [--points 20000]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "build", "conflictmap")


def run(command):
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def density_layer(folder, points):
    """A country-wide density COG from points clustered on the gazetteer's settlements."""
    rng = random.Random(11)
    with open(os.path.join(ROOT, "gazetteer", "syria", "places.tsv"), encoding="utf-8") as f:
        next(f)
        towns = [(float(r[2]), float(r[3])) for r in (line.split("\t") for line in f) if r[1] in ("town", "city", "village")]
    centres = rng.sample(towns, 400)
    events = os.path.join(folder, "strikes.csv")
    with open(events, "w") as f:
        f.write("event_id,sub_event_type,latitude,longitude,geo_precision,strike_count\n")
        for i in range(points):
            lat, lon = centres[rng.randrange(len(centres))]
            f.write(f"e{i},Air/drone strike,{lat + rng.gauss(0, 0.04):.5f},{lon + rng.gauss(0, 0.05):.5f},1,1\n")
    tif = os.path.join(folder, "strikes.tif")
    run([BIN, "density", events, "-o", tif, "--bandwidth", "8000", "--pixel-size", "250"])
    return tif


def rgba_copy(tif, folder):
    """The density coloured through the project's ramp into an RGBA GeoTIFF (gdaldem color-relief)."""
    maximum = float(gdal.Info(tif, format="json")["metadata"][""]["MAXIMUM"])
    ramp = os.path.join(folder, "ramp.txt")
    stops = [(0.0, (255, 255, 178, 0)), (0.02, (255, 255, 178, 140)), (0.15, (254, 204, 92, 190)),
             (0.35, (253, 141, 60, 215)), (0.6, (240, 59, 32, 230)), (1.0, (189, 0, 38, 245))]
    with open(ramp, "w") as f:
        f.write("nv 0 0 0 0\n")
        f.write("0 0 0 0 0\n")
        for fraction, (r, g, b, a) in stops[1:]:
            f.write(f"{fraction * maximum:.9g} {r} {g} {b} {a}\n")
    rgba = os.path.join(folder, "strikes_rgba.tif")
    run(["gdaldem", "color-relief", "-q", "-alpha", "-co", "TILED=YES", "-co", "COMPRESS=DEFLATE", tif, ramp, rgba])
    return rgba


def rgba_of_dataset(image):
    table = image.GetRasterBand(1).GetColorTable()
    if image.RasterCount == 1 and table is not None:
        lookup = np.array([table.GetColorEntry(i) if i < table.GetCount() else (0, 0, 0, 0) for i in range(256)])
        nodata = image.GetRasterBand(1).GetNoDataValue()
        if nodata is not None:
            lookup[int(nodata)] = (0, 0, 0, 0)
        return lookup[image.ReadAsArray()].transpose(2, 0, 1).astype(int)
    return image.ReadAsArray().astype(int)


def rgba_of(path):
    return rgba_of_dataset(gdal.Open(path))


def compare(ours, theirs, sample=200):
    tiles = []
    for z in sorted(os.listdir(ours), key=lambda s: int(s) if s.isdigit() else -1):
        if not z.isdigit():
            continue
        for x in os.listdir(os.path.join(ours, z)):
            for name in os.listdir(os.path.join(ours, z, x)):
                tiles.append(f"{z}/{x}/{name}")
    random.Random(3).shuffle(tiles)
    same, total, missing, diffs = 0, 0, 0, []
    for tile in tiles[:sample]:
        path = os.path.join(theirs, tile)
        if not os.path.exists(path):
            missing += 1
            continue
        a = rgba_of(os.path.join(ours, tile))
        b = rgba_of(path)
        if b.shape[0] == 4 and a.shape[0] == 4:
            visible = (a[3] > 0) | (b[3] > 0)
            delta = np.abs(a - b).max(axis=0)
            same += int(((delta <= 2) | ~visible).sum())
            total += delta.size
            diffs.append(float(np.abs(a - b)[:, visible].mean()) if visible.any() else 0.0)
    print(f"  pixels: {same / max(total, 1):.2%} equal within 2 levels over {len(diffs)} sampled tiles made by both "
          f"(mean |difference| {np.mean(diffs) if diffs else 0:.2f} levels); {missing} of ours gdal2tiles did not make")


def smallest_png_source(path):
    """gdal2tiles' tile as the smallest image a PNG writer could be given for the same pixels: one band with a
    colour table when the tile has at most 256 colours, RGBA otherwise."""
    rgba = gdal.Open(path).ReadAsArray()
    if rgba.shape[0] != 4:
        return rgba
    flat = rgba.reshape(4, -1).T
    colours, indices = np.unique(flat, axis=0, return_inverse=True)
    if len(colours) > 256:
        return rgba
    return (indices.reshape(rgba.shape[1:]).astype(np.uint8), [tuple(int(v) for v in c) for c in colours])


def encode_tiles(paths):
    images = [smallest_png_source(path) for path in paths]  # decoded before the clock starts
    mem, png = gdal.GetDriverByName("MEM"), gdal.GetDriverByName("PNG")
    start = time.perf_counter()
    for i, image in enumerate(images):
        if isinstance(image, tuple):
            indices, colours = image
            dataset = mem.Create("", indices.shape[1], indices.shape[0], 1, gdal.GDT_Byte)
            table = gdal.ColorTable()
            for entry, colour in enumerate(colours):
                table.SetColorEntry(entry, colour)
            dataset.GetRasterBand(1).SetColorTable(table)
            dataset.GetRasterBand(1).WriteArray(indices)
        else:
            dataset = mem.Create("", image.shape[2], image.shape[1], image.shape[0], gdal.GDT_Byte)
            for band in range(image.shape[0]):
                dataset.GetRasterBand(band + 1).WriteArray(image[band])
        png.CreateCopy(f"/vsimem/floor_{os.getpid()}_{i}.png", dataset)
        gdal.Unlink(f"/vsimem/floor_{os.getpid()}_{i}.png")
    return time.perf_counter() - start


def write_files(job):
    """Seconds to write tiles (already encoded) as files in a fresh folder tree, as any XYZ writer must."""
    source, destination, paths = job
    contents = {path: open(os.path.join(source, path), "rb").read() for path in paths}
    start = time.perf_counter()
    for path in paths:
        target = os.path.join(destination, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(contents[path])
    return time.perf_counter() - start


def encode_floor(theirs_dir, theirs_seconds):
    """The work any tool writing gdal2tiles' pixels as PNG files through GDAL must do, on two processes:
    encoding them (each tile in its smallest lossless form) and creating the files. Both take the CPU (the
    second in the kernel), so they add."""
    paths = sorted(os.path.join(d, f) for d, _, files in os.walk(theirs_dir) for f in files if f.endswith(".png"))
    if not paths:
        return
    from multiprocessing import Pool
    relative = [os.path.relpath(path, theirs_dir) for path in paths]
    destination = tempfile.mkdtemp(prefix="tiles_floor_")
    with Pool(2) as pool:
        encoding = max(pool.map(encode_tiles, [paths[0::2], paths[1::2]]))
        writing = max(pool.map(write_files, [(theirs_dir, destination, relative[0::2]),
                                             (theirs_dir, destination, relative[1::2])]))
    floor = encoding + writing
    print(f"  floor: encoding the same pixels as PNG through GDAL ({len(paths)} tiles, paletted where a tile has ≤256 "
          f"colours) {encoding:.2f} s, and writing them as files {writing:.2f} s, on two processes: no tool doing "
          f"both can be more than {theirs_seconds / floor:.1f}× faster than gdal2tiles here")


def against_gdalwarp(source_path, ours, zoom, sample=30):
    """Our tiles at the deepest zoom (where neither tool uses overviews) against gdalwarp's nearest-neighbour view
    of the source over each tile: the reference both tools' pixels should be read against."""
    half = 20037508.342789244
    folder = os.path.join(ours, str(zoom))
    tiles = sorted(f"{x}/{name}" for x in os.listdir(folder) for name in os.listdir(os.path.join(folder, x)))
    random.Random(5).shuffle(tiles)
    same = total = 0
    source = gdal.Open(source_path)
    for tile in tiles[:sample]:
        x, y = int(tile.split("/")[0]), int(tile.split("/")[1].split(".")[0])
        size = 2 * half / (1 << zoom)
        bounds = (-half + x * size, half - (y + 1) * size, -half + (x + 1) * size, half - y * size)
        warped = gdal.Warp("", source, format="MEM", dstSRS="EPSG:3857", outputBounds=bounds, width=256, height=256,
                           resampleAlg="near")
        reference = rgba_of_dataset(warped)
        mine = rgba_of(os.path.join(folder, tile))
        visible = (reference[3] > 0) | (mine[3] > 0)
        same += int((np.all(reference == mine, axis=0) & visible).sum())
        total += int(visible.sum())
    print(f"  pixels: {same / max(total, 1):.2%} of our z{zoom} tiles' drawn pixels are identical to gdalwarp's "
          f"nearest-neighbour warp of the source over the same tile ({min(sample, len(tiles))} tiles)")


def control_layer(folder):
    tif = os.path.join(folder, "control.tif")
    run([BIN, "control", "--baseline", os.path.join(ROOT, "gazetteer", "syria", "control_baseline_2017.csv"),
         "--as-of", "2017-07-01", "--pixel-size", "250", "-o", tif])
    rgba = os.path.join(folder, "control_rgba.vrt")
    run(["gdal_translate", "-q", "-of", "VRT", "-expand", "rgba", tif, rgba])
    return tif, rgba


def race(name, ours_input, theirs_input, zoom, folder):
    ours_dir, theirs_dir = os.path.join(folder, f"ours_{name}"), os.path.join(folder, f"gdal2tiles_{name}")
    info = gdal.Info(ours_input, format="json")
    print(f"{name}: {info['size'][0]}×{info['size'][1]}, zooms {zoom}")
    ours = run([BIN, "tiles", ours_input, "-z", zoom, "-o", ours_dir, "--threads", "2"])
    theirs = run(["gdal2tiles.py", "-q", "--xyz", "--exclude", "-r", "near", "--processes=2", "-z", zoom,
                  "-w", "none", theirs_input, theirs_dir])
    count = lambda d: sum(len([f for f in files if f.endswith(".png")]) for _, _, files in os.walk(d))
    print(f"  conflictmap tiles:           {ours:.2f} s, {count(ours_dir)} tiles")
    print(f"  gdal2tiles.py --processes=2: {theirs:.2f} s, {count(theirs_dir)} tiles")
    print(f"  ratio: conflictmap is {theirs / ours:.1f}× faster (goal ≥ 10×)")
    stem = os.path.splitext(os.path.basename(ours_input))[0]
    compare(os.path.join(ours_dir, stem), theirs_dir)
    against_gdalwarp(ours_input, os.path.join(ours_dir, stem), int(zoom.split("-")[-1]))
    encode_floor(theirs_dir, theirs)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zoom", default="0-11")
    parser.add_argument("--points", type=int, default=20000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tiles_bench_")
    control_tif, control_rgba = control_layer(folder)
    race("control", control_tif, control_rgba, args.zoom, folder)
    rgba = rgba_copy(density_layer(folder, args.points), folder)
    race("density", rgba, rgba, args.zoom, folder)


if __name__ == "__main__":
    main()
