"""Events: extracted from text or from a DataFrame of reports, and read and written as the CLI does."""
import os as _os
import warnings as _warnings

from . import _conflictmap as _engine
from ._resolver import default_resolver
from ._values import _date_text, _optional_texts

EVENT_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "location",
    "latitude", "longitude", "geo_precision", "fatalities", "notes", "actor1_written", "actor2_written", "place_id",
    "location_written", "strike_count", "new_controller", "date_written", "source_document", "span_start",
    "span_end", "source_line",
)
"""The columns of an events table, in the order every output of ``conflictmap extract`` and ``ingest`` has."""

_INTEGER_COLUMNS = ("time_precision", "geo_precision", "fatalities", "strike_count", "span_start", "span_end",
                    "source_line")


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
