"""A form post's cold start does not load the lifecycle's code: the modules for the emails'
links, states, notices, reminders and statistics are imported on their own paths only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIFECYCLE_MODULES = {
    "actions",
    "followup",
    "lifecycle",
    "lifecycle_http",
    "links",
    "notices",
    "pages",
    "secrets_store",
    "stats",
    "stats_http",
    "workdays",
}


def test_importing_the_handler_loads_none_of_the_lifecycle_modules() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, functions.route_request.handler; "
            "print(' '.join(m.rsplit('.', 1)[-1] for m in sys.modules if m.startswith('functions.')))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "handler" in out and "intake" in out
    assert LIFECYCLE_MODULES.isdisjoint(out), LIFECYCLE_MODULES & set(out)
