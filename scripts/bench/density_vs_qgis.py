#!/usr/bin/env python3
"""Strike density: `conflictmap density` against QGIS's Heatmap (qgis:heatmapkerneldensityestimation through
qgis_process) and against GDAL (gdal_rasterize -add, then a quartic smoothing kernel in a VRT), on the same
points, radius, pixel size and grid, measured in one run. Prints the values' agreement and the time ratios.

Debian 12's QGIS 3.22 still scales the quartic kernel by 116/(5πh²) instead of 16/(5πh²): its "Scaled" values
are 116/16 = 7.25 times the true density, which the comparison divides out.

Our command is timed twice: whole (COG, isobands GeoJSON, styles) and with --no-isobands, which makes the same
product as QGIS's Heatmap (one density raster). Each tool runs --repeat times (3), alternating, and the medians
are compared: these machines have slow and fast
spells, and one run of each can land in different ones.

Usage: scripts/bench/density_vs_qgis.py [--points 100000] [--pixels 2000] [--radius 10000] [--repeat 3] [--skip-gdal]
Needs qgis_process.bin (CONFLICTMAP_WITH_QGIS setup), gdal-bin, python3-gdal, numpy and a built build/conflictmap.
"""
import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from osgeo import gdal, ogr, osr

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "build", "conflictmap")
QGIS_BUG = 116.0 / 16.0
CRS = "EPSG:32637"


def synthetic_strikes(count, seed=7):
    """Points clustered around 300 of the gazetteer's settlements (towns get struck repeatedly), in lon/lat,
    with strike counts 1–5."""
    rng = random.Random(seed)
    with open(os.path.join(ROOT, "gazetteer", "syria", "places.tsv"), encoding="utf-8") as f:
        next(f)
        settlements = [(float(r[3]), float(r[2])) for r in (line.split("\t") for line in f) if r[1] in ("town", "village", "city")]
    centres = rng.sample(settlements, 300)
    points = []
    for _ in range(count):
        lon0, lat0 = centres[rng.randrange(len(centres))]
        points.append((lon0 + rng.gauss(0, 0.05), lat0 + rng.gauss(0, 0.04), rng.randint(1, 5)))
    return points


def write_inputs(points, folder):
    csv_path = os.path.join(folder, "strikes.csv")
    with open(csv_path, "w") as f:
        f.write("event_id,sub_event_type,latitude,longitude,geo_precision,strike_count\n")
        for i, (lon, lat, n) in enumerate(points):
            f.write(f"e{i},Air/drone strike,{lat:.6f},{lon:.6f},1,{n}\n")
    gpkg = os.path.join(folder, "strikes_utm.gpkg")
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(4326)
    target.ImportFromEPSG(32637)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    layer = ds.CreateLayer("strikes", target, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("strikes", ogr.OFTInteger))
    layer.StartTransaction()
    for lon, lat, n in points:
        x, y, _ = transform.TransformPoint(lon, lat)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("strikes", n)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    extent = layer.GetExtent()  # xmin, xmax, ymin, ymax
    ds = None
    return csv_path, gpkg, extent


def timed(command, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return elapsed


def read(path):
    ds = gdal.Open(path)
    return ds.GetRasterBand(1).ReadAsArray().astype(np.float64), ds.GetGeoTransform(), (ds.RasterXSize, ds.RasterYSize)


def agreement(name, ours, theirs):
    mask = (ours > ours.max() * 0.01) | (theirs > theirs.max() * 0.01)
    relative = np.abs(ours[mask] - theirs[mask]) / np.maximum(np.abs(theirs[mask]), 1e-30)
    correlation = np.corrcoef(ours[mask], theirs[mask])[0, 1]
    print(f"  values vs {name}: correlation {correlation:.6f}, sum ratio {ours.sum() / theirs.sum():.5f}, "
          f"median |relative difference| {np.median(relative):.2e}, 99th percentile {np.percentile(relative, 99):.2e} "
          f"(over {mask.sum()} cells above 1% of the maximum)")


def quartic_vrt(counts_tif, vrt_path, radius_px, size):
    """A VRT that smooths a count raster with the quartic kernel (GDAL's KernelFilteredSource)."""
    half = int(math.floor(radius_px))
    n = 2 * half + 1
    coefficients = []
    for dy in range(-half, half + 1):
        for dx in range(-half, half + 1):
            d2 = (dx * dx + dy * dy) / (radius_px * radius_px)
            coefficients.append((1 - d2) ** 2 if d2 < 1 else 0.0)
    width, height = size
    ds = gdal.Open(counts_tif)
    gt = ds.GetGeoTransform()
    srs = ds.GetProjection()
    ds = None
    with open(vrt_path, "w") as f:
        f.write(f'<VRTDataset rasterXSize="{width}" rasterYSize="{height}"><SRS>{srs.replace("<", "&lt;").replace(">", "&gt;").replace(chr(34), "&quot;")}</SRS>'
                f'<GeoTransform>{", ".join(repr(v) for v in gt)}</GeoTransform>'
                f'<VRTRasterBand dataType="Float32" band="1"><KernelFilteredSource>'
                f'<SourceFilename relativeToVRT="0">{counts_tif}</SourceFilename><SourceBand>1</SourceBand>'
                f'<Kernel normalized="0"><Size>{n}</Size><Coefs>{" ".join(f"{c:.9g}" for c in coefficients)}</Coefs>'
                f'</Kernel></KernelFilteredSource></VRTRasterBand></VRTDataset>')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=100000)
    parser.add_argument("--pixels", type=int, default=2000, help="about this many cells on the longer side")
    parser.add_argument("--radius", type=float, default=10000, help="kernel radius in metres")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each tool; the medians are compared")
    parser.add_argument("--skip-gdal", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(BIN):
        sys.exit("build conflictmap first (scripts/build.sh)")
    folder = tempfile.mkdtemp(prefix="density_bench_")
    points = synthetic_strikes(args.points)
    csv_path, gpkg, (xmin, xmax, ymin, ymax) = write_inputs(points, folder)
    pixel = max(xmax - xmin, ymax - ymin) / args.pixels
    pixel = math.ceil(pixel)
    print(f"{args.points} points, radius {args.radius:.0f} m, pixel {pixel} m, quartic kernel, weights = strike counts")

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    qgis_tif = os.path.join(folder, "qgis.tif")
    qgis_command = ["qgis_process.bin", "run", "qgis:heatmapkerneldensityestimation", f"--INPUT={gpkg}",
                    f"--RADIUS={args.radius}", f"--PIXEL_SIZE={pixel}", "--WEIGHT_FIELD=strikes", "--KERNEL=0",
                    "--OUTPUT_VALUE=1", f"--OUTPUT={qgis_tif}"]
    qgis_runs = [timed(qgis_command, env)]
    theirs, gt, (width, height) = read(qgis_tif)
    bounds = [gt[0], gt[3] + gt[5] * height, gt[0] + gt[1] * width, gt[3]]
    print(f"grid {width}×{height} (QGIS's: the points' extent plus the radius)")

    ours_tif = os.path.join(folder, "ours.tif")
    command = [BIN, "density", csv_path, "-o", ours_tif, "--bandwidth", str(args.radius), "--pixel-size", str(pixel),
               "--bounds", ",".join(repr(b) for b in bounds), "--max-cells", "1000000000"]
    raster_tif = os.path.join(folder, "raster_only", "ours.tif")
    os.makedirs(os.path.dirname(raster_tif))
    raster_command = [BIN, "density", csv_path, "-o", raster_tif, "--no-isobands"] + command[5:]
    ours_runs, raster_runs, kernel_runs = [], [], []
    for repeat in range(args.repeat):
        if repeat > 0:
            qgis_runs.append(timed(qgis_command, env))
        start = time.perf_counter()
        run = subprocess.run(command, env=dict(os.environ, CONFLICTMAP_TIMINGS="1"), capture_output=True, text=True)
        ours_runs.append(time.perf_counter() - start)
        if run.returncode != 0:
            sys.exit(f"failed: {' '.join(command)}\n{run.stderr[-2000:]}")
        kernel_runs.append(float(next(line.split()[-2] for line in run.stderr.splitlines()
                                      if "timing: kernel density" in line)))
        raster_runs.append(timed(raster_command))
    ours_seconds, qgis_seconds = statistics.median(ours_runs), statistics.median(qgis_runs)
    raster_seconds = statistics.median(raster_runs)
    kernel_ms = statistics.median(kernel_runs)
    ours, _, _ = read(ours_tif)
    ours_per_m2 = ours / 1e6
    runs = lambda values: ", ".join(f"{v:.2f}" for v in values)
    print(f"conflictmap density: {ours_seconds:.2f} s median of {runs(ours_runs)} (whole command: read CSV, compute, "
          f"COG, isobands, styles)")
    print(f"QGIS heatmap:        {qgis_seconds:.2f} s median of {runs(qgis_runs)} (qgis_process.bin)")
    print(f"conflictmap density --no-isobands: {raster_seconds:.2f} s median of {runs(raster_runs)} (QGIS's product: one "
          f"density raster, here a compressed COG with overviews, and its style)")
    print(f"  ratio: conflictmap is {qgis_seconds / ours_seconds:.1f}× faster than QGIS for the whole command, "
          f"{qgis_seconds / raster_seconds:.1f}× for the raster alone (goal ≥ 20×)")
    print(f"  the kernel computation alone took {kernel_ms / 1000:.2f} s: {qgis_seconds / (kernel_ms / 1000):.1f}× "
          f"QGIS's whole run")
    agreement("QGIS / 7.25", ours_per_m2, np.where(theirs < 0, 0, theirs) / QGIS_BUG)

    if args.skip_gdal:
        return
    counts = os.path.join(folder, "counts.tif")
    smoothed = os.path.join(folder, "gdal.tif")
    vrt = os.path.join(folder, "smooth.vrt")
    start = time.perf_counter()
    timed(["gdal_rasterize", "-q", "-a", "strikes", "-add", "-init", "0", "-a_nodata", "-1", "-te", *map(repr, bounds),
           "-tr", str(pixel), str(pixel), "-ot", "Float32", gpkg, counts])
    quartic_vrt(counts, vrt, args.radius / pixel, (width, height))
    timed(["gdal_translate", "-q", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES", vrt, smoothed])
    gdal_seconds = time.perf_counter() - start
    theirs_gdal, _, _ = read(smoothed)
    # the VRT kernel is unnormalised (1 at the centre): scale to the quartic's 3/(πh²)
    theirs_gdal = theirs_gdal * 3 / (math.pi * args.radius ** 2)
    print(f"GDAL rasterize + kernel VRT: {gdal_seconds:.2f} s")
    print(f"  ratio: conflictmap is {gdal_seconds / ours_seconds:.1f}× faster than GDAL")
    agreement("GDAL (points snapped to cell centres)", ours_per_m2, theirs_gdal)


if __name__ == "__main__":
    main()
