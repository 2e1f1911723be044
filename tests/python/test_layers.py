"""density and control give the command-line tool's layers: the same array, the same files."""
import os

import numpy as np
import pytest
from osgeo import gdal

import conflictmap

gdal.UseExceptions()


@pytest.fixture(scope="module")
def sample_events(cli, reports, tmp_path_factory):
    folder = tmp_path_factory.mktemp("events")
    cli("extract", *reports, "-o", folder / "events.csv")
    return folder / "events.csv"


def raster(path):
    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(1).ReadAsArray(), dataset.GetGeoTransform(), dataset.GetProjection()


def test_density_array_equals_the_cli_raster(cli, sample_events, tmp_path):
    cli("density", sample_events, "-o", tmp_path / "cli.tif", "--pixel-size", "2000")
    want, transform, projection = raster(tmp_path / "cli.tif")
    got = conflictmap.density(str(sample_events), pixel_size=2000)
    assert got["values"].dtype == np.float32
    np.testing.assert_array_equal(got["values"], want)
    assert got["geotransform"] == pytest.approx(transform)
    assert got["selected"] > 0 and got["maximum"] == pytest.approx(float(want.max()), rel=1e-6)
    # the same events as a DataFrame give the same surface
    frame = conflictmap.read_events(sample_events)
    np.testing.assert_array_equal(conflictmap.density(frame, pixel_size=2000)["values"], want)


def test_density_writes_the_cli_files_byte_for_byte(cli, sample_events, tmp_path):
    options = ["--pixel-size", "2000", "--bandwidth", "15000", "--kernel", "epanechnikov", "--fatality-weight", "1",
               "--extent", "events"]
    cli("density", sample_events, "-o", tmp_path / "cli.tif", *options)
    conflictmap.density(str(sample_events), output=tmp_path / "py.tif", pixel_size=2000, bandwidth=15000,
                        kernel="epanechnikov", fatality_weight=1, extent="events")
    for cli_name, py_name in (("cli.tif", "py.tif"), ("cli.qml", "py.qml"),
                              ("cli_isobands.geojson", "py_isobands.geojson"), ("cli_isobands.qml", "py_isobands.qml")):
        with open(tmp_path / cli_name, "rb") as a, open(tmp_path / py_name, "rb") as b:
            cli_bytes, py_bytes = a.read(), b.read()
        assert cli_bytes == py_bytes, cli_name  # the raster's metadata names the same source


def test_density_names_a_bad_option():
    with pytest.raises(ValueError, match="bandwidth"):
        conflictmap.density([], bandwidth=float("nan"))
    with pytest.raises(ValueError, match="kernel"):
        conflictmap.density([], kernel="square")
    with pytest.raises(ValueError, match="half_life"):
        conflictmap.density([], half_life=10)


@pytest.fixture(scope="module")
def scenario(sample):
    layers = os.path.join(os.path.dirname(sample), "layers")
    return os.path.join(layers, "scenario_events.csv"), os.path.join(layers, "scenario_baseline.csv")


def test_control_equals_the_cli(cli, scenario, tmp_path):
    events, baseline = scenario
    options = ["--influence", "6000", "--pixel-size", "250"]
    cli("control", events, "--baseline", baseline, "--as-of", "2016-06-20", *options, "-o", tmp_path / "cli.tif")
    want, transform, _ = raster(tmp_path / "cli.tif")
    snapshots = conflictmap.control(events, as_of="2016-06-20", baseline=baseline, influence=6000, pixel_size=250)
    assert len(snapshots) == 1
    snapshot = snapshots[0]
    np.testing.assert_array_equal(snapshot["raster"], want)
    assert snapshot["geotransform"] == pytest.approx(transform)
    cli_zones = __import__("geopandas").read_file(tmp_path / "cli_zones.geojson")
    assert len(cli_zones) > 1
    assert list(snapshot["zones"]["controller"]) == list(cli_zones["controller"])
    assert snapshot["zone_count"] == len(cli_zones)
    # the events as a DataFrame give the same zones
    again = conflictmap.control(conflictmap.read_events(events), as_of="2016-06-20", baseline=baseline,
                                influence=6000, pixel_size=250)
    np.testing.assert_array_equal(again[0]["raster"], want)


def test_control_writes_a_series_when_given_an_output(scenario, tmp_path):
    events, baseline = scenario
    snapshots = conflictmap.control(events, as_of="2016-05-15,2016-06-20", baseline=baseline, output=tmp_path / "c.tif")
    assert [s["as_of"] for s in snapshots] == ["2016-05-15", "2016-06-20"]
    assert os.path.exists(tmp_path / "c_snapshots.json")
    assert os.path.exists(tmp_path / "c_2016-06-20_zones.geojson")
    assert snapshots[1]["zones_path"].endswith("c_2016-06-20_zones.geojson")
