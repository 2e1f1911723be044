"""The Processing algorithms: each gathers its parameters, runs one conflictmap command through runner.run, and
hands QGIS the files the command wrote. QGIS applies the .qml style conflictmap writes beside each layer when
it loads the layer."""
import csv
import os
import tempfile

from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsProcessing,
                       QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingOutputVectorLayer,
                       QgsProcessingParameterBoolean, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterString, QgsProcessingParameterVectorDestination,
                       QgsCoordinateReferenceSystem, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from . import runner

ANSWER_FIELDS = [("resolved_lat", QVariant.Double), ("resolved_lon", QVariant.Double), ("place_id", QVariant.String),
                 ("place_name", QVariant.String), ("score", QVariant.Double), ("precision", QVariant.Int),
                 ("match", QVariant.String), ("status", QVariant.String), ("namesakes", QVariant.Int)]


class ConflictmapAlgorithm(QgsProcessingAlgorithm):
    """What every conflictmap algorithm shares: its group (a stage of the pipeline), and a new instance per run."""

    GROUP = ("events", "Places and events")

    def group(self):
        return self.GROUP[1]

    def groupId(self):  # noqa: N802
        return self.GROUP[0]

    def createInstance(self):  # noqa: N802
        return type(self)()

    def geotiff_output(self, parameters, context):
        """The raster destination, as the .tif conflictmap writes (its styles and companions sit beside it)."""
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        return output if output.lower().endswith(".tif") else os.path.splitext(output)[0] + ".tif"

    def load_companions(self, context, output, companions):
        """Loads the vector files written beside a raster the user asked to load: (path, label, output name)."""
        if not context.willLoadLayerOnCompletion(output):
            return
        details = context.layerToLoadOnCompletionDetails(output)
        for path, label, name in companions:
            if os.path.exists(path):
                context.addLayerToLoadOnCompletion(path, type(details)(label, context.project(), name))

    def events_source(self, parameters, name, context, feedback):
        """The events layer as a file conflictmap reads, and its layer name when the file holds several."""
        path, layer = self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, name, context, ["gpkg", "geojson", "csv"], "gpkg", feedback)
        return path, layer


class ResolvePlaceNames(ConflictmapAlgorithm):
    def name(self):
        return "resolve"

    def displayName(self):  # noqa: N802
        return "Resolve place names"

    def shortHelpString(self):  # noqa: N802
        return ("Resolves a text field of place names, in any spelling or script, to points, with the context "
                "field (a governorate or region) to tell namesakes apart. The output keeps every input field and "
                "adds the answer: place, score (the chance it lies within 5 km), precision, match, status and "
                "namesakes. Rows that cannot be placed are kept without a geometry.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "Table of place names", [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterField("NAME_FIELD", "Place name field", parentLayerParameterName="INPUT",
                                                      type=QgsProcessingParameterField.String))
        self.addParameter(QgsProcessingParameterField("CONTEXT_FIELD", "Context field (governorate, region)",
                                                      parentLayerParameterName="INPUT",
                                                      type=QgsProcessingParameterField.String, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Resolved places", QgsProcessing.TypeVectorPoint))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        name_field = self.parameterAsString(parameters, "NAME_FIELD", context)
        context_field = self.parameterAsString(parameters, "CONTEXT_FIELD", context)
        fields = QgsFields(source.fields())
        for field_name, kind in ANSWER_FIELDS:
            if fields.indexOf(field_name) >= 0:
                raise QgsProcessingException(f"the input already has a field '{field_name}', which resolve adds")
            fields.append(QgsField(field_name, kind))
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Point,
                                             QgsCoordinateReferenceSystem("EPSG:4326"))
        with tempfile.TemporaryDirectory() as folder:
            table, answers = os.path.join(folder, "names.csv"), os.path.join(folder, "resolved.csv")
            features = list(source.getFeatures())
            with open(table, "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(["row", "name", "context"])
                for i, feature in enumerate(features):
                    place = feature[name_field]
                    area = feature[context_field] if context_field else ""
                    writer.writerow([i, "" if place is None else str(place), "" if area is None else str(area)])
            feedback.setProgress(5)
            runner.run(["resolve", "--input", table, "--name-column", "name", "--context-column", "context",
                        "--output", answers], feedback)
            with open(answers, encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
        for feature, row in zip(features, rows):
            if feedback.isCanceled():
                break
            out = QgsFeature(fields)
            values = list(feature.attributes())
            for field_name, kind in ANSWER_FIELDS:
                value = row.get(field_name, "")
                if value == "":
                    values.append(None)
                elif kind == QVariant.Double:
                    values.append(float(value))
                elif kind == QVariant.Int:
                    values.append(int(value))
                else:
                    values.append(value)
            out.setAttributes(values)
            if row.get("resolved_lat"):
                out.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(row["resolved_lon"]), float(row["resolved_lat"]))))
            sink.addFeature(out, QgsFeatureSink.FastInsert)
        return {"OUTPUT": sink_id}


class ExtractEvents(ConflictmapAlgorithm):
    def name(self):
        return "extract"

    def displayName(self):  # noqa: N802
        return "Extract events from reports"

    def shortHelpString(self):  # noqa: N802
        return ("Reads field reports (UTF-8 text files, English or Arabic) and writes the located, dated and typed "
                "events they tell, each with its sentence, actors and provenance. What looked like an event but "
                "could not be placed goes to the optional table of unresolved mentions.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers("REPORTS", "Report files", QgsProcessing.TypeFile))
        self.addParameter(QgsProcessingParameterString("DATE", "Publication date (YYYY-MM-DD), when the reports give none",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterVectorDestination("OUTPUT", "Events", QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFileDestination("UNRESOLVED", "Unresolved mentions", "CSV files (*.csv)",
                                                                optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        reports = self.parameterAsFileList(parameters, "REPORTS", context)
        if not reports:
            raise QgsProcessingException("no report files given")
        output = self.parameterAsOutputLayer(parameters, "OUTPUT", context)
        arguments = ["extract", *reports, "-o", output]
        date = self.parameterAsString(parameters, "DATE", context)
        if date:
            arguments += ["--date", date]
        unresolved = self.parameterAsFileOutput(parameters, "UNRESOLVED", context)
        if unresolved:
            arguments += ["--unresolved", unresolved]
        runner.run(arguments, feedback)
        return {"OUTPUT": output, "UNRESOLVED": unresolved or None}


class StrikeDensity(ConflictmapAlgorithm):
    GROUP = ("layers", "Layers")

    def name(self):
        return "density"

    def displayName(self):  # noqa: N802
        return "Strike density"

    def shortHelpString(self):  # noqa: N802
        return ("Air strikes and shelling per km² from an events layer: a Cloud-Optimized GeoTIFF and its isobands, "
                "each styled. The kernel radius and the cell size are in metres.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "Events", [QgsProcessing.TypeVectorPoint]))
        self.addParameter(QgsProcessingParameterNumber("BANDWIDTH", "Kernel radius (m)", QgsProcessingParameterNumber.Double,
                                                       10000, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("PIXEL_SIZE", "Cell size (m)", QgsProcessingParameterNumber.Double,
                                                       500, minValue=1))
        self.addParameter(QgsProcessingParameterString("FROM", "First day (YYYY-MM-DD)", optional=True))
        self.addParameter(QgsProcessingParameterString("TO", "Last day (YYYY-MM-DD)", optional=True))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", "Strike density"))
        self.addOutput(QgsProcessingOutputVectorLayer("ISOBANDS", "Strike density isobands", QgsProcessing.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path, layer = self.events_source(parameters, "INPUT", context, feedback)
        output = self.geotiff_output(parameters, context)
        arguments = ["density", path, "-o", output,
                     "--bandwidth", self.parameterAsDouble(parameters, "BANDWIDTH", context),
                     "--pixel-size", self.parameterAsDouble(parameters, "PIXEL_SIZE", context)]
        if layer:
            arguments += ["--layer", layer]
        for name, flag in (("FROM", "--from"), ("TO", "--to")):
            value = self.parameterAsString(parameters, name, context)
            if value:
                arguments += [flag, value]
        runner.run(arguments, feedback)
        isobands = os.path.splitext(output)[0] + "_isobands.geojson"
        self.load_companions(context, output, [(isobands, "Strike density isobands", "ISOBANDS")])
        return {"OUTPUT": output, "ISOBANDS": isobands}


class ControlZones(ConflictmapAlgorithm):
    GROUP = ("layers", "Layers")

    def name(self):
        return "control"

    def displayName(self):  # noqa: N802
        return "Control zones on a date"

    def shortHelpString(self):  # noqa: N802
        return ("Who controls what on a date, from the territorial events of an events layer and a baseline of who "
                "held what at the start: a categorical raster, zone polygons and front lines, each styled in the "
                "controllers' colours.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "Events", [QgsProcessing.TypeVectorPoint],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterFile("BASELINE", "Baseline (CSV of controller and place, or polygons)",
                                                     optional=True))
        self.addParameter(QgsProcessingParameterString("AS_OF", "Date (YYYY-MM-DD)"))
        self.addParameter(QgsProcessingParameterNumber("INFLUENCE", "Reach of a settlement's control (m)",
                                                       QgsProcessingParameterNumber.Double, 15000, minValue=0))
        self.addParameter(QgsProcessingParameterNumber("PIXEL_SIZE", "Cell size (m)", QgsProcessingParameterNumber.Double,
                                                       500, minValue=1))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", "Control"))
        self.addOutput(QgsProcessingOutputVectorLayer("ZONES", "Control zones", QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputVectorLayer("FRONTS", "Front lines", QgsProcessing.TypeVectorLine))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = self.geotiff_output(parameters, context)
        arguments = ["control"]
        layer = None
        if parameters.get("INPUT"):
            path, layer = self.events_source(parameters, "INPUT", context, feedback)
            arguments.append(path)
        baseline = self.parameterAsFile(parameters, "BASELINE", context)
        if not parameters.get("INPUT") and not baseline:
            raise QgsProcessingException("give an events layer, a baseline, or both")
        arguments += ["--as-of", self.parameterAsString(parameters, "AS_OF", context), "-o", output,
                      "--influence", self.parameterAsDouble(parameters, "INFLUENCE", context),
                      "--pixel-size", self.parameterAsDouble(parameters, "PIXEL_SIZE", context)]
        if baseline:
            arguments += ["--baseline", baseline]
        if layer:
            arguments += ["--layer", layer]
        runner.run(arguments, feedback)
        stem = os.path.splitext(output)[0]
        zones, fronts = stem + "_zones.geojson", stem + "_fronts.geojson"
        self.load_companions(context, output, [(zones, "Control zones", "ZONES"), (fronts, "Front lines", "FRONTS")])
        return {"OUTPUT": output, "ZONES": zones, "FRONTS": fronts}


class WebTiles(ConflictmapAlgorithm):
    GROUP = ("web", "Web")

    def name(self):
        return "tiles"

    def displayName(self):  # noqa: N802
        return "Tiles for the web"

    def shortHelpString(self):  # noqa: N802
        return ("Web Mercator raster tiles of density and control layers, in the colours of their styles, into a "
                "PMTiles or MBTiles file (or a folder) for a website or a web map.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers("LAYERS", "Density or control rasters",
                                                               QgsProcessing.TypeRaster))
        self.addParameter(QgsProcessingParameterString("ZOOM", "Zoom levels (MIN-MAX)", "5-10"))
        self.addParameter(QgsProcessingParameterBoolean("WEBP", "WebP images (else PNG)", False))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT", "Tile set",
                                                                "PMTiles (*.pmtiles);;MBTiles (*.mbtiles)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layers = self.parameterAsLayerList(parameters, "LAYERS", context)
        if not layers:
            raise QgsProcessingException("no raster layers given")
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        arguments = ["tiles", *[layer.source() for layer in layers], "-z",
                     self.parameterAsString(parameters, "ZOOM", context), "-o", output]
        if self.parameterAsBoolean(parameters, "WEBP", context):
            arguments += ["--format", "webp"]
        runner.run(arguments, feedback)
        return {"OUTPUT": output}


ALGORITHMS = [ResolvePlaceNames, ExtractEvents, StrikeDensity, ControlZones, WebTiles]
