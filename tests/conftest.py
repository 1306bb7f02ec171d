"""Shared fixtures. Keep this small: each test folder owns its own helpers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Speed belongs to `make bench`, not to unit tests: Hypothesis's per-example deadline
# (200 ms) is a timing assertion that fails on a loaded 2-core CI machine.
settings.register_profile("relais", deadline=None)
settings.load_profile("relais")

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = REPO_ROOT / "tests" / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "real_content: checks the repository's own content/ tree, not a fixture "
        "(may fail while content is being written)",
    )


@pytest.fixture
def repo_root() -> Path:
    """The repository root (holds content/, schemas/, generator/)."""
    return REPO_ROOT


@pytest.fixture
def good_root() -> Path:
    """A small valid content tree: 17 regions, their ERACs, two advisors, two programs."""
    return FIXTURES / "content_good"


@pytest.fixture
def bad_root() -> Path:
    """A content tree with one deliberate mistake per rule."""
    return FIXTURES / "content_bad"
