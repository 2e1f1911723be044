"""conflictmap for Python: place names to coordinates, reports to events, events to map layers.

The same engine as the ``conflictmap`` command-line tool, with the same answers: ``Resolver.resolve`` gives what
``conflictmap resolve --json`` prints, ``Resolver.resolve_many`` the columns ``resolve --input`` adds,
``extract``/``extract_frame`` the events ``extract`` writes (same columns, same order), and ``density`` the raster
``density`` writes. Engine calls release the GIL, so Python threads calling them run side by side.

Use Debian's interpreter, ``/usr/bin/python3``, for which the module is built::

    import conflictmap
    resolver = conflictmap.Resolver()                    # the embedded Syria gazetteer
    resolver.resolve("Tell Refaat")["place_id"]
    events = conflictmap.extract("Warplanes struck Saraqib on Monday.", date="2016-03-01")
    frame = conflictmap.extract_frame(reports, text="body", date="published", id="url")

Nothing is dropped silently: rows that cannot be used and mentions that cannot be placed are returned beside the
events (``frame.attrs["rejected"]``, ``frame.attrs["unresolved"]``) and counted in a warning.
"""
import os as _os
import tempfile as _tempfile
import threading as _threading
import warnings as _warnings

from . import _conflictmap as _engine


def _add_data_folders():
    # The data folder (gazetteer, lexicons, styles) beside the package: build/share/conflictmap in a build tree,
    # <prefix>/share/conflictmap once installed under <prefix>/lib/python3/dist-packages.
    here = _os.path.dirname(_os.path.abspath(__file__))
    for relative in (("..", "..", "share", "conflictmap"), ("..", "..", "..", "..", "share", "conflictmap")):
        folder = _os.path.normpath(_os.path.join(here, *relative))
        if _os.path.isdir(_os.path.join(folder, "gazetteer")):
            _engine.add_data_folder_candidate(folder)


_add_data_folders()

__version__ = _engine.version()

EVENT_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "notes", "actor1_written", "actor2_written", "place_id",
    "location_written", "strike_count", "new_controller", "date_written", "source_document", "span_start",
    "span_end", "source_line",
)
"""The columns of an events table, in the order every output of ``conflictmap extract`` and ``ingest`` has."""

_INTEGER_COLUMNS = ("time_precision", "geo_precision", "fatalities", "strike_count", "span_start", "span_end",
                    "source_line")

RESOLVE_COLUMNS = ("resolved_lat", "resolved_lon", "place_id", "place_name", "score", "precision", "match",
                   "status", "namesakes")
"""The columns ``Resolver.resolve_many`` returns, as ``conflictmap resolve --input`` adds them."""


class Resolver:
    """A gazetteer loaded once, with its resolver and the extraction lexicons.

    Loading takes a few tenths of a second; keep one Resolver and reuse it. It is safe to share between threads.

    Args:
        gazetteer: a gazetteer folder (places.tsv, names.tsv, admin.gpkg …), such as one ``conflictmap gazetteer
            import`` built for another country. None: ``$CONFLICTMAP_GAZETTEER``, else the embedded Syria one.
        lexicons: a folder of actors.tsv, triggers.tsv and words.tsv for extraction. None:
            ``$CONFLICTMAP_LEXICONS``, else the embedded ones.
    """

    def __init__(self, gazetteer=None, lexicons=None):
        self._engine = _engine.Engine(str(gazetteer or ""), str(lexicons or ""))

    @property
    def gazetteer(self):
        """The folder of the gazetteer in use."""
        return self._engine.gazetteer_folder

    def __repr__(self):
        return f"Resolver(gazetteer={self.gazetteer!r}, places={self._engine.place_count})"

    def resolve(self, name, context=None):
        """Resolves one place string, in any spelling or script, as ``conflictmap resolve --json`` does.

        Args:
            name: the place as written: "Tal Rifaat", "Tell Refaat", "تل رفعت", "12 km north of Manbij".
            context: text that says where to look: a governorate ("Idlib"), a phrase ("northern countryside of
                Aleppo"), or a list of such texts. None: the name alone.

        Returns:
            A dict: ``query``, ``status`` (resolved, ambiguous, region_only or unresolved) and, unless
            unresolved, ``lat``, ``lon``, ``place_id``, ``place_name``, ``score`` (0-1, calibrated: about the
            share of answers with that score that are right), ``precision`` (ACLED geo precision 1-3),
            ``match`` and ``namesakes``; an offset phrase adds ``note``; ``candidates`` lists the ranked
            candidates with their scores and why context moved them.
        """
        return self._engine.resolve(str(name), _context_list(context))

    def resolve_many(self, names, contexts=None, threads=None):
        """Resolves a column of place strings, as ``conflictmap resolve --input`` resolves a CSV column.

        Args:
            names: a list or pandas Series of place strings.
            contexts: None, or one context per name (a string, a list of strings, or None each), such as a
                governorate column. A DataFrame gives each row's values as that row's context.
            threads: how many threads resolve (default: all cores). The answers are the same for any number.

        Returns:
            A pandas DataFrame with one row per name, in order (the Series' index when ``names`` is one): the
            input ``name`` and the columns of ``RESOLVE_COLUMNS``. Unresolved rows have status "unresolved" and
            no point.
        """
        import pandas as pd
        index = names.index if isinstance(names, pd.Series) else None
        name_list = ["" if _missing(n) else str(n) for n in names]
        if contexts is None:
            context_lists = []
        elif isinstance(contexts, pd.DataFrame):
            context_lists = [[str(v) for v in row if not _missing(v)] for row in contexts.itertuples(index=False)]
        else:
            context_lists = [_context_list(c) for c in contexts]
        columns = self._engine.resolve_many(name_list, context_lists, threads)
        frame = pd.DataFrame({"name": name_list, **columns}, index=index)
        for column in ("resolved_lat", "resolved_lon", "score"):
            frame[column] = frame[column].astype("float64")
        for column in ("precision", "namesakes"):
            frame[column] = frame[column].astype("Int64")
        return frame


_default_resolver = None
_default_lock = _threading.Lock()


def default_resolver():
    """The Resolver of the default gazetteer and lexicons, loaded on first use and shared."""
    global _default_resolver
    with _default_lock:
        if _default_resolver is None:
            _default_resolver = Resolver()
        return _default_resolver


def extract(text, date=None, source=None, resolver=None, with_unresolved=False):
    """Extracts located, dated, typed events from the text of one or more reports, as ``conflictmap extract``.

    Args:
        text: the report(s), in English or Arabic. Several reports pasted one after another (each with a title
            and a "Date:" line) are read apart, as in a file.
        date: the publication date, "YYYY-MM-DD" (a datetime.date also does); relative dates ("yesterday",
            "منذ أربعة أيام") count from it. None: a "Date:" header line in the text, else events stay undated.
        source: what events cite as their ``source_document`` (a URL, a file name). Default "text".
        resolver: a Resolver (default: ``default_resolver()``).
        with_unresolved: also return what looked like part of an event but could not be placed or classified.

    Returns:
        A list of event dicts with the keys of ``EVENT_COLUMNS`` (None where an event has no value). With
        ``with_unresolved``, a pair: the events, and a list of dicts (document, span_start, span_end, text,
        reason, sentence) as ``extract --unresolved`` writes them.
    """
    resolver = resolver or default_resolver()
    events, unresolved = resolver._engine.extract(str(text), _date_text(date), str(source or "text"))
    return (events, unresolved) if with_unresolved else events


def extract_frame(frame, text="text", date=None, id=None, lang=None, resolver=None, threads=None,
                  default_date=None, geo=True):
    """Extracts the events of every row of a DataFrame of reports, as ``conflictmap extract --input`` reads a corpus.

    Args:
        frame: a pandas DataFrame, one report per row.
        text: the column holding each report's text.
        date: the column of each row's publication date (YYYY-MM-DD, or an ISO date-time); relative dates count
            from it. None: ``default_date`` for every row.
        id: the column events cite as their ``source_document`` (a URL, an article id). None: the row's index
            label.
        lang: the column of each row's language; rows in languages other than English and Arabic are rejected
            rather than misread. None: every row is read.
        resolver: a Resolver (default: ``default_resolver()``).
        threads: extraction threads (default: all cores); the events are the same for any number.
        default_date: the publication date of rows without one ("YYYY-MM-DD").
        geo: return a GeoDataFrame (points in WGS84) when GeoPandas is installed.

    Returns:
        The events, one row each, in row order, with the columns of ``EVENT_COLUMNS`` (plus ``geometry``): a
        GeoDataFrame when GeoPandas is there and ``geo`` is set, else a DataFrame. ``attrs["rejected"]`` holds the
        rows that could not be used (row, field, reason: no text, a bad date, a language not read) and
        ``attrs["unresolved"]`` the mentions that could not be placed; a warning counts them.
    """
    import pandas as pd
    for column in (text, date, id, lang):
        if column is not None and column not in frame.columns:
            raise KeyError(f"extract_frame: no column {column!r} (the frame has: {', '.join(map(str, frame.columns))})")
    resolver = resolver or default_resolver()
    texts = _optional_texts(frame[text])
    dates = _optional_texts(frame[date], dates=True) if date is not None else []
    ids = _optional_texts(frame[id]) if id is not None else [str(label) for label in frame.index]
    langs = _optional_texts(frame[lang]) if lang is not None else []
    lines = list(range(1, len(frame) + 1))
    events, unresolved, rejected = resolver._engine.extract_rows(texts, dates, ids, langs, lines, "frame",
                                                                 _date_text(default_date), threads)
    result = events_frame(events.records(), geo=geo)
    rejected_frame = pd.DataFrame(rejected, columns=["source", "line", "field", "reason"])
    # a rejected row is named by its position in the frame (line n is row n-1) and by its index label
    rejected_frame.insert(0, "row", [frame.index[line - 1] for line in rejected_frame["line"]])
    rejected_frame = rejected_frame.drop(columns=["source", "line"])
    result.attrs["rejected"] = rejected_frame
    result.attrs["unresolved"] = pd.DataFrame(
        unresolved, columns=["document", "span_start", "span_end", "text", "reason", "sentence"])
    if len(rejected_frame) or len(unresolved):
        _warnings.warn(f"extract_frame: {len(rejected_frame)} rows rejected, {len(unresolved)} mentions unresolved "
                       "(see .attrs['rejected'] and .attrs['unresolved'])", stacklevel=2)
    return result


def events_frame(events, geo=True):
    """A list of event dicts (as ``extract`` gives) as a DataFrame with the columns of ``EVENT_COLUMNS``.

    Integer columns are pandas' nullable Int64. With ``geo`` and GeoPandas installed, a GeoDataFrame of points in
    WGS84 (EPSG:4326); events without a place have an empty geometry.
    """
    import pandas as pd
    frame = pd.DataFrame(list(events), columns=list(EVENT_COLUMNS))
    for column in _INTEGER_COLUMNS:
        frame[column] = frame[column].astype("Int64")
    for column in ("latitude", "longitude"):
        frame[column] = frame[column].astype("float64")
    if geo:
        try:
            import geopandas as gpd
        except ImportError:
            return frame
        points = gpd.points_from_xy(frame["longitude"], frame["latitude"], crs="EPSG:4326")
        return gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326")
    return frame


def read_events(path, layer=None, geo=True):
    """Reads events from any file ``conflictmap extract`` or ``ingest`` wrote (.geojson, .geojsonl, .csv, .gpkg)
    or any OGR source with the same fields, checked as the command-line tool checks them.

    Args:
        path: the file or OGR source ("PG:dbname=…").
        layer: the layer of a multi-layer source (default: the first).
        geo: return a GeoDataFrame when GeoPandas is installed.

    Returns:
        The events as ``events_frame`` lays them out. A malformed value raises ValueError naming the file, the
        line or feature, and the field.
    """
    events = _engine.EventList.read(str(path), str(layer or ""))
    return events_frame(events.records(), geo=geo)


def write_events(events, path):
    """Writes events to a file, as ``conflictmap extract`` writes them: the format follows the extension (.geojson
    RFC 7946, .geojsonl GeoJSON Lines, .csv ACLED-style columns, .gpkg GeoPackage); the file appears whole or not
    at all, and the same events give the same bytes.

    Args:
        events: a DataFrame or GeoDataFrame with the columns of ``EVENT_COLUMNS`` (others are ignored; a missing
            one is empty), or a list of event dicts.
        path: where to write.

    Raises:
        ValueError naming the row and field of a value an events file cannot hold (a bad date, an unknown
        sub-event type, a latitude past 90).
    """
    _event_list(events, "events").write(str(path))


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


def _events_and_label(events):
    if isinstance(events, (str, _os.PathLike)):
        return _engine.EventList.read(str(events), ""), str(events)
    return _event_list(events, "events"), "DataFrame"


def _event_list(events, label):
    import pandas as pd
    if isinstance(events, _engine.EventList):
        return events
    frame = events if isinstance(events, pd.DataFrame) else pd.DataFrame(list(events))
    table = pd.DataFrame({c: frame[c] if c in frame.columns else None for c in EVENT_COLUMNS}, index=frame.index)
    for column in _INTEGER_COLUMNS:
        table[column] = table[column].astype("Int64")
    # the engine checks the values as it checks any events file: CSV text, read in place
    text = table.to_csv(index=False, lineterminator="\n", float_format="%.7f")
    return _engine.EventList.from_csv_text(text, label)


def _context_list(context):
    if context is None or _missing(context):
        return []
    if isinstance(context, str):
        return [context]
    return [str(c) for c in context if not _missing(c)]


def _missing(value):
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    import pandas as pd
    return value is pd.NA or value is pd.NaT


def _optional_texts(series, dates=False):
    out = []
    for value in series:
        if _missing(value):
            out.append(None)
        elif dates and hasattr(value, "isoformat"):
            out.append(value.isoformat())
        else:
            out.append(str(value))
    return out


def _date_text(date):
    if date is None or _missing(date):
        return None
    return date.isoformat()[:10] if hasattr(date, "isoformat") else str(date)


__all__ = ["Resolver", "default_resolver", "extract", "extract_frame", "events_frame", "read_events",
           "write_events", "density", "control", "EVENT_COLUMNS", "RESOLVE_COLUMNS"]
