"""Registers the provider with QGIS's Processing framework when the plugin loads, and removes it on unload."""
from qgis.core import QgsApplication

from .provider import ConflictmapProvider


class ConflictmapPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802
        self.provider = ConflictmapProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
