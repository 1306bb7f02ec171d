"""Edit to preview under ``make dev``: from saving a content file to the page showing it.

The dev server runs as ``make dev`` runs it (``python -m devserver --watch``) on a built
scenario tree (today's content, or 10×, from ``site_build``); the benchmark rewrites the
Lanaudière region's French summary with a new marker and polls the region page every 50 ms
until the marker is served. The figure is today's loop: the watcher sees the change (it
polls every second) and runs a full ``mkdocs build --strict`` beside the served site, then
swaps it in (devserver/watch.py).
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REGION = Path("content") / "regions" / "lanaudiere.yaml"
PHRASE = "Région administrative 14 du Québec"


@dataclass(frozen=True)
class EditToPreview:
    name: str
    samples: list[float]  # seconds from the save to the updated page

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def _page(url: str) -> str:
    with urllib.request.urlopen(f"{url}regions/lanaudiere/", timeout=30) as answer:
        return str(answer.read().decode("utf-8"))


def measure(name: str, root: Path, *, edits: int = 3, timeout: float = 600) -> EditToPreview:
    """``edits`` saves of the region file in the built tree ``root``, each timed to the page."""
    region = root / REGION
    original = region.read_text(encoding="utf-8")
    if PHRASE not in original:
        raise RuntimeError(f"{region}: the benchmark's phrase is gone; update benchmarks/edit_preview.py")
    with tempfile.TemporaryDirectory(prefix="relais-edit-") as var:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "devserver",
                "--port",
                "0",
                "--site",
                str(root / "site"),
                "--var",
                var,
                "--table",
                str(root / "functions" / "route_request" / "routing_table.json"),
                "--watch",
                str(root),
            ],
            cwd=REPO,
            env={k: v for k, v in os.environ.items() if k != "PORT"},
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        samples = []
        try:
            assert proc.stdout is not None
            url = proc.stdout.readline().strip()
            for line in proc.stdout:  # ready once it says it watches
                if "watching" in line:
                    break
            for n in range(edits):
                marker = f"Région 14, mesure {n} {time.time_ns()}"
                region.write_text(original.replace(PHRASE, marker), encoding="utf-8")
                started = time.perf_counter()
                while marker not in _page(url):
                    if time.perf_counter() - started > timeout:
                        raise RuntimeError(f"{name}: the edit did not show within {timeout:.0f} s")
                    time.sleep(0.05)
                samples.append(time.perf_counter() - started)
        finally:
            region.write_text(original, encoding="utf-8")
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    return EditToPreview(name, samples)


def section(results: list[EditToPreview]) -> list[str]:
    lines = [
        "## Edit to preview (`make dev`)",
        "",
        "From saving `content/regions/lanaudiere.yaml` (its French summary changed) to the region",
        "page serving the change, through the dev server's watcher as `make dev` runs it; median",
        "of the saves. Today's loop is a full rebuild: the watcher polls every second, runs",
        "`mkdocs build --strict` beside the served site, then swaps it in (an invalid edit keeps",
        "the last good site).",
        "",
        "| content | full rebuild (today) | samples |",
        "|---|---:|---|",
    ]
    for result in results:
        samples = ", ".join(f"{s:.1f}" for s in result.samples)
        lines.append(f"| {result.name} | {result.median:.1f} s | {samples} |")
    lines += ["", "Target (issue 12): ≤ 1 s at 10× content — not met by the full rebuild.", ""]
    return lines
