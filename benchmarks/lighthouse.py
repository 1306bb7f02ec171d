"""Lighthouse (npm ``lighthouse``, driven against Debian's chromium) on the built site.

The site is served from loopback by a small static server that gzips text the way
a CDN would. Lighthouse runs its default mobile profile (simulated slow 4G, 4× CPU
slowdown), and the form page once more under a 3G profile (300 ms RTT, 700 kbit/s).
Skipped with a note when lighthouse or chromium is missing (`npm ci --prefix
benchmarks/lighthouse` installs it).
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent / "lighthouse"
BINARY = HERE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = {
    "home": "/",
    "region": "/regions/lanaudiere/",
    "organisation": "/organisations/lanaudiere-economique/",
    "program": "/programmes/otn/",
    "request form": "/demande/",
    "home (en)": "/en/",
    "region (en)": "/en/regions/lanaudiere/",
    "organisation (en)": "/en/organisations/lanaudiere-economique/",
}
THREE_G = [
    "--throttling.rttMs=300",
    "--throttling.throughputKbps=700",
    "--throttling.cpuSlowdownMultiplier=4",
]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in TEXT_TYPES and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def run_lighthouse(url: str, extra: list[str]) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(BINARY),
                url,
                "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
                *extra,
            ],
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            check=True,
            timeout=180,
            capture_output=True,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    requests = audits["network-requests"]["details"]["items"]
    origin = url.split("/", 3)[:3]
    elsewhere = [
        r for r in requests if r["url"].split("/", 3)[:3] != origin and not r["url"].startswith("data:")
    ]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "best_practices": round(data["categories"]["best-practices"]["score"] * 100),
        "seo": round(data["categories"]["seo"]["score"] * 100),
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": len(requests),
        "third_party": len(elsewhere),
        "fcp_ms": audits["first-contentful-paint"]["numericValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
    }


RUNS = 3  # runs per page; the table shows the run with the median performance score


def median_run(url: str, extra: list[str], runs: int = RUNS) -> dict[str, float]:
    """Lighthouse ``runs`` times on ``url``: the run whose performance score is the median
    (Lighthouse's own advice, as one run varies by a few points with the machine's load)."""
    results = sorted((run_lighthouse(url, extra) for _ in range(runs)), key=lambda r: r["performance"])
    return results[len(results) // 2]


def section(site: Path) -> list[str]:
    lines = ["## Lighthouse", ""]
    if not BINARY.exists() or not Path(CHROMIUM).exists():
        return [
            *lines,
            "Not run: `npm ci --prefix benchmarks/lighthouse` and Debian's chromium are needed.",
            "",
        ]
    load = os.getloadavg()[0]
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows = []
    try:
        for name, path in PAGES.items():
            rows.append((name, "mobile (slow 4G)", median_run(base + path, [])))
        rows.append(("request form", "3G (300 ms, 700 kbit/s)", median_run(base + "/demande/", THREE_G)))
    finally:
        server.shutdown()
    lines += [
        "Lighthouse 13 (npm `lighthouse`, `benchmarks/lighthouse/package.json`) with Debian's",
        "chromium, headless, against today's site served from loopback with gzip. Mobile",
        "profile: Lighthouse's default simulated throttling (150 ms RTT, 1.6 Mbit/s, 4× CPU);",
        "3G: 300 ms RTT, 700 kbit/s, 4× CPU.",
        "",
        "Transfer: Lighthouse's total byte weight (what went over the wire, gzip), requests:",
        "every request of the page load, third party: requests to another origin. Each row is",
        f"the median of {RUNS} runs by performance score.",
        "",
        "| page | profile | performance | accessibility | best practices | SEO | transfer | requests "
        "| third party | FCP | LCP | TBT |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, profile, r in rows:
        lines.append(
            f"| {name} | {profile} | {r['performance']} | {r['accessibility']} | {r['best_practices']} "
            f"| {r['seo']} | {r['bytes'] / 1024:.1f} KiB | {r['requests']} | {r['third_party']} "
            f"| {r['fcp_ms'] / 1000:.1f} s | {r['lcp_ms'] / 1000:.1f} s | {r['tbt_ms']:.0f} ms |"
        )
    mobile = [r for _, p, r in rows if p.startswith("mobile")]
    perf_ok = all(r["performance"] >= 98 for r in mobile)
    others_ok = all(r[k] == 100 for _, _, r in rows for k in ("accessibility", "best_practices", "seo"))
    size_ok = all(r["bytes"] < 150 * 1024 for _, _, r in rows)
    third_ok = all(r["third_party"] == 0 for _, _, r in rows)
    lines += [
        "",
        f"Targets: performance ≥ 98 on mobile {'✅' if perf_ok else '❌'}, accessibility, best practices "
        f"and SEO 100 {'✅' if others_ok else '❌'}, under 150 KiB per page {'✅' if size_ok else '❌'}, "
        f"no third-party request {'✅' if third_ok else '❌'}",
        "",
        f"Recorded {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, load average {load:.1f} when "
        "the runs began (2 cores; Lighthouse's simulated throttling still counts the CPU time "
        "it observes, so a busy machine lowers performance).",
        "",
    ]
    return lines
