"""The Python examples in README.md run as written."""

import os
import re
import subprocess
import sys

from conftest import REPO


def _python_blocks():
    with open(os.path.join(REPO, "README.md"), encoding="utf-8") as f:
        text = f.read()
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_readme_has_python_examples():
    assert len(_python_blocks()) >= 2


def test_readme_python_examples_run():
    for block in _python_blocks():
        # Each block in a fresh interpreter, from the repository root, as a
        # reader would paste it.
        out = subprocess.run([sys.executable, "-c", block], cwd=REPO,
                             capture_output=True, text=True)
        assert out.returncode == 0, (block, out.stderr)
        assert out.stdout.strip(), block
