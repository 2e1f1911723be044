"""Resolver.resolve and resolve_many give the command-line tool's answers."""
import csv
import json
import random
import threading

import conflictmap


def test_resolve_equals_the_cli_json(cli, resolver):
    # spellings and scripts of one place, a namesake, an offset phrase, a context, and a name nobody knows
    queries = [("Tal Rifaat", None), ("Tell Refaat", None), ("تل رفعت", None), ("Suran", "Hama"),
               ("12 km north of Manbij", None), ("Saraqib", "Idlib"), ("Qzxwv Lmnop", None)]
    for name, context in queries:
        args = ["resolve", name, "--json"] + (["--context", context] if context else [])
        expected = json.loads(cli(*args).stdout)
        if isinstance(expected, list):
            expected = expected[0]
        assert resolver.resolve(name, context) == expected, name


def test_three_spellings_name_one_place(resolver):
    ids = {resolver.resolve(n)["place_id"] for n in ("Tal Rifaat", "Tell Refaat", "تل رفعت")}
    assert len(ids) == 1


def ten_thousand_names():
    # names from the gazetteer, respelt the ways reports respell them, with and without context, plus noise
    import os
    names_file = os.path.join(conflictmap.default_resolver().gazetteer, "names.tsv")
    with open(names_file, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        column = header.index("name")
        names = [line.rstrip("\n").split("\t")[column] for line in f]
    rng = random.Random(11)
    out = []
    contexts = ["", "Idlib", "Aleppo", "حماة", "Deir ez-Zor"]
    while len(out) < 10000:
        name = rng.choice(names)
        roll = rng.random()
        if roll < 0.2:
            name = name.lower()
        elif roll < 0.35 and len(name) > 4:
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1:]
        elif roll < 0.4:
            name = "near " + name
        elif roll < 0.42:
            name = "".join(rng.choice("bcdfgkqxz") for _ in range(7))
        out.append((name, rng.choice(contexts)))
    return out


def test_resolve_many_equals_the_batch_cli_row_for_row(cli, resolver, tmp_path):
    rows = ten_thousand_names()
    source = tmp_path / "names.csv"
    with open(source, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "context"])
        writer.writerows(rows)
    cli("resolve", "--input", source, "--name-column", "name", "--context-column", "context",
        "--output", tmp_path / "resolved.csv")
    with open(tmp_path / "resolved.csv", encoding="utf-8", newline="") as f:
        expected = list(csv.DictReader(f))
    frame = resolver.resolve_many([n for n, _ in rows], contexts=[[c] if c else None for _, c in rows],
                                   threads=2)
    assert len(frame) == len(expected) == 10000
    for i, (want, (_, got)) in enumerate(zip(expected, frame.iterrows())):
        assert got["status"] == want["status"], i
        if want["status"] == "unresolved":
            assert got["place_id"] is None
            continue
        assert f"{got['resolved_lat']:.6f}" == want["resolved_lat"], i
        assert f"{got['resolved_lon']:.6f}" == want["resolved_lon"], i
        assert got["place_id"] == want["place_id"], i
        assert got["place_name"] == want["place_name"], i
        assert f"{got['score']:.3f}" == want["score"], i
        assert str(got["precision"]) == want["precision"], i
        assert got["match"] == want["match"], i
        assert str(got["namesakes"]) == want["namesakes"], i


def test_resolve_many_takes_a_series_and_keeps_its_index(resolver):
    import pandas as pd
    names = pd.Series(["Saraqib", None, "Manbij"], index=["a", "b", "c"])
    frame = resolver.resolve_many(names)
    assert list(frame.index) == ["a", "b", "c"]
    assert frame.loc["b", "status"] == "unresolved"
    assert list(frame.columns) == ["name", *conflictmap.RESOLVE_COLUMNS]


def test_python_threads_share_one_resolver(resolver):
    names = [n for n, _ in ten_thousand_names()[:1500]]
    expected = resolver.resolve_many(names, threads=1)["place_id"].tolist()
    results = [None] * 4

    def work(k):
        results[k] = resolver.resolve_many(names, threads=1)["place_id"].tolist()
    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)


def test_another_gazetteer_folder_is_refused_clearly(tmp_path):
    import pytest
    with pytest.raises(Exception) as error:
        conflictmap.Resolver(gazetteer=tmp_path / "missing")
    assert "missing" in str(error.value)
