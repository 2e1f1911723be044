"""Strike density and control zones, through the same layer functions as the density and control commands."""
import os as _os
import tempfile as _tempfile

from . import _conflictmap as _engine
from ._events import _events_and_label
from ._resolver import default_resolver
from ._values import _date_text

def density(events, output=None, bandwidth=10000, pixel_size=500, kernel="quartic", types=("air", "shelling"),
            actors=(), date_from=None, date_to=None, as_of=None, half_life=0, fatality_weight=0, near_radius=5000,
            region_radius=25000, extent="country", bounds=None, crs=None, max_cells=100_000_000, threads=None,
            isobands=True, levels=(), compress="zstd", resolver=None):
    """A strike-density surface in strikes/km², as ``conflictmap density`` computes it.

    Args:
        events: a path to an events file (or OGR source), a DataFrame of events, or a list of event dicts.
        output: a .tif path: the Float32 Cloud-Optimized GeoTIFF is written there with its .qml style and, unless
            ``isobands`` is False, STEM_isobands.geojson and its style, byte for byte as the command writes
            them. None: nothing is written and the array is returned.
        bandwidth: the kernel radius in metres.
        pixel_size: the cell size in metres; the grid snaps to multiples of it.
        kernel: quartic (QGIS Heatmap's), triangular, epanechnikov, uniform or gaussian.
        types: sub-event types counted: air, shelling, explosive, suicide, or ACLED names.
        actors: count only events whose actor1 is one of these canonical actors (empty: any).
        date_from, date_to: the first and last day counted (YYYY-MM-DD); undated events are then left out.
        as_of: leave out later events; the decay counts back from this day.
        half_life: halve an event's weight every this many days before ``as_of`` (0: no decay).
        fatality_weight: weight added per reported fatality.
        near_radius: extra spread in metres for precision-2 places (near a place).
        region_radius: extra spread in metres for precision-3 places without a known area.
        extent: "country" (the gazetteer's country plus the bandwidth, so runs align) or "events".
        bounds: exact grid bounds (xmin, ymin, xmax, ymax) in the CRS, instead of ``extent`` (not snapped).
        crs: the projected CRS to compute in (default: the UTM zone of the gazetteer).
        max_cells: refuse grids with more cells than this.
        threads: threads (default: all cores); the surface is the same for any number.
        isobands: with ``output``, write the isobands too (True), or to this GeoJSON path, or not (False).
        levels: isoband thresholds in strikes/km² (default: 1-2-5 steps below the maximum).
        compress: the GeoTIFF's compression, "zstd" or "deflate".
        resolver: whose gazetteer gives the country (default: ``default_resolver()``).

    Returns:
        A dict: ``values`` (a float32 NumPy array, rows from the north; only without ``output``),
        ``geotransform`` (GDAL's six numbers), ``crs`` (WKT), ``crs_code``, ``unit``, ``maximum``, ``mass``
        (strikes on the grid), ``selected`` (events counted), ``total_weight`` and ``summary`` (which events
        counted and why the others did not).
    """
    resolver = resolver or default_resolver()
    event_list, sources = _events_and_label(events)
    isoband_path = isobands if isinstance(isobands, (str, _os.PathLike)) else None
    return _engine.density(
        resolver._engine, event_list, float(bandwidth), float(pixel_size), str(kernel), [str(t) for t in types],
        [str(a) for a in actors], _date_text(date_from), _date_text(date_to), _date_text(as_of), float(half_life),
        float(fatality_weight), float(near_radius), float(region_radius), str(extent),
        None if bounds is None else [float(b) for b in bounds], int(max_cells), threads,
        None if output is None else str(output), None if isoband_path is None else str(isoband_path),
        bool(isobands), [float(v) for v in levels], str(compress), str(crs or ""), sources)


def control(events=None, as_of=None, baseline=None, output=None, baseline_date=None, decay_days=0,
            contested_days=30, influence=15000, pixel_size=500, undated="skip", palette=None, crs=None,
            max_cells=100_000_000, resolver=None):
    """Control zones as of one or more dates, as ``conflictmap control`` maps them.

    Args:
        events: a path to an events file, a DataFrame of events or a list of event dicts (None: the baseline
            alone). Territorial events (captures, withdrawals) say who took what and when.
        as_of: the date, "YYYY-MM-DD", or a series: "2017-01-01,2017-06-01" or "2017-01-01..2017-12-01/1m".
        baseline: a CSV of who held each place at a start date (as ``--baseline``).
        output: a .tif path: the categorical COG, OUTPUT_zones.geojson, OUTPUT_fronts.geojson and their styles
            are written there (several dates: one set per date, and OUTPUT_snapshots.json). None: they are
            written to a temporary folder, read back, and only the returned values remain.
        baseline_date: the date the baseline holds from, when its rows carry none.
        decay_days: after this many days without news a place's control fades to unknown (0: never).
        contested_days: reports of two sides this many days apart make a place contested.
        influence: how far, in metres, a settlement's control reaches.
        pixel_size: the raster's cell size in metres.
        undated: "skip" undated reports, or count them "as-of" each date.
        palette: a controllers.tsv (default: the embedded one).
        crs: the projected CRS (default: the UTM zone of the gazetteer).
        max_cells: refuse grids with more cells than this.
        resolver: whose gazetteer gives the country and the places (default: ``default_resolver()``).

    Returns:
        One dict per date: ``as_of``, the counts (``settlements``, ``contested``, ``decayed``,
        ``undated_skipped``, ``zone_count``, ``front_count``), the file paths (with ``output``) and, read back,
        ``zones`` and ``fronts`` (GeoDataFrames when GeoPandas is installed, else the GeoJSON as dicts),
        ``raster`` (a uint8 NumPy array of controller values), ``geotransform`` and ``crs``.
    """
    if as_of is None:
        raise ValueError("control: as_of is required (a date, or a series of dates)")
    resolver = resolver or default_resolver()
    event_list = None
    if events is not None:
        event_list, _ = _events_and_label(events)
    with _tempfile.TemporaryDirectory(prefix="conflictmap_control_") as scratch:
        target = str(output) if output is not None else _os.path.join(scratch, "control.tif")
        snapshots = _engine.control(resolver._engine, event_list, str(baseline or ""), _date_text(baseline_date),
                                    str(as_of), target, int(decay_days), int(contested_days), float(influence),
                                    float(pixel_size), str(undated), int(max_cells), str(palette or ""), str(crs or ""))
        for snapshot in snapshots:
            _read_snapshot(snapshot)
            if output is None:
                for key in ("raster_path", "zones_path", "fronts_path"):
                    snapshot.pop(key, None)
    return snapshots


def _read_snapshot(snapshot):
    from osgeo import gdal
    gdal.UseExceptions()
    dataset = gdal.Open(snapshot["raster"])
    snapshot["raster_path"], snapshot["zones_path"], snapshot["fronts_path"] = (
        snapshot["raster"], snapshot["zones"], snapshot["fronts"])
    snapshot["raster"] = dataset.GetRasterBand(1).ReadAsArray()
    snapshot["geotransform"] = dataset.GetGeoTransform()
    snapshot["crs"] = dataset.GetProjection()
    dataset = None
    for key in ("zones", "fronts"):
        try:
            import geopandas as gpd
            snapshot[key] = gpd.read_file(snapshot[key + "_path"])
        except ImportError:
            import json
            with open(snapshot[key + "_path"], encoding="utf-8") as f:
                snapshot[key] = json.load(f)
