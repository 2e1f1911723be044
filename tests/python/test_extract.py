"""extract, extract_frame, read_events and write_events give the command-line tool's events and files."""
import csv
import json
import os
import warnings

import pandas as pd
import pytest

import conflictmap


def cli_events(cli, tmp_path, *args, name="cli.csv"):
    out = tmp_path / name
    cli(*args, "-o", out)
    return out


def test_extract_equals_the_cli_on_each_bundled_report(cli, reports, tmp_path):
    for path in reports:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        expected = conflictmap.read_events(cli_events(cli, tmp_path, "extract", path), geo=False)
        got = conflictmap.events_frame(conflictmap.extract(text, source=path), geo=False)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_extract_reads_the_date_it_is_given_and_an_arabic_report():
    events = conflictmap.extract("Warplanes struck Saraqib on Monday.", date="2016-03-02")
    assert [(e["place_id"], e["sub_event_type"], e["event_date"]) for e in events] == [
        ("C3916", "Air/drone strike", "2016-02-29")]
    arabic = conflictmap.extract("قصفت الطائرات الحربية مدينة سراقب.", date="2016-03-02")
    assert [e["place_id"] for e in arabic] == ["C3916"]
    with pytest.raises(ValueError, match="date"):
        conflictmap.extract("Warplanes struck Saraqib.", date="2016-13-45")
    # what could not be placed is there to be seen, as extract --unresolved lists it
    events, unresolved = conflictmap.extract("Warplanes struck Qzxwvkaleh village yesterday.", date="2016-03-02",
                                             with_unresolved=True)
    assert events == []
    assert [u["text"] for u in unresolved] == ["Qzxwvkaleh village"]


def corpus_from_reports(reports, tmp_path):
    rows = []
    for i, path in enumerate(reports):
        with open(path, encoding="utf-8") as f:
            rows.append({"url": f"https://example.org/{i}", "published": "2016-03-0%d" % (i + 1), "body": f.read()})
    frame = pd.DataFrame(rows)
    source = tmp_path / "corpus.csv"
    frame.to_csv(source, index=False, lineterminator="\n")
    return frame, source


@pytest.mark.parametrize("suffix", [".csv", ".geojson", ".gpkg"])
def test_extract_frame_writes_the_bytes_extract_input_writes(cli, reports, tmp_path, suffix):
    frame, source = corpus_from_reports(reports, tmp_path)
    expected = cli_events(cli, tmp_path, "extract", "--input", source, "--text-column", "body", "--date-column",
                          "published", "--id-column", "url", name="cli" + suffix)
    events = conflictmap.extract_frame(frame, text="body", date="published", id="url", threads=2)
    assert len(events) > 0
    assert list(events.columns[:len(conflictmap.EVENT_COLUMNS)]) == list(conflictmap.EVENT_COLUMNS)
    conflictmap.write_events(events, tmp_path / ("py" + suffix))
    with open(expected, "rb") as a, open(tmp_path / ("py" + suffix), "rb") as b:
        assert a.read() == b.read()


def test_extract_frame_is_the_same_with_one_and_two_threads(reports, tmp_path):
    frame, _ = corpus_from_reports(reports, tmp_path)
    one = conflictmap.extract_frame(frame, text="body", date="published", id="url", threads=1, geo=False)
    two = conflictmap.extract_frame(frame, text="body", date="published", id="url", threads=2, geo=False)
    pd.testing.assert_frame_equal(one, two)


def test_extract_frame_reports_rows_it_cannot_use():
    frame = pd.DataFrame({"text": ["Warplanes struck Saraqib.", None, "Rebels captured Manbij.", "قصف"],
                          "date": ["2016-03-01", "2016-03-01", "not a date", "2016-03-01"],
                          "lang": ["en", "en", "en", "fr"]}, index=[10, 11, 12, 13])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        events = conflictmap.extract_frame(frame, date="date", lang="lang")
    rejected = events.attrs["rejected"]
    assert list(rejected["row"]) == [11, 12, 13]
    assert list(rejected["field"]) == ["text", "date", "lang"]
    assert any("3 rows rejected" in str(w.message) for w in caught)
    assert set(events["source_document"]) == {"10"}  # the row's index label, without an id column
    assert isinstance(events, __import__("geopandas").GeoDataFrame)
    assert events.crs.to_epsg() == 4326


def test_extract_frame_names_a_missing_column():
    with pytest.raises(KeyError, match="body"):
        conflictmap.extract_frame(pd.DataFrame({"text": ["x"]}), text="body")


def test_read_and_write_events_round_trip_every_format_byte_for_byte(cli, reports, tmp_path):
    original = cli_events(cli, tmp_path, "extract", *reports)
    events = conflictmap.read_events(original)
    for suffix in (".csv", ".geojson", ".geojsonl", ".gpkg"):
        cli_file = tmp_path / ("cli" + suffix)
        cli("extract", *reports, "-o", cli_file)
        conflictmap.write_events(events, tmp_path / ("again" + suffix))
        with open(cli_file, "rb") as a, open(tmp_path / ("again" + suffix), "rb") as b:
            assert a.read() == b.read(), suffix


def test_write_events_refuses_a_bad_value_naming_row_and_field(tmp_path):
    events = conflictmap.extract("Warplanes struck Saraqib on Monday.", date="2016-03-02")
    events.append(dict(events[0], event_id="bad", event_date="2016-02-31"))
    with pytest.raises(ValueError) as error:
        conflictmap.write_events(events, tmp_path / "e.csv")
    assert "event_date" in str(error.value) and ":3" in str(error.value)
    assert not os.path.exists(tmp_path / "e.csv")


def test_every_public_function_documents_every_argument():
    import inspect
    for function in (conflictmap.extract, conflictmap.extract_frame, conflictmap.read_events,
                     conflictmap.write_events, conflictmap.density, conflictmap.control,
                     conflictmap.Resolver, conflictmap.Resolver.resolve, conflictmap.Resolver.resolve_many):
        doc = inspect.getdoc(function)
        assert doc, function
        for parameter in inspect.signature(function).parameters:
            if parameter in ("self",):
                continue
            assert parameter in doc, f"{function.__qualname__} does not document {parameter}"
