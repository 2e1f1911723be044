"""The "conflictmap" group of the Processing toolbox, and the setting that names the program."""
from qgis.core import QgsProcessingProvider

from processing.core.ProcessingConfig import ProcessingConfig, Setting

from .algorithms import ALGORITHMS
from .runner import PROGRAM_SETTING


class ConflictmapProvider(QgsProcessingProvider):
    def load(self):
        ProcessingConfig.settingIcons[self.name()] = self.icon()
        ProcessingConfig.addSetting(Setting(self.name(), PROGRAM_SETTING,
                                            "conflictmap program (empty: the one on PATH)", "",
                                            valuetype=Setting.FILE))
        ProcessingConfig.readSettings()
        self.refreshAlgorithms()
        return True

    def unload(self):
        ProcessingConfig.removeSetting(PROGRAM_SETTING)

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())

    def id(self):
        return "conflictmap"

    def name(self):
        return "conflictmap"

    def longName(self):  # noqa: N802
        return "conflictmap: conflict reports to maps"
