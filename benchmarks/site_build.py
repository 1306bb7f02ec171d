"""Build time and weight of the site, at today's content and at synthetic scales.

Each scenario is a self-contained tree (mkdocs.yml, site_src, content, generator)
built with ``mkdocs build --strict`` in a fresh process, so the figure includes the
generator hook (load, validate, render) exactly as ``make build`` runs it.
"""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synthetic import make_synthetic_tree

REPO = Path(__file__).resolve().parent.parent

# page kind -> path of one representative page under site/, French then English
PAGE_KINDS: dict[str, str] = {
    "home": "index.html",
    "regions index": "regions/index.html",
    "region": "regions/lanaudiere/index.html",
    "programs index": "programmes/index.html",
    "program": "programmes/otn/index.html",
    "organisations": "organisations/index.html",
    "request form": "demande/index.html",
}


@dataclass(frozen=True)
class PageWeight:
    kind: str
    lang: str
    html: int
    html_gzip: int
    css: int
    css_gzip: int
    js: int
    js_gzip: int


@dataclass(frozen=True)
class BuildResult:
    name: str
    records: dict[str, int]
    seconds: float
    pages: int
    site_bytes: int
    largest_page: int
    median_page: int
    search_index: dict[str, tuple[int, int]]  # lang -> (bytes, gzip bytes)
    weights: list[PageWeight]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _asset_bytes(site: Path, page: Path, html: str, pattern: str) -> tuple[int, int]:
    raw = zipped = 0
    for ref in re.findall(pattern, html):
        if ref.startswith(("http:", "https:", "//")):
            continue
        target = (page.parent / ref.split("?")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            data = target.read_bytes()
            raw += len(data)
            zipped += gz(data)
    return raw, zipped


def page_weights(site: Path) -> list[PageWeight]:
    weights = []
    for lang, prefix in (("fr", ""), ("en", "en/")):
        for kind, rel in PAGE_KINDS.items():
            page = site / prefix / rel
            if not page.is_file():
                continue
            data = page.read_bytes()
            html = data.decode("utf-8")
            css = _asset_bytes(site, page, html, r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"')
            js = _asset_bytes(site, page, html, r'<script[^>]+src="([^"]+)"')
            weights.append(PageWeight(kind, lang, len(data), gz(data), *css, *js))
    return weights


def search_index(site: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for lang, prefix in (("fr", ""), ("en", "en/")):
        index = site / prefix / "search" / "search_index.json"
        if index.is_file():
            data = index.read_bytes()
            found[lang] = (len(data), gz(data))
    return found


def prepare_tree(target: Path, factor: int) -> dict[str, int]:
    """A copy of the repository's site inputs with content multiplied by ``factor``."""
    if target.exists():
        shutil.rmtree(target)
    counts = make_synthetic_tree(REPO, target, factor)
    skip = shutil.ignore_patterns("__pycache__", "routing_table.json")
    shutil.copytree(REPO / "generator", target / "generator", ignore=skip)
    # The finder's lookup asks the function's routing code (generator/finder.py).
    shutil.copytree(REPO / "functions", target / "functions", ignore=skip)
    return counts


def build(name: str, root: Path, records: dict[str, int]) -> BuildResult:
    site = root / "site"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        check=True,
    )
    seconds = time.perf_counter() - started
    sizes = sorted(p.stat().st_size for p in site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return BuildResult(
        name=name,
        records=records,
        seconds=seconds,
        pages=len(sizes),
        site_bytes=total,
        largest_page=sizes[-1],
        median_page=sizes[len(sizes) // 2],
        search_index=search_index(site),
        weights=page_weights(site),
    )


def run(workdir: Path, factors: dict[str, int]) -> list[BuildResult]:
    results = []
    for name, factor in factors.items():
        root = workdir / name.replace(" ", "-")
        records = prepare_tree(root, factor)
        results.append(build(name, root, records))
    return results
