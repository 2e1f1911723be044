"""Python values as the engine takes them: missing values, dates, contexts."""


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
