"""The postal-code finder gives the function's answers: for every FSA of the real
content, every municipality a shared FSA offers (chosen by its code, as the request form
sends it) and every full postal code the table lists, ``assets/finder.js`` run by node on
the generated lookup file says what ``functions.route_request.routing`` decides
(``resolve_region`` then ``route``, as ``intake.py`` calls them): the region, the
municipalities to choose from, the ERAC, the advisors the request may go to and the
first-line organisation informed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from functions.route_request.postal import PostalCode
from functions.route_request.routing import ChooseRegion, RegionFound, resolve_region, route
from functions.route_request.table import RoutingTable
from generator.finder import answer_tables, build_finder_lookup
from generator.load import load_directory
from generator.routing_table import build_routing_table

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "content_good"
FINDER_JS = ROOT / "site_src" / "docs" / "assets" / "finder.js"
SUBMISSIONS = [f"test-{i}" for i in range(16)]

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


Answer = tuple[object, ...]


def function_answer(table: RoutingTable, postal: PostalCode, municipality: str | None = None) -> Answer:
    """What the function decides for ``postal`` (and the form's ``municipality``): ("found",
    region, ERAC, advisors picked over many submissions, first-line organisations), or
    ("choose", the municipality codes the form offers)."""
    found = resolve_region(postal, table, municipality=municipality)
    if isinstance(found, ChooseRegion):
        places = [p.code for c in found.candidates for p in c.places]
        return ("choose", places or [c.code for c in found.candidates])
    assert isinstance(found, RegionFound), (postal, municipality, found)
    routings = [
        route(
            postal,
            found.code,
            found.via,
            table,
            submission_id=s,
            municipality=municipality,
            place=found.municipality,
            erac=found.erac,
        )
        for s in SUBMISSIONS
    ]
    return (
        "found",
        found.code,
        routings[0].erac,
        {r.advisor for r in routings if r.advisor},
        {r.first_line for r in routings if r.first_line},
    )


def finder_answer(got: dict[str, Any]) -> Answer:
    if got["status"] == "choose":
        return ("choose", [p["code"] for p in got.get("places") or got["regions"]])
    assert got["status"] == "found", got
    first_line = {got["firstLine"]} if got.get("firstLine") else set()
    return ("found", got["region"], got["erac"], set(got["advisors"]), first_line)


def compare(lookup: dict[str, Any], cases: list[tuple[str, str | None, Answer]]) -> list[str]:
    answers = run_finder(lookup, [(code, choice) for code, choice, _ in cases])
    return [
        f"{code} {choice or ''}: finder {finder_answer(got)}, function {want}"
        for (code, choice, want), got in zip(cases, answers, strict=True)
        if finder_answer(got) != want
    ]


def test_every_postal_area_and_municipality_gets_the_function_answer(
    real: tuple[RoutingTable, dict[str, Any]],
) -> None:
    table, lookup = real
    cases: list[tuple[str, str | None, Answer]] = []
    shared = 0
    for fsa in sorted(table.fsas):
        postal = PostalCode(f"{fsa} 9Z9")  # a code of the area that no table lists
        assert postal.value not in table.codes and postal.value not in table.postcodes
        want = function_answer(table, postal)
        cases.append((fsa, None, want))
        if want[0] == "choose":
            shared += 1
            for town in want[1]:  # type: ignore[attr-defined]
                cases.append((fsa, town, function_answer(table, postal, town)))
    assert shared >= 10 and len(cases) > len(table.fsas) + 500
    assert compare(lookup, cases) == []


def test_every_listed_full_code_gets_the_function_answer(real: tuple[RoutingTable, dict[str, Any]]) -> None:
    table, lookup = real
    codes = sorted({*table.codes, *table.postcodes})
    assert len(codes) > 1000
    cases = [(code, None, function_answer(table, PostalCode(code))) for code in codes]
    assert compare(lookup, cases) == []


def test_a_shared_area_names_the_municipality_s_own_erac(real: tuple[RoutingTable, dict[str, Any]]) -> None:
    """A shared area whose municipalities include the Îles' (their own ERAC): the finder's
    answer for each follows the municipality, as the function's does."""
    loaded = load_directory(ROOT)
    assert loaded.directory is not None
    data = build_routing_table(loaded.directory)
    iles = [c for c, m in data["municipalities"].items() if m.get("erac") == "erac-iles-de-la-madeleine"]
    gaspesie = [c for c, m in data["municipalities"].items() if m["region"] == "11" and not m.get("erac")]
    assert iles and gaspesie
    # G0C: Gaspésie towns and, here, an Îles town too
    area = data["fsas"]["G0C"]
    area["places"] = sorted({*area["places"], iles[0]})
    table = RoutingTable.from_dict(data)
    postal = PostalCode("G0C 9Z9")
    assert isinstance(resolve_region(postal, table), ChooseRegion)
    lookup = {**real[1], **answer_tables(table)}
    cases = [("G0C", None, function_answer(table, postal))]
    cases += [("G0C", iles[0], function_answer(table, postal, iles[0]))]
    cases += [("G0C", town, function_answer(table, postal, town)) for town in area["places"][:5]]
    assert cases[1][2][2] == "erac-iles-de-la-madeleine"
    assert compare(lookup, cases) == []
    [got] = run_finder(lookup, [("G0C", iles[0])])
    assert got["erac"] == "erac-iles-de-la-madeleine" and got["chosen"] is True
    assert got["place"]["name"] == data["municipalities"][iles[0]]["name"]


def test_an_area_without_municipalities_asks_the_region_as_the_form_does() -> None:
    """Content without the territory table (the test fixture): a shared FSA offers its
    regions, and each region choice gets the function's answer."""
    loaded = load_directory(GOOD)
    assert loaded.directory is not None, [e.render("en") for e in loaded.errors]
    table = RoutingTable.from_dict(build_routing_table(loaded.directory))
    lookup = build_finder_lookup(loaded.directory)
    postal = PostalCode("J0K 1A0")
    asked = resolve_region(postal, table)
    assert isinstance(asked, ChooseRegion) and not any(c.places for c in asked.candidates)
    cases: list[tuple[str, str | None, Answer]] = [("J0K", None, function_answer(table, postal))]
    for candidate in asked.candidates:
        chosen = resolve_region(postal, table, region_choice=candidate.code)
        assert isinstance(chosen, RegionFound)
        routing = route(postal, chosen.code, chosen.via, table, submission_id="x")
        cases.append(
            ("J0K", candidate.code, ("found", chosen.code, routing.erac, {routing.advisor} - {None}, set()))
        )
    assert compare(lookup, cases) == []


TWIN_CASES = [("J6E", "J6E 9Z9"), ("J0K 2R0", "J0K 2R0")]  # an FSA, a full code of a municipality


def test_advisors_tied_for_nearest_are_all_listed(real: tuple[RoutingTable, dict[str, Any]]) -> None:
    """Two advisors at the same place share the requests (the pick depends on the submission
    id): the finder lists both, as the function picks both."""
    loaded = load_directory(ROOT)
    assert loaded.directory is not None
    data = build_routing_table(loaded.directory)
    [(aid, advisor)] = [(k, a) for k, a in data["advisors"].items() if k == "sample-lanaudiere-joliette"]
    data["advisors"][aid + "-twin"] = {**advisor, "name": advisor["name"] + " (2)"}
    table = RoutingTable.from_dict(data)
    lookup = {**real[1], **answer_tables(table)}
    lookup["advisors"] = {**lookup["advisors"], aid + "-twin": lookup["advisors"][aid]}
    cases = [(code, None, function_answer(table, PostalCode(probe))) for code, probe in TWIN_CASES]
    assert cases[0][2][3] == {aid, aid + "-twin"}  # the function spreads them
    assert compare(lookup, cases) == []


def test_the_finder_reads_what_people_type(real: tuple[RoutingTable, dict[str, Any]]) -> None:
    _, lookup = real
    typed = ["j0k2r0", " J0K-2R0 ", "K1A 0B1", "12345", ""]
    got = run_finder(lookup, [(code, None) for code in typed])
    assert [g["status"] for g in got] == ["found", "found", "outside", "invalid", "invalid"]
    assert got[0]["region"] == "14" and got[0]["code"] == "J0K 2R0"
