"""Edit to preview under ``make dev``: from saving a content file to the page showing it.

The dev server runs as ``make dev`` runs it (``python -m devserver --watch``) on a built
scenario tree (today's content, or 10×, from ``site_build``); the benchmark rewrites the
Lanaudière region's French summary with a new marker and polls the region page every 50 ms
until the marker is served. Two loops, side by side (devserver/watch.py):

* ``full``: every change runs a full ``mkdocs build --strict`` beside the served site and
  swaps it in (``--full-rebuilds``, the loop before the fast path);
* ``fast``: the fast path (devserver/preview.py) re-reads the edited file, validates, and
  renders only the pages it changes into the served site; a full build follows in the
  background and the next save cancels it. Each save comes a second after the previous
  page showed, so that background build is running when it does, as when editing.

The watcher learns of a save from the operating system (inotify) in both loops.
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
    loop: str  # "full" or "fast"
    samples: list[float]  # seconds from the save to the updated page
    load: tuple[float, float, float]  # the machine's load average when the measure began

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def _page(url: str) -> str:
    with urllib.request.urlopen(f"{url}regions/lanaudiere/", timeout=30) as answer:
        return str(answer.read().decode("utf-8"))


def measure(
    name: str, root: Path, *, loop: str = "fast", edits: int = 3, timeout: float = 900
) -> EditToPreview:
    """``edits`` saves of the region file in the built tree ``root``, each timed to the page,
    with the ``loop`` (``"fast"`` or ``"full"``) of the module docstring."""
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
                *(["--full-rebuilds"] if loop == "full" else []),
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
            ready = "fast preview ready" if loop == "fast" else "full rebuilds"
            for line in proc.stdout:  # ready once the watcher says so (the fast path has loaded)
                if ready in line:
                    break
            load = os.getloadavg()
            for n in range(edits):
                time.sleep(1)
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
    return EditToPreview(name, loop, samples, load)


def section(results: list[EditToPreview], records: dict[str, dict[str, int]]) -> list[str]:
    """The benchmarks.md section; ``records``: per scenario name, its number of records per kind."""
    lines = [
        "## Edit to preview (`make dev`)",
        "",
        "From saving `content/regions/lanaudiere.yaml` (its French summary changed) to the region",
        "page serving the change, through the dev server's watcher as `make dev` runs it",
        "(`benchmarks/edit_preview.py`); median of the saves, each a second after the previous",
        "page showed. *Full rebuild*: each save runs `mkdocs build --strict` beside the served",
        "site, then swaps it in (the loop before the fast path, `--full-rebuilds`). *Fast path*:",
        "a long-lived process that keeps the content and mkdocs' state loaded re-reads the saved",
        "file, validates the content, renders the generated pages that can show the record",
        "(`generator/render/affected.py`), and has mkdocs render those whose Markdown changed,",
        "French first (devserver/preview.py); the search index, open data and sitemap follow",
        "from a full build in the background, which the next save cancels. Both loops learn of",
        "a save from inotify. An invalid edit keeps the last good site in both. The machine was",
        "shared with other engineers' test suites: the load average is given beside each figure",
        f"({os.cpu_count()} cores); the number of saves measured is in brackets.",
        "",
        "| content | organisations | full rebuild | fast path | samples (fast) | load average (1/5/15 min) |",
        "|---|---:|---:|---:|---|---|",
    ]
    for name in dict.fromkeys(r.name for r in results):
        full = next((r for r in results if r.name == name and r.loop == "full"), None)
        fast = next((r for r in results if r.name == name and r.loop == "fast"), None)
        cells = [f"{r.median:.2f} s ({len(r.samples)})" if r else "not measured" for r in (full, fast)]
        samples = ", ".join(f"{s:.2f}" for s in fast.samples) if fast else ""
        measured = fast or full
        load = "/".join(f"{x:.1f}" for x in measured.load) if measured else ""
        orgs = records.get(name, {}).get("organisations", "?")
        lines.append(f"| {name} | {orgs} | {cells[0]} | {cells[1]} | {samples} | {load} |")
    lines += [
        "",
        "10× is ten times today's content (`benchmarks/synthetic.py`); the real network has",
        "about 650 help organisations. An edit that reaches further than its record's pages",
        "(a new file, a region's name, an ERAC, a field the routing table reads, a template)",
        "takes the full rebuild.",
    ]
    fast_10 = [r for r in results if r.loop == "fast" and r.name.startswith("10")]
    if fast_10:
        ok = fast_10[0].median <= 1.0
        lines += ["", f"Target (issue 12): ≤ 1 s at 10× content — {'✅' if ok else '❌'}", ""]
    return [*lines, ""]
