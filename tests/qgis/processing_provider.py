"""Runs every algorithm of the conflictmap Processing provider headless through processing.run, as a QGIS user
would from the toolbox: the outputs are valid, styled and non-empty; a bad input fails with the program's own
message naming the file; a cancel stops the running program.

Usage: /usr/bin/python3 processing_provider.py PROGRAM PROJECT_FOLDER WORK_FOLDER
Exit status 0 when all is well, 1 with a message otherwise.
"""
import os
import subprocess
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
PROGRAM, PROJECT, WORK = sys.argv[1:4]
os.environ["CONFLICTMAP_PROGRAM"] = PROGRAM
sys.path.insert(0, "/usr/share/qgis/python/plugins")
sys.path.insert(0, os.path.join(PROJECT, "qgis"))

from qgis.core import (QgsApplication, QgsFeature, QgsField, QgsProcessingException, QgsProcessingFeedback,  # noqa: E402
                       QgsRasterLayer, QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant  # noqa: E402

app = QgsApplication([], True)  # with widgets, to picture the toolbox
app.initQgis()
from processing.core.Processing import Processing  # noqa: E402
import processing  # noqa: E402

Processing.initialize()
from conflictmap_processing.provider import ConflictmapProvider  # noqa: E402

provider = ConflictmapProvider()
QgsApplication.processingRegistry().addProvider(provider)


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


ids = sorted(a.id() for a in provider.algorithms())
check(ids == ["conflictmap:control", "conflictmap:density", "conflictmap:extract", "conflictmap:resolve",
              "conflictmap:tiles"], f"the toolbox group holds {ids}")
sample = os.path.join(PROJECT, "tests", "data", "sample")
layers = os.path.join(PROJECT, "tests", "data", "layers")

# Resolve: a table of names and contexts becomes points with the answer fields
table = QgsVectorLayer("None?field=place:string&field=area:string", "names", "memory")
for place, area in (("Tell Refaat", "Aleppo"), ("تل رفعت", ""), ("xyzzy qwv", "")):
    feature = QgsFeature(table.fields())
    feature.setAttributes([place, area])
    table.dataProvider().addFeature(feature)
result = processing.run("conflictmap:resolve", {"INPUT": table, "NAME_FIELD": "place", "CONTEXT_FIELD": "area",
                                               "OUTPUT": os.path.join(WORK, "resolved.gpkg")})
resolved = QgsVectorLayer(result["OUTPUT"], "resolved", "ogr")
check(resolved.isValid() and resolved.featureCount() == 3, "resolve: not 3 valid rows")
rows = {f["place"]: f for f in resolved.getFeatures()}
check(rows["Tell Refaat"]["place_id"] == rows["تل رفعت"]["place_id"] == "C1621", "resolve: Tal Rifaat not found in both scripts")
check(not rows["Tell Refaat"].geometry().isEmpty(), "resolve: a resolved row has no point")
check(rows["xyzzy qwv"]["status"] == "unresolved" and rows["xyzzy qwv"].geometry().isEmpty(),
      "resolve: an unknown name was placed")

# Extract: report files become an events layer
reports = sorted(os.path.join(sample, "reports", f) for f in os.listdir(os.path.join(sample, "reports")))
result = processing.run("conflictmap:extract", {"REPORTS": reports, "OUTPUT": os.path.join(WORK, "events.gpkg"),
                                               "UNRESOLVED": os.path.join(WORK, "unresolved.csv")})
events = QgsVectorLayer(result["OUTPUT"], "events", "ogr")
check(events.isValid() and events.featureCount() > 10, "extract: no events layer")
check(os.path.getsize(result["UNRESOLVED"]) > 0, "extract: no unresolved table")

# Density: a styled raster and styled isobands
result = processing.run("conflictmap:density", {"INPUT": events, "BANDWIDTH": 10000, "PIXEL_SIZE": 2000,
                                               "OUTPUT": os.path.join(WORK, "strikes.tif")})
density = QgsRasterLayer(result["OUTPUT"], "density")
check(density.isValid() and density.renderer().type() == "singlebandpseudocolor", "density: not a styled raster")
statistics = density.dataProvider().bandStatistics(1)
check(statistics.maximumValue > 0, "density: the raster is empty")
isobands = QgsVectorLayer(result["ISOBANDS"], "isobands", "ogr")
check(isobands.isValid() and isobands.featureCount() > 0 and isobands.renderer().type() == "graduatedSymbol",
      "density: no styled isobands")

# Control: raster, zones and fronts, styled
result = processing.run("conflictmap:control", {"INPUT": os.path.join(layers, "scenario_events.csv"),
                                               "BASELINE": os.path.join(layers, "scenario_baseline.csv"),
                                               "AS_OF": "2016-06-20", "INFLUENCE": 6000, "PIXEL_SIZE": 500,
                                               "OUTPUT": os.path.join(WORK, "control.tif")})
control = QgsRasterLayer(result["OUTPUT"], "control")
check(control.isValid() and control.renderer().type() == "paletted", "control: not a styled raster")
zones = QgsVectorLayer(result["ZONES"], "zones", "ogr")
check(zones.isValid() and zones.featureCount() > 0 and zones.renderer().type() == "categorizedSymbol",
      "control: no styled zones")

# Tiles: a PMTiles file of the density layer
result = processing.run("conflictmap:tiles", {"LAYERS": [density], "ZOOM": "5-7",
                                             "OUTPUT": os.path.join(WORK, "strikes.pmtiles")})
with open(result["OUTPUT"], "rb") as f:
    check(f.read(7) == b"PMTiles", "tiles: not a PMTiles file")

# A bad input: the program's message, naming the file, reaches the user
bad = os.path.join(WORK, "bad_events.csv")
with open(bad, "w", encoding="utf-8") as f:
    f.write("when,where\n2016-01-01,nowhere\n")
try:
    processing.run("conflictmap:density", {"INPUT": bad, "OUTPUT": os.path.join(WORK, "bad.tif")})
    fail("density of a table without event fields did not fail")
except QgsProcessingException as error:
    check("bad_events.csv" in str(error), f"the error does not name the file: {error}")

# A cancel stops the running program: tiles of many zoom levels, cancelled once it runs
feedback = QgsProcessingFeedback()
threading.Timer(1.0, feedback.cancel).start()
started = time.monotonic()
output = os.path.join(WORK, "many.mbtiles")
try:
    processing.run("conflictmap:tiles", {"LAYERS": [density], "ZOOM": "0-14", "OUTPUT": output}, feedback=feedback)
    fail("a cancelled run finished")
except QgsProcessingException as error:
    check("cancelled" in str(error), f"the cancel gave another error: {error}")
check(time.monotonic() - started < 20, "the cancel did not stop the program promptly")
running = subprocess.run(["pgrep", "-f", output], capture_output=True, text=True).stdout.strip()
check(not running, f"the program still runs after the cancel: {running}")
check(not os.path.exists(output), "a cancelled run left its output")

# The toolbox as a user sees it, for the README: QGIS's own toolbox tree, filtered to the provider
shot = os.environ.get("CONFLICTMAP_TOOLBOX_SHOT")
if shot:
    from qgis.gui import QgsProcessingToolboxTreeView
    view = QgsProcessingToolboxTreeView(None, QgsApplication.processingRegistry())
    view.setHeaderHidden(True)
    view.setFilterString("conflictmap")
    view.expandAll()
    view.resize(360, 230)
    view.show()
    app.processEvents()
    check(view.grab().save(shot), f"cannot save the toolbox picture to {shot}")

print("ok: every conflictmap algorithm ran through processing.run")
QgsApplication.processingRegistry().removeProvider(provider)
