"""The postal-code finder gives the function's answers: for every FSA of the real
content (and every region choice of a shared one, and every full code the table lists),
``assets/finder.js`` run by node on the generated lookup file says what
``functions.route_request.routing`` decides: the region, the regions to choose from, the
ERAC and the advisors the request may go to."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from functions.route_request.postal import PostalCode
from functions.route_request.routing import ChooseRegion, RegionFound, pick_advisor, resolve_region, route
from functions.route_request.table import RoutingTable
from generator.finder import build_finder_lookup
from generator.load import load_directory
from generator.routing_table import build_routing_table

ROOT = Path(__file__).resolve().parents[2]
FINDER_JS = ROOT / "site_src" / "docs" / "assets" / "finder.js"
SUBMISSIONS = [f"test-{i}" for i in range(40)]

RUN_FINDER = """
const finder = require(process.argv[1]);
const data = JSON.parse(require("fs").readFileSync(0, "utf8"));
const queries = data.queries;
process.stdout.write(JSON.stringify(queries.map(([code, choice]) => finder.find(data.lookup, code, choice))));
"""


def run_finder(lookup: dict[str, Any], queries: list[tuple[str, str | None]]) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI"):
            pytest.fail("node is needed to run the finder's script")
        pytest.skip("node not installed")
    result = subprocess.run(
        [node, "-e", RUN_FINDER, str(FINDER_JS)],
        input=json.dumps({"lookup": lookup, "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def real() -> tuple[RoutingTable, dict[str, Any]]:
    loaded = load_directory(ROOT)
    assert loaded.directory is not None, [e.render("en") for e in loaded.errors]
    table = RoutingTable.from_dict(build_routing_table(loaded.directory))
    return table, build_finder_lookup(loaded.directory)


def function_erac(table: RoutingTable, postal: PostalCode, found: RegionFound) -> str:
    return route(postal, found.code, found.via, table, submission_id="test").erac


def function_advisors(table: RoutingTable, region: str, fsa: str) -> set[str]:
    """The advisors the function picks for requests from ``fsa`` in ``region``."""
    picks = (pick_advisor(table, region_code=region, fsa=fsa, submission_id=s).advisor for s in SUBMISSIONS)
    return {a.id for a in picks if a is not None}


def test_every_postal_area_gets_the_function_answer(real: tuple[RoutingTable, dict[str, Any]]) -> None:
    table, lookup = real
    queries: list[tuple[str, str | None]] = []
    expected: list[tuple[str, object]] = []
    for fsa in sorted(table.fsas):
        postal = PostalCode(f"{fsa} 9Z9")  # a code of the area that ``codes`` does not list
        assert postal.value not in table.codes
        decision = resolve_region(postal, table)
        queries.append((fsa, None))
        if isinstance(decision, RegionFound):
            advisors = function_advisors(table, decision.code, fsa)
            expected.append((fsa, ("found", decision.code, function_erac(table, postal, decision), advisors)))
        else:
            assert isinstance(decision, ChooseRegion), (fsa, decision)
            expected.append((fsa, ("choose", [c.code for c in decision.candidates])))
            for candidate in decision.candidates:
                chosen = resolve_region(postal, table, region_choice=candidate.code)
                assert isinstance(chosen, RegionFound)
                queries.append((fsa, candidate.code))
                advisors = function_advisors(table, chosen.code, fsa)
                expected.append((fsa, ("found", chosen.code, function_erac(table, postal, chosen), advisors)))
    for code, region in sorted(table.codes.items()):
        decision = resolve_region(PostalCode(code), table)
        assert isinstance(decision, RegionFound) and decision.code == region
        queries.append((code, None))
        erac = function_erac(table, PostalCode(code), decision)
        expected.append((code, ("found", region, erac, function_advisors(table, region, code[:3]))))

    answers = run_finder(lookup, queries)
    assert len(answers) == len(expected) > 400
    mismatches = []
    for (code, want), got in zip(expected, answers, strict=True):
        if want[0] == "found":
            have: object = ("found", got.get("region"), got.get("erac"), set(got.get("advisors", [])))
        else:
            have = ("choose", [c["r"] for c in got.get("choices", [])])
        if have != want:
            mismatches.append(f"{code}: finder {have}, function {want}")
    assert mismatches == []


def test_the_finder_reads_what_people_type(real: tuple[RoutingTable, dict[str, Any]]) -> None:
    _, lookup = real
    typed = ["j0k2r0", " J0K-2R0 ", "K1A 0B1", "12345", ""]
    got = run_finder(lookup, [(code, None) for code in typed])
    assert [g["status"] for g in got] == ["found", "found", "outside", "invalid", "invalid"]
    assert got[0]["region"] == "14" and got[0]["code"] == "J0K 2R0"
