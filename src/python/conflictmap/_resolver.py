"""The Resolver: a gazetteer, its resolver and the extraction lexicons, loaded once."""
import threading as _threading

from . import _conflictmap as _engine
from ._values import _context_list, _missing

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
        # most names are already text: only the others are asked whether they are missing
        name_list = [n if type(n) is str else ("" if _missing(n) else str(n)) for n in names]
        if contexts is None:
            context_lists = []
        elif isinstance(contexts, pd.DataFrame):
            context_lists = [[str(v) for v in row if not _missing(v)] for row in contexts.itertuples(index=False)]
        else:
            context_lists = [_context_list(c) for c in contexts]
        columns = self._engine.resolve_many(name_list, context_lists, threads)
        unplaced = columns.pop("unplaced")
        for column in ("precision", "namesakes"):  # nullable integers: masked where a row has no point
            columns[column] = pd.arrays.IntegerArray(columns[column], unplaced)
        return pd.DataFrame({"name": name_list, **columns}, index=index)


_default_resolver = None
_default_lock = _threading.Lock()


def default_resolver():
    """The Resolver of the default gazetteer and lexicons, loaded on first use and shared."""
    global _default_resolver
    with _default_lock:
        if _default_resolver is None:
            _default_resolver = Resolver()
        return _default_resolver
