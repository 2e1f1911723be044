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

from ._events import (EVENT_COLUMNS, events_frame, extract, extract_frame, read_events,  # noqa: E402
                      write_events)
from ._layers import control, density  # noqa: E402
from ._resolver import RESOLVE_COLUMNS, Resolver, default_resolver  # noqa: E402
from ._values import _date_text  # noqa: E402

__all__ = ["Resolver", "default_resolver", "extract", "extract_frame", "events_frame", "read_events",
           "write_events", "density", "control", "EVENT_COLUMNS", "RESOLVE_COLUMNS"]
