"""Powertools for AWS Lambda's router against Relais' hand-written dispatch: the cost of
each on a cold start.

Each sample is a fresh Python process (interpreter start-up excluded) from a throwaway
virtual environment holding only ``aws-lambda-powertools`` (never a dependency of Relais):
it imports the router and routes one real API Gateway v2 event
(``tests/events/api_action_get.json``) through an ``APIGatewayHttpResolver`` with the
function's five routes; the alternative, in the same processes' interpreter, is the
hand-written dispatch ``handler.handle_http`` does (a prefix test on ``rawPath``).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import textwrap
import venv
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVENT = REPO / "tests" / "events" / "api_action_get.json"

POWERTOOLS = textwrap.dedent(
    """
    import json, sys, time
    event = json.loads(open(sys.argv[1]).read())
    t0 = time.perf_counter()
    from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
    t1 = time.perf_counter()
    app = APIGatewayHttpResolver()
    @app.post("/requests")
    def post(): return {"ok": 1}
    @app.get("/a/<token>")
    def page(token): return {"token": token}
    @app.post("/a/<token>")
    def act(token): return {"token": token}
    @app.get("/s/<token>")
    def status(token): return {"token": token}
    @app.get("/stats")
    def stats(): return {}
    answer = app.resolve(event, None)
    t2 = time.perf_counter()
    assert answer["statusCode"] == 200, answer
    print(json.dumps({"import": t1 - t0, "total": t2 - t0}))
    """
)

HAND = textwrap.dedent(
    """
    import json, sys, time
    event = json.loads(open(sys.argv[1]).read())
    t0 = time.perf_counter()
    path = str(event.get("rawPath") or "")
    routes = {"a": "page", "s": "status"}
    kind = routes.get(path[1:].partition("/")[0]) if path.startswith(("/a/", "/s/", "/stats")) else "post"
    t2 = time.perf_counter()
    assert kind == "page"
    print(json.dumps({"import": 0.0, "total": t2 - t0}))
    """
)


@dataclass(frozen=True)
class RouterCost:
    version: str
    samples: int
    powertools_import_ms: float
    powertools_total_ms: float
    hand_total_ms: float


def _median(python: str, script: str, samples: int) -> tuple[float, float]:
    imports, totals = [], []
    for _ in range(samples):
        out = subprocess.run(
            [python, "-c", script, str(EVENT)], capture_output=True, text=True, check=True
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        imports.append(result["import"] * 1000)
        totals.append(result["total"] * 1000)
    return statistics.median(imports), statistics.median(totals)


def measure(samples: int = 15, python: str | None = None) -> RouterCost:
    """Build the throwaway venv (pip from the package index) unless ``python`` has Powertools."""
    if python is None:
        target = Path(tempfile.mkdtemp(prefix="relais-powertools-"))
        venv.create(target, with_pip=True)
        python = str(target / "bin" / "python")
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "aws-lambda-powertools"],
            check=True,
            capture_output=True,
        )
    version = subprocess.run(
        [python, "-c", "import importlib.metadata as m; print(m.version('aws-lambda-powertools'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    pt_import, pt_total = _median(python, POWERTOOLS, samples)
    _, hand_total = _median(sys.executable, HAND, samples)
    return RouterCost(version, samples, pt_import, pt_total, hand_total)


if __name__ == "__main__":
    print(measure(python=sys.argv[1] if len(sys.argv) > 1 else None))
