"""Shared fixtures: real mutagen is the reference for differential tests."""

import glob
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEST_FILES = os.path.join(REPO, "test_files")

# FLAC samples: the project's, and the mtg-flac crate's test data
FLAC_CRATE_DATA = os.path.join(REPO, "crates", "mtg-flac", "tests", "data")
FLAC_SAMPLES = sorted(
    glob.glob(os.path.join(TEST_FILES, "*.flac")) +
    glob.glob(os.path.join(FLAC_CRATE_DATA, "in", "*.flac")) +
    [os.path.join(FLAC_CRATE_DATA, "tone.flac")])


@pytest.fixture
def tmp_file(tmp_path):
    """Returns a function that writes bytes to a new file and gives its path."""
    counter = [0]

    def make(data, suffix=".bin"):
        counter[0] += 1
        path = tmp_path / ("f%d%s" % (counter[0], suffix))
        path.write_bytes(data)
        return str(path)

    return make
