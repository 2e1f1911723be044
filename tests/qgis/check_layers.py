"""Loads every layer conflictmap wrote into QGIS (its Python API), as a user opening them would, and checks
that each is valid, has the expected CRS and extent, and picked up its .qml style; then renders one map.

Usage: /usr/bin/python3 check_layers.py FOLDER OUTPUT_PNG
FOLDER holds strikes.tif, strikes_isobands.geojson, control.tif, control_zones.geojson, control_fronts.geojson.
Exit status 0 when all is well, 1 with a message otherwise.
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

SYRIA = QgsRectangle(35.0, 32.0, 43.0, 37.7)  # lon/lat, with a margin
EXPECTED = [
    # file, kind, CRS, renderer type
    ("strikes.tif", "raster", "EPSG:32637", "singlebandpseudocolor"),
    ("strikes_isobands.geojson", "vector", "EPSG:4326", "graduatedSymbol"),
    ("control.tif", "raster", "EPSG:32637", "paletted"),
    ("control_zones.geojson", "vector", "EPSG:4326", "categorizedSymbol"),
    ("control_fronts.geojson", "vector", "EPSG:4326", "singleSymbol"),
]


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main(folder, png):
    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    layers = []
    for name, kind, crs, renderer in EXPECTED:
        path = os.path.join(folder, name)
        layer = QgsRasterLayer(path, name) if kind == "raster" else QgsVectorLayer(path, name, "ogr")
        if not layer.isValid():
            fail(f"{name}: QGIS cannot open it")
        if layer.crs().authid() != crs:
            fail(f"{name}: CRS {layer.crs().authid()}, expected {crs}")
        extent = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance()).transformBoundingBox(layer.extent())
        if extent.isEmpty() or not SYRIA.contains(extent.center()) or extent.width() > 10 or extent.height() > 8:
            fail(f"{name}: extent {extent.toString(3)} is not over Syria")
        got = layer.renderer().type() if kind == "raster" else layer.renderer().type()
        if got != renderer:
            fail(f"{name}: renderer {got}, expected {renderer}: the .qml style was not applied")
        if name == "control.tif":
            classes = layer.renderer().classes()
            if len(classes) != 7 or classes[0].label != "Syrian government":
                fail(f"{name}: the palette has {len(classes)} classes: {[c.label for c in classes]}")
        if name == "control_zones.geojson":
            categories = layer.renderer().categories()
            if len(categories) != 7 or categories[0].value() != "government":
                fail(f"{name}: {len(categories)} categories")
            if layer.featureCount() < 1:
                fail(f"{name}: no zones")
        if name == "strikes_isobands.geojson" and len(layer.renderer().ranges()) < 1:
            fail(f"{name}: no graduated ranges")
        if name == "control_fronts.geojson":
            colour = layer.renderer().symbol().color().name()
            if colour != "#141414":
                fail(f"{name}: line colour {colour}: the .qml style was not applied")
        print(f"ok: {name}: valid, {crs}, {renderer}, extent {extent.toString(2)}")
        layers.append(layer)

    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32637"))
    # the rasters cover the whole country; the map is drawn where the zones are
    zones = layers[3]
    focus = QgsCoordinateTransform(zones.crs(), settings.destinationCrs(), QgsProject.instance()).transformBoundingBox(zones.extent())
    focus.scale(1.3)
    settings.setExtent(focus)
    settings.setOutputSize(QSize(800, 700))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(png, "PNG")
    coloured = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if image.pixelColor(x, y).name() != "#ffffff":
                coloured += 1
    share = coloured / ((image.height() // 4) * (image.width() // 4))
    if share < 0.02:
        fail(f"the rendered map is nearly blank ({share:.1%} coloured)")
    print(f"ok: rendered {png} ({share:.1%} of the map coloured)", flush=True)
    # QGIS 3.22 can crash tearing down layers at exit: the checks are done, so leave at once
    os._exit(0)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
