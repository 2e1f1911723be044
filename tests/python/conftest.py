"""Fixtures for the Python module's tests: the command-line tool built beside the module, to compare against,
and the bundled sample. ctest sets PYTHONPATH, CONFLICTMAP_BIN and CONFLICTMAP_TESTS."""
import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def cli():
    binary = os.environ.get("CONFLICTMAP_BIN")
    if not binary or not os.path.exists(binary):
        pytest.fail("CONFLICTMAP_BIN must name the conflictmap program built with the module")

    def run(*args, cwd=None):
        done = subprocess.run([binary, *map(str, args)], cwd=cwd, capture_output=True, text=True)
        if done.returncode != 0:
            raise AssertionError(f"conflictmap {' '.join(map(str, args))} failed: {done.stderr}")
        return done
    return run


@pytest.fixture(scope="session")
def sample():
    return os.path.join(os.environ.get("CONFLICTMAP_TESTS", os.path.join(os.path.dirname(__file__), "..")),
                        "data", "sample")


@pytest.fixture(scope="session")
def reports(sample):
    folder = os.path.join(sample, "reports")
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))]


@pytest.fixture(scope="session")
def resolver():
    import conflictmap
    return conflictmap.default_resolver()
