"""Shared fixtures: real mutagen is the reference for differential tests."""

import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEST_FILES = os.path.join(REPO, "test_files")


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
