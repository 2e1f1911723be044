"""conflictmap for QGIS: a Processing provider that runs the conflictmap program."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import ConflictmapPlugin
    return ConflictmapPlugin(iface)
