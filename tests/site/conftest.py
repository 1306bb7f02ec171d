"""Site tests. Golden files live in tests/golden/; regenerate them after an
intended change with:

    .venv/bin/python -m pytest tests/site --update-golden

then read the diff (``git diff tests/golden``) before committing.
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current renderer instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
