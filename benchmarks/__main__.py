"""``make bench``: measure, print, and record the figures in docs/benchmarks.md.

    python -m benchmarks [--quick] [--no-lighthouse]

Each section says how it was measured; the targets come from the issues
(region page < 30 KB gzipped, search data < 500 KB gzipped per language, function
cold start within 30 ms of a bare boto3 baseline, warm routing < 1 ms, Lighthouse
performance ≥ 95 and accessibility 100).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from datetime import date
from pathlib import Path

from benchmarks import edit_preview, function_latency, lighthouse, router_choice, site_build

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "docs" / "benchmarks.md"


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def verdict(ok: bool) -> str:
    return "✅" if ok else "❌"


def site_section(results: list[site_build.BuildResult]) -> list[str]:
    lines = [
        "## Site build and weight",
        "",
        "Each scenario is a self-contained copy of `mkdocs.yml`, `site_src/`, `content/` and",
        "`generator/`, built by `mkdocs build --strict` in a fresh process (the generator hook",
        "loads, validates and renders the content inside that build, as `make build` does).",
        "The synthetic scales clone organisations, advisors and programs under new ids",
        "(`benchmarks/synthetic.py`); the 17 regions stay real. Sizes are bytes on disk;",
        "gzip is level 6, what a static host would send.",
        "",
        "| scenario | organisations | advisors | programs | build | HTML pages | site size "
        "| median page | largest page | search index (gzip) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        index = r.search_index.get("fr", (0, 0))
        lines.append(
            f"| {r.name} | {r.records['organisations']} | {r.records['advisors']} | {r.records['programs']} "
            f"| {r.seconds:.1f} s | {r.pages} | {r.site_bytes / 1e6:.1f} MB | {kb(r.median_page)} "
            f"| {kb(r.largest_page)} | {kb(index[0])} ({kb(index[1])}) |"
        )
    lines += [
        "",
        "The search index is one file for both languages (mkdocs-static-i18n with",
        "`reconfigure_search`); region sections below the summary and program bodies are",
        "excluded from it, so it grows with titles and summaries, not with full pages.",
        "",
    ]
    for r in results:
        lines += [
            f"### Page weight per kind — {r.name}",
            "",
            "| page kind | lang | HTML | HTML gzip | CSS (gzip) | JS (gzip) | total gzip |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for w in r.weights:
            total = w.html_gzip + w.css_gzip + w.js_gzip
            lines.append(
                f"| {w.kind} | {w.lang} | {kb(w.html)} | {kb(w.html_gzip)} | {kb(w.css)} ({kb(w.css_gzip)}) "
                f"| {kb(w.js)} ({kb(w.js_gzip)}) | {kb(total)} |"
            )
        region = [w.html_gzip for w in r.weights if w.kind == "region"]
        index_gz = r.search_index.get("fr", (0, 0))[1]
        lines += [
            "",
            f"- Region page HTML gzipped: {kb(max(region))} — target < 30 KB {verdict(max(region) < 30_000)}",
            f"- Search data gzipped (both languages): {kb(index_gz)} — target < 500 KB per language "
            f"{verdict(index_gz < 500_000)}",
            "",
        ]
    return lines


def function_section(
    cold: function_latency.ColdStart, warm: function_latency.Warm, load: tuple[float, ...]
) -> list[str]:
    """``load``: the machine's load average (1, 5, 15 min) when the cold start was measured."""
    return [
        "## Function: cold start and warm latency",
        "",
        "Cold start: median of "
        f"{cold.samples} fresh processes each (interpreter start-up excluded), alternated. The",
        "function imports `lambda_entry` the way Lambda does and answers one real JSON form post",
        "(`tests/events/api_json_post.json`, new submission id) with the `aws` backend, its",
        "DynamoDB/SQS/SES v2 clients pointed at a moto server on loopback: import, settings,",
        "routing table, three clients, validate, route, conditional PutItem, SendMessage,",
        "UpdateItem (queued). It is imported from the artefact `sam build` made (`make sam`:",
        "`.aws-sam/build/RouteRequestFunction`), run under "
        f"{cold.interpreter}; the package's bytecode: {', '.join(cold.pycache) or 'none (source only)'}.",
        "The baseline is `import boto3`, the same three clients and the same three calls",
        "against the same server, so the difference is Relais' own code, including the calls",
        f"the baseline does not make: {cold.function_calls} AWS API calls for the function's request",
        f"against {cold.baseline_calls} (counted at the moto server, each a round trip to it).",
        "Load average when measured:",
        f"{'/'.join(f'{x:.1f}' for x in load)} (1/5/15 min, {os.cpu_count()} cores).",
        "",
        "| measure | baseline (bare boto3) | route_request | difference |",
        "|---|---:|---:|---:|",
        f"| import (+ clients for the baseline) | {cold.baseline_import_ms:.1f} ms "
        f"| {cold.function_import_ms:.1f} ms | |",
        f"| import + first request | {cold.baseline_total_ms:.1f} ms | {cold.function_total_ms:.1f} ms "
        f"| {cold.overhead_ms:+.1f} ms |",
        "",
        f"Target: within 30 ms of the baseline — {verdict(cold.overhead_ms <= 30)}",
        "",
        "Warm: in one process, the routing decision (normalise, resolve region, pick advisor,",
        f"reason in both languages) for one code in each of the {warm.fsas} FSAs of the real table",
        "(a shared FSA with the requester's choice), repeated; and the whole intake (validate →",
        "route → record → queue) with the in-memory store and queue of the tests.",
        "",
        "| measure | median | p99 |",
        "|---|---:|---:|",
        f"| routing decision | {warm.route_us:.1f} µs | {warm.route_p99_us:.1f} µs |",
        f"| whole intake, in-memory adapters | {warm.intake_us:.1f} µs | |",
        "",
        f"Target: warm routing under 1 ms — {verdict(warm.route_p99_us < 1000)}",
        "",
    ]


def splice(section: list[str], before: str = "## Function: cold start") -> None:
    """Replace the section of docs/benchmarks.md with the same ``## `` heading by ``section``,
    or insert it before the heading ``before`` (the other sections keep their figures)."""
    text = OUTPUT.read_text(encoding="utf-8")
    body = "\n".join(section).rstrip() + "\n"
    if section[0] + "\n" in text:
        start = text.index(section[0] + "\n")
        end = text.find("\n## ", start + 1)
        new = text[:start] + body + (text[end:] if end != -1 else "")
    else:
        at = text.index(before)
        new = text[:at] + body + "\n" + text[at:]
    OUTPUT.write_text(new, encoding="utf-8")
    print("\n".join(section))


def lighthouse_only() -> int:
    """Rebuild today's site, rerun Lighthouse and splice its section into docs/benchmarks.md."""
    with tempfile.TemporaryDirectory(prefix="relais-bench-") as work:
        site_build.run(Path(work), {"today": 1})
        splice(lighthouse.section(Path(work) / "today" / "site"))
    return 0


def edit_previews(work: Path, results: list[site_build.BuildResult], quick: bool) -> list[str]:
    """Both loops on each built scenario under ``work``: the edit-to-preview section."""
    previews = []
    for result in results:
        root = work / result.name.replace(" ", "-")
        for loop in ("full", "fast"):
            print(f"edit to preview: {result.name}, {loop}…", file=sys.stderr)
            edits = 2 if quick or (loop == "full" and result.records["organisations"] > 1000) else 3
            previews.append(edit_preview.measure(result.name, root, loop=loop, edits=edits))
    return edit_preview.section(previews, {r.name: r.records for r in results})


def edit_preview_only(scales: dict[str, int], quick: bool) -> int:
    """Build the scenarios, measure both edit-to-preview loops, splice that section in."""
    with tempfile.TemporaryDirectory(prefix="relais-bench-") as work:
        results = site_build.run(Path(work), scales)
        splice(edit_previews(Path(work), results, quick))
    return 0


def function_only(quick: bool) -> int:
    """Measure the function's cold start (from the `sam build` artefact) and warm latency,
    and splice that section in."""
    load = os.getloadavg()
    cold = function_latency.cold_start(samples=5 if quick else 15)
    warm = function_latency.warm(rounds=2 if quick else 5)
    splice(function_section(cold, warm, load))
    return 0


def router_section(cost: router_choice.RouterCost | None) -> list[str]:
    lines = [
        "## Function: a router for the growing routes?",
        "",
        "The function now answers five routes (the form post, an action link's page and its",
        "POST, the status page, the statistics). Powertools for AWS Lambda's",
        "`APIGatewayHttpResolver` would route them by decorators; the function does it by hand",
        "(`handler.handle_http`: a prefix test on `rawPath`, then the lifecycle module loaded",
        "only on those paths). Cost of each on a cold start: median of fresh processes",
        "(interpreter start-up excluded), Powertools from a throwaway virtual environment",
        "(`benchmarks/router_choice.py`), routing one real event (`tests/events/api_action_get.json`).",
        "",
    ]
    if cost is None:
        return [*lines, "Not measured in this run (`--no-powertools`).", ""]
    return [
        *lines,
        "| measure | Powertools " + cost.version + " | hand-written dispatch |",
        "|---|---:|---:|",
        f"| import | {cost.powertools_import_ms:.1f} ms | 0 ms (nothing to import) |",
        f"| import + resolver + one routed call | {cost.powertools_total_ms:.1f} ms "
        f"| {cost.hand_total_ms * 1000:.0f} µs |",
        "",
        "Choice: keep the hand-written dispatch. Five routes fit in one readable `if`, and",
        "Powertools' import alone would spend most of the 30 ms cold-start budget of the form",
        "post several times over (it is also one more dependency to package and audit).",
        "Revisit if the routes outgrow a screenful or need Powertools' validation and OpenAPI.",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer samples, today's content only")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--lighthouse-only",
        action="store_true",
        help="build today's site and replace only the Lighthouse section of docs/benchmarks.md",
    )
    parser.add_argument(
        "--edit-preview-only",
        action="store_true",
        help="build the scenarios, measure edit to preview (full rebuild and fast path) and "
        "replace only that section of docs/benchmarks.md",
    )
    parser.add_argument(
        "--function-only",
        action="store_true",
        help="measure the function's cold start and warm latency and replace only that section",
    )
    parser.add_argument(
        "--no-powertools", action="store_true", help="skip the router comparison (it pip-installs Powertools)"
    )
    args = parser.parse_args(argv)
    if args.lighthouse_only:
        return lighthouse_only()
    scales = {"today": 1} if args.quick else {"today": 1, "10×": 10}
    if args.edit_preview_only:
        return edit_preview_only(scales, args.quick)
    if args.function_only:
        return function_only(args.quick)

    lines = [
        "# Benchmarks",
        "",
        f"Recorded by `make bench` (`python -m benchmarks`) on {date.today().isoformat()}: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        "Figures vary a few percent from run to run; the targets are what matter.",
        "",
    ]
    with tempfile.TemporaryDirectory(prefix="relais-bench-") as work:
        print("site builds…", file=sys.stderr)
        results = site_build.run(Path(work), scales)
        lines += site_section(results)
        if not args.no_lighthouse:
            print("lighthouse…", file=sys.stderr)
            lines += lighthouse.section(Path(work) / "today" / "site")
        lines += edit_previews(Path(work), results, args.quick)
    print("function cold start and warm latency…", file=sys.stderr)
    load = os.getloadavg()
    cold = function_latency.cold_start(samples=5 if args.quick else 15)
    warm = function_latency.warm(rounds=2 if args.quick else 5)
    lines += function_section(cold, warm, load)
    if not args.no_powertools:
        print("Powertools router against the hand-written dispatch…", file=sys.stderr)
    lines += router_section(
        None if args.no_powertools else router_choice.measure(samples=5 if args.quick else 15)
    )

    text = "\n".join(lines).rstrip() + "\n"
    OUTPUT.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
