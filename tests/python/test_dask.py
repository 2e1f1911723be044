"""conflictmap.dask.extract_corpus on a LocalCluster of two worker processes gives the CLI's events, in order."""
import json
import os

import pandas as pd
import pytest

pytest.importorskip("dask.distributed")
from dask.distributed import Client, LocalCluster  # noqa: E402

from conflictmap.dask import extract_corpus  # noqa: E402


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as connected:
        yield connected
    cluster.close()


@pytest.fixture(scope="module")
def corpus_rows(reports):
    rows = []
    for repeat in range(3):  # enough rows that a JSON Lines file splits into several partitions
        for i, path in enumerate(reports):
            with open(path, encoding="utf-8") as f:
                rows.append({"url": f"https://example.org/{repeat}/{i}", "published": f"2016-03-0{i + 1}",
                             "body": f.read()})
    return rows


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def test_csv_with_ids_equals_extract_input(cli, client, corpus_rows, tmp_path):
    source = tmp_path / "corpus.csv"
    pd.DataFrame(corpus_rows).to_csv(source, index=False, lineterminator="\n")
    cli("extract", "--input", source, "--text-column", "body", "--date-column", "published", "--id-column", "url",
        "-o", tmp_path / "cli.csv")
    events = extract_corpus(str(source), text="body", date="published", id="url", client=client,
                            output=tmp_path / "dask.csv")
    assert len(events) > 0
    assert read_bytes(tmp_path / "cli.csv") == read_bytes(tmp_path / "dask.csv")
    assert os.listdir(tmp_path / "dask_parts") == ["part-00000.csv"]


def test_jsonl_in_several_partitions_without_ids_equals_extract_input(cli, client, corpus_rows, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    # two files, read in name order; rows without an id cite FILE-LINE
    for name, rows in (("a.jsonl", corpus_rows[:8]), ("b.jsonl", corpus_rows[8:])):
        with open(folder / name, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    cli("extract", "--input", folder, "--text-column", "body", "--date-column", "published",
        "-o", tmp_path / "cli.geojson")
    events = extract_corpus(str(folder), text="body", date="published", client=client, blocksize="6KB",
                            output=tmp_path / "dask.geojson")
    assert len(os.listdir(tmp_path / "dask_parts")) > 2  # the files were split
    assert read_bytes(tmp_path / "cli.geojson") == read_bytes(tmp_path / "dask.geojson")
    assert events["source_document"].iloc[0].startswith("a-")


def test_rows_that_cannot_be_used_are_reported_by_line(client, tmp_path):
    source = tmp_path / "bad.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "Warplanes struck Saraqib.", "date": "2016-03-01"}) + "\n")
        f.write(json.dumps({"text": "", "date": "2016-03-01"}) + "\n")
        f.write(json.dumps({"text": "Rebels captured Manbij.", "date": "yesterday"}) + "\n")
    events = extract_corpus(str(source), date="date", client=client)
    rejected = events.attrs["rejected"]
    assert list(rejected["line"]) == [2, 3]
    assert list(rejected["field"]) == ["text", "date"]
    assert set(events["source_document"]) == {"bad-1"}


def test_a_missing_column_is_named(client, tmp_path):
    source = tmp_path / "c.csv"
    source.write_text("body\nWarplanes struck Saraqib.\n", encoding="utf-8")
    with pytest.raises(KeyError, match="text"):
        extract_corpus(str(source), client=client)


def test_render_tiles_in_shards_equals_one_tiles_run(cli, client, reports, tmp_path):
    from conflictmap.dask import render_tiles
    cli("extract", *reports, "-o", tmp_path / "events.csv")
    cli("density", tmp_path / "events.csv", "-o", tmp_path / "strikes.tif", "--pixel-size", "2000", "--no-isobands")
    cli("tiles", tmp_path / "strikes.tif", "-z", "0-7", "-o", tmp_path / "one.pmtiles")
    render_tiles([tmp_path / "strikes.tif"], tmp_path / "sharded.pmtiles", "0-7", shards=3, client=client,
                 binary=os.environ["CONFLICTMAP_BIN"])
    assert read_bytes(tmp_path / "one.pmtiles") == read_bytes(tmp_path / "sharded.pmtiles")
    assert not os.path.exists(tmp_path / "sharded.pmtiles.shards")
