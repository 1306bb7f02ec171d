"""REAL CONTENT CHECK: the repository's own content/ tree validates.

Unlike the other generator tests (fixtures), this one reads content/ itself;
it fails whenever a content file breaks a rule, and says which.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.real_content
def test_the_real_content_tree_validates() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
