"""Extraction over corpora larger than one machine, with Dask.

``extract_corpus`` reads CSV or JSON Lines files as Dask partitions, extracts each partition on a worker (one
``Resolver`` per worker process, loaded once and kept), and gathers the events in input order: the same events,
in the same order, as ``conflictmap extract --input`` over the same files. It runs on a ``LocalCluster`` and on
any ``dask.distributed`` scheduler::

    from dask.distributed import Client, LocalCluster
    from conflictmap.dask import extract_corpus
    client = Client(LocalCluster(n_workers=2, threads_per_worker=1))     # or Client("tcp://scheduler:8786")
    events = extract_corpus("archive/*.jsonl.gz", text="text", date="date", id="url", client=client,
                            output="events.csv")

Workers need the ``conflictmap`` module importable (the same PYTHONPATH, or the installed package) and Debian's
``/usr/bin/python3``.
"""
import glob as _glob
import os as _os
import threading as _threading

import conflictmap as _conflictmap

_worker_resolvers = {}
_worker_lock = _threading.Lock()


def _resolver_in_this_process(gazetteer, lexicons):
    # one per worker process and gazetteer: loading costs a few tenths of a second and every partition reuses it
    key = (gazetteer, lexicons)
    with _worker_lock:
        if key not in _worker_resolvers:
            _worker_resolvers[key] = _conflictmap.Resolver(gazetteer=gazetteer, lexicons=lexicons)
        return _worker_resolvers[key]


def _format_of(path):
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".jsonl") or name.endswith(".ndjson"):
        return "jsonl"
    raise ValueError(f"{path}: a corpus is .csv or .jsonl/.ndjson (optionally .gz)")


def _expand(paths_or_glob):
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, _os.PathLike)) else list(paths_or_glob)
    out = []
    for item in map(str, items):
        if _os.path.isdir(item):
            found = sorted(_os.path.join(item, n) for n in _os.listdir(item)
                           if n.lower().endswith((".csv", ".jsonl", ".ndjson", ".csv.gz", ".jsonl.gz", ".ndjson.gz")))
        elif any(c in item for c in "*?["):
            found = sorted(_glob.glob(item))  # in name order, as the CLI expands a glob
        else:
            if not _os.path.exists(item):
                raise FileNotFoundError(f"{item}: no such corpus file")
            found = [item]
        if not found:
            raise FileNotFoundError(f"{item}: names no corpus file")
        out.extend(found)
    return out


def _read_partitions(path, blocksize, columns):
    import dask.dataframe as dd
    fmt = _format_of(path)
    compressed = path.lower().endswith(".gz")
    size = None if compressed else blocksize
    if fmt == "csv":
        # CSV is split only where asked: a quoted field may span lines, and a split inside one misreads the rest
        frame = dd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, blocksize=None,
                            compression="gzip" if compressed else None, usecols=lambda c: c in columns)
    else:
        frame = dd.read_json(path, lines=True, blocksize=size, dtype=False, convert_dates=False,
                             compression="gzip" if compressed else None)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{path}: no column {missing[0]!r} (it has: {', '.join(map(str, frame.columns))})")
    return frame[list(columns)], fmt


def _extract_partition(part, first_line, source, text, date, id, lang, gazetteer, lexicons, default_date,
                       threads, part_output):
    import pandas as pd
    resolver = _resolver_in_this_process(gazetteer, lexicons)
    n = len(part)
    lines = list(range(first_line, first_line + n))
    texts, rejected_here = [], []
    for i, value in enumerate(part[text]):
        value = None if value is None or (isinstance(value, float) and value != value) else str(value)
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                rejected_here.append({"source": source, "line": lines[i], "field": text, "reason": "not UTF-8 text"})
                value = None
        texts.append(value)

    def column(name):
        if name is None:
            return []
        return [None if v is None or (isinstance(v, float) and v != v) else str(v) for v in part[name]]

    events, unresolved, rejected = resolver._engine.extract_rows(
        texts, column(date), column(id), column(lang), lines, source, default_date, threads)
    # a text that could not be encoded was passed as missing: its rejection says why, once
    bad_lines = {r["line"] for r in rejected_here}
    rejected = rejected_here + [r for r in rejected if r["line"] not in bad_lines]
    rejected.sort(key=lambda r: r["line"])
    if part_output:
        events.write(part_output)  # by the engine, from its own events
    frame = _conflictmap.events_frame(events.records(), geo=False)
    return (frame, pd.DataFrame(rejected, columns=["source", "line", "field", "reason"]),
            pd.DataFrame(unresolved, columns=["document", "span_start", "span_end", "text", "reason", "sentence"]))


def extract_corpus(paths_or_glob, text="text", date=None, id=None, lang=None, client=None, output=None,
                   blocksize="64MB", gazetteer=None, lexicons=None, default_date=None, threads_per_task=1):
    """Extracts the events of a corpus held as CSV or JSON Lines files, partition by partition, on Dask workers.

    Args:
        paths_or_glob: a file, a glob ("archive/*.jsonl.gz"), a folder of corpus files, or a list of them. Files
            are read in name order, as ``conflictmap extract --input`` reads them.
        text: the column (CSV) or key (JSON Lines) holding each report's text.
        date: the column of each row's publication date (YYYY-MM-DD, or an ISO date-time). None: ``default_date``.
        id: the column events cite as their ``source_document`` (a URL, an id). None: FILE-LINE as the CLI
            writes it, counting one line per row (give an id column when CSV fields span lines).
        lang: the column of each row's language; rows in other languages than English and Arabic are rejected.
        client: a ``dask.distributed.Client``, or a scheduler address ("tcp://host:8786"). None: the current
            default client if there is one, else Dask's local threads.
        output: where to write the events (.csv, .geojson, .geojsonl or .gpkg): each partition's events to
            OUTPUT_parts/part-NNNNN.EXT as it finishes, and all of them, in input order, to OUTPUT. None:
            nothing is written.
        blocksize: how much of a JSON Lines file one partition reads ("64MB"); CSV files and gzip files are one
            partition each, since a quoted CSV field may span lines.
        gazetteer, lexicons: folders as ``Resolver`` takes them (default: the embedded ones). Every worker must
            see the same paths.
        default_date: the publication date of rows without one ("YYYY-MM-DD").
        threads_per_task: extraction threads inside each task (1 suits a worker thread per core).

    Returns:
        A pandas DataFrame of the events with the CLI's columns (``conflictmap.EVENT_COLUMNS``) in input order.
        ``attrs["rejected"]`` lists the rows that could not be used (source, line, field, reason) and
        ``attrs["unresolved"]`` the mentions that could not be placed.
    """
    import dask
    import pandas as pd
    paths = _expand(paths_or_glob)
    columns = [c for c in (text, date, id, lang) if c is not None]
    if len(set(columns)) != len(columns):
        raise ValueError("text, date, id and lang must name different columns")
    default_date = _conflictmap._date_text(default_date)
    gazetteer = None if gazetteer is None else str(gazetteer)
    lexicons = None if lexicons is None else str(lexicons)
    parts_folder = None
    if output is not None:
        stem, extension = _os.path.splitext(str(output))
        parts_folder = stem + "_parts"
        _os.makedirs(parts_folder, exist_ok=True)

    tasks, index = [], 0
    for path in paths:
        frame, fmt = _read_partitions(path, blocksize, columns)
        # the line each partition starts at, as the CLI counts lines: after the header for CSV
        lengths = frame.map_partitions(len).compute() if id is None else [0] * frame.npartitions
        line = 2 if fmt == "csv" else 1
        source = path
        for k, part in enumerate(frame.to_delayed()):
            part_output = None if parts_folder is None else _os.path.join(parts_folder, f"part-{index:05d}{extension}")
            tasks.append(dask.delayed(_extract_partition)(part, line, source, text, date, id, lang, gazetteer,
                                                          lexicons, default_date, threads_per_task, part_output))
            line += int(lengths[k])
            index += 1

    if isinstance(client, str):
        from dask.distributed import Client
        with Client(client) as connected:
            results = connected.gather(connected.compute(tasks))
    elif client is not None:
        results = client.gather(client.compute(tasks))
    else:
        try:
            from dask.distributed import default_client
            current = default_client()
            results = current.gather(current.compute(tasks))
        except (ImportError, ValueError):
            results = dask.compute(*tasks, scheduler="threads")

    events = pd.concat([r[0] for r in results], ignore_index=True) if results else _conflictmap.events_frame([], geo=False)
    events.attrs["rejected"] = pd.concat([r[1] for r in results], ignore_index=True) if results else pd.DataFrame()
    events.attrs["unresolved"] = pd.concat([r[2] for r in results], ignore_index=True) if results else pd.DataFrame()
    if output is not None:
        # the partitions' files joined in order by the engine: the same bytes as writing every event at once
        parts = [_os.path.join(parts_folder, f"part-{k:05d}{extension}") for k in range(index)]
        _conflictmap._engine.merge_event_files(parts, str(output))
    return events


def _program(binary):
    import shutil
    if binary:
        return str(binary)
    here = _os.path.dirname(_os.path.abspath(__file__))
    for candidate in (_os.path.join(here, "..", "..", "conflictmap"),          # a build tree: build/python/conflictmap
                      _os.path.join(here, "..", "..", "..", "..", "bin", "conflictmap")):  # <prefix>/lib/python3/…
        if _os.access(candidate, _os.X_OK):
            return _os.path.normpath(candidate)
    found = shutil.which("conflictmap")
    if not found:
        raise FileNotFoundError("no conflictmap program beside the module or on PATH: pass binary=")
    return found


def _render_shard(binary, layers, zoom, shard, shards, output, image_format, threads):
    import subprocess
    command = [binary, "tiles", *layers, "-z", zoom, "--shard", f"{shard}/{shards}", "-o", output,
               "--format", image_format, "--threads", str(threads)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"shard {shard}/{shards}: {done.stderr.strip()}")
    return output


def render_tiles(layers, output, zoom, shards=None, client=None, work_folder=None, binary=None, image_format="png",
                 threads_per_shard=1):
    """Renders layers to tiles on Dask workers, a shard of the pyramid each, then joins the shards.

    Each task runs ``conflictmap tiles LAYERS -z ZOOM --shard i/n`` on a worker into ``work_folder``; the client
    then runs ``conflictmap merge-tiles`` into ``output``. Shards split the pyramid the same way on every machine,
    and the joined set equals what one ``conflictmap tiles`` run writes.

    Args:
        layers: GeoTIFF paths (density or control layers, or any georeferenced raster), as ``tiles`` takes them;
            every worker must see them at these paths (a shared file system).
        output: the joined tile set: a folder, FILE.mbtiles or FILE.pmtiles.
        zoom: the zoom levels, "MIN-MAX" or one zoom.
        shards: how many shards (default: twice the workers' threads, at least 2).
        client: a ``dask.distributed.Client`` or a scheduler address; None: the default client, else local threads.
        work_folder: where the shards are written, seen by the workers and the client (default: beside ``output``).
        binary: the conflictmap program (default: the one beside the module, else on PATH).
        image_format: "png" or "webp".
        threads_per_shard: rendering threads inside each task.

    Returns:
        The path of the joined tile set.
    """
    import subprocess
    import dask
    program = _program(binary)
    layers = [str(p) for p in ([layers] if isinstance(layers, (str, _os.PathLike)) else layers)]
    output = str(output)
    connected = None
    if isinstance(client, str):
        from dask.distributed import Client
        connected = client = Client(client)
    if client is None:
        try:
            from dask.distributed import default_client
            client = default_client()
        except (ImportError, ValueError):
            client = None
    if shards is None:
        cores = sum(client.nthreads().values()) if client is not None else (_os.cpu_count() or 1)
        shards = max(2, 2 * cores)
    work = str(work_folder) if work_folder else output.rstrip("/") + ".shards"
    _os.makedirs(work, exist_ok=True)
    try:
        tasks = [dask.delayed(_render_shard)(program, layers, str(zoom), i, shards,
                                             _os.path.join(work, f"shard-{i:04d}.mbtiles"), image_format,
                                             threads_per_shard) for i in range(shards)]
        parts = client.gather(client.compute(tasks)) if client is not None else dask.compute(*tasks, scheduler="threads")
        done = subprocess.run([program, "merge-tiles", *parts, "-o", output], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"merge-tiles: {done.stderr.strip()}")
        for part in parts:
            _os.remove(part)
        _os.rmdir(work)
    finally:
        if connected is not None:
            connected.close()
    return output
