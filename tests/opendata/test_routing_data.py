"""The routing open data (regions, MRCs, municipalities, postal areas) says what the
function does: every municipality and every postal area of the real content is routed by
functions/route_request/routing.py and compared with its row."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from functions.route_request.postal import PostalCode
from functions.route_request.routing import ChooseRegion, RegionFound, resolve_region, route
from functions.route_request.table import RoutingTable
from generator.directory import Directory
from generator.hsds import record_uuid
from generator.load import load_directory
from generator.opendata import TERRITORY_TABLES, datapackage, write_open_data
from generator.routing_data import build_routing_data, mrc_id
from generator.routing_table import build_routing_table
from generator.vocab import RegionCode

ROOT = Path(__file__).resolve().parents[2]
MAMH = "https://www.donneesquebec.ca/recherche/dataset/repertoire-des-municipalites-du-quebec"


@pytest.fixture(scope="module")
def directory() -> Directory:
    result = load_directory(ROOT)
    assert result.directory is not None, result.errors[:3]
    return result.directory


def unlisted_code(fsa: str, table: RoutingTable) -> PostalCode:
    """A code of ``fsa`` that no table lists in full, so only the FSA (and a choice) decide."""
    for ldu in ("9Z9", "9Y9", "9X9"):
        postal = PostalCode(f"{fsa} {ldu}")
        if postal.value not in table.postcodes and postal.value not in table.codes:
            return postal
    raise AssertionError(fsa)


def routed_erac(table: RoutingTable, postal: PostalCode, found: RegionFound) -> tuple[str, str]:
    """(region code, ERAC id) the function sends a request to, once the region is found."""
    routing = route(
        postal,
        found.code,
        found.via,
        table,
        submission_id="open-data-test",
        place=found.municipality,
        erac=found.erac,
    )
    return routing.region_code, routing.erac


def function_outcomes(table: RoutingTable, fsa: str) -> tuple[bool, set[tuple[str, str]]]:
    """Whether the function answers on ``fsa`` alone, and every (region, ERAC) it can send a
    request of that FSA to: each municipality of the FSA chosen, and each region chosen."""
    postal = unlisted_code(fsa, table)
    alone = resolve_region(postal, table)
    outcomes: set[tuple[str, str]] = set()
    if isinstance(alone, RegionFound):
        outcomes.add(routed_erac(table, postal, alone))
        return True, outcomes
    assert isinstance(alone, ChooseRegion), (fsa, alone)
    for code in table.fsas[fsa].places:
        found = resolve_region(postal, table, municipality=code)
        assert isinstance(found, RegionFound), (fsa, code, found)
        outcomes.add(routed_erac(table, postal, found))
    for region in table.fsas[fsa].regions:
        found = resolve_region(postal, table, region_choice=region)
        if isinstance(found, RegionFound):
            outcomes.add(routed_erac(table, postal, found))
    return False, outcomes


def check_against_function(directory: Directory) -> list[str]:
    """Every disagreement between the routing open data and the function, one line each."""
    records = build_routing_data(directory)
    table = RoutingTable.from_dict(build_routing_table(directory))
    problems = []
    for row in records["municipality"]:
        for fsa in str(row["fsas"]).split(";"):
            postal = unlisted_code(fsa, table)
            found = resolve_region(postal, table, municipality=str(row["code"]))
            if not isinstance(found, RegionFound):
                problems.append(
                    f"municipality {row['code']} in {fsa}: the function does not route it ({found})"
                )
                continue
            expected = routed_erac(table, postal, found)
            if (row["region_code"], row["erac_id"]) != expected:
                problems.append(f"municipality {row['code']} in {fsa}: {row['erac_id']}, function {expected}")
    by_fsa: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in records["postal_area"]:
        by_fsa[str(row["fsa"])].append(row)
    for fsa, rows in sorted(by_fsa.items()):
        decides, outcomes = function_outcomes(table, fsa)
        ours = {(str(r["region_code"]), str(r["erac_id"])) for r in rows}
        if ours != outcomes:
            problems.append(f"postal area {fsa}: {sorted(ours)}, function {sorted(outcomes)}")
        if any(r["fsa_decides"] != decides for r in rows):
            problems.append(f"postal area {fsa}: fsa_decides is not {decides}")
    return problems


@pytest.mark.real_content
def test_every_municipality_and_postal_area_goes_where_the_function_sends_it(directory: Directory) -> None:
    assert check_against_function(directory) == []


@pytest.mark.real_content
def test_the_iles_go_to_their_own_erac_in_both_tables(directory: Directory) -> None:
    records = build_routing_data(directory)
    iles = [m for m in records["municipality"] if m["mrc_name"] == "Agglomération des Îles-de-la-Madeleine"]
    assert iles and {m["erac_id"] for m in iles} == {"erac-iles-de-la-madeleine"}
    areas = {a["fsa"]: a for a in records["postal_area"] if a["fsa"] in ("G4T", "G0B")}
    assert {a["erac_id"] for a in areas.values()} == {"erac-iles-de-la-madeleine"}
    assert areas["G4T"]["erac_organization_id"] == record_uuid("organization", "erac-iles-de-la-madeleine")
    gaspe = next(m for m in records["municipality"] if m["name"] == "Gaspé")
    assert gaspe["erac_id"] == directory.region_by_code("11").erac != "erac-iles-de-la-madeleine"


def with_own_erac(directory: Directory, region_id: str, mrc_name: str, erac: str) -> Directory:
    """``directory`` where one MRC has its own ERAC (as the Îles have)."""
    territory = directory.territories[region_id]
    mrcs = [m.model_copy(update={"erac": erac}) if m.name == mrc_name else m for m in territory.mrcs]
    territories = {**directory.territories, region_id: territory.model_copy(update={"mrcs": mrcs})}
    return Directory(
        regions=directory.regions,
        organisations=directory.organisations,
        advisors=directory.advisors,
        programs=directory.programs,
        territories=territories,
    )


@pytest.mark.real_content
def test_an_fsa_reaching_two_eracs_of_a_region_has_a_row_per_erac(directory: Directory) -> None:
    # GIVEN La Côte-de-Gaspé with an ERAC of its own, while its FSA G0E (in no other
    # region) also holds municipalities of La Haute-Gaspésie
    split = with_own_erac(
        directory, "gaspesie-iles-de-la-madeleine", "La Côte-de-Gaspé", "erac-iles-de-la-madeleine"
    )
    records = build_routing_data(split)
    rows = [r for r in records["postal_area"] if r["fsa"] == "G0E"]
    # THEN one row per ERAC, each with its own municipalities, and the FSA no longer decides
    gaspesie = directory.region_by_code("11").erac
    assert sorted(r["id"] for r in rows) == sorted([f"G0E-11-{gaspesie}", "G0E-11-erac-iles-de-la-madeleine"])
    assert all(r["fsa_decides"] is False and r["shared"] is False for r in rows)
    own = next(r for r in rows if r["erac_id"] == "erac-iles-de-la-madeleine")
    cote = {
        m["code"]
        for m in records["municipality"]
        if m["mrc_name"] == "La Côte-de-Gaspé" and "G0E" in m["fsas"]
    }
    assert set(own["municipality_codes"].split(";")) == cote
    # and the function agrees, row by row
    assert check_against_function(split) == []


@pytest.mark.real_content
def test_the_comparison_catches_a_wrong_erac(directory: Directory, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.routing_data as routing_data

    # the Îles' rows given their region's ERAC, as before this table followed the territory
    monkeypatch.setattr(routing_data, "_mrc_erac", lambda mrc, region: region.erac)
    problems = check_against_function(directory)
    assert any(p.startswith("municipality 01023 in G4T") for p in problems), problems
    assert any(p.startswith("postal area G4T") for p in problems), problems


@pytest.mark.real_content
def test_every_municipality_of_the_content_appears_once(directory: Directory) -> None:
    records = build_routing_data(directory)
    content = [m.code for t in directory.territories.values() for mrc in t.mrcs for m in mrc.municipalities]
    exported = Counter(str(m["code"]) for m in records["municipality"])
    assert exported == Counter(set(content)) and len(content) == len(set(content))
    assert len(exported) > 1000  # every municipality of Québec (MAMH's Répertoire has 1,130)


@pytest.mark.real_content
def test_every_mrc_resolves_and_its_region_is_one_of_the_17(directory: Directory) -> None:
    records = build_routing_data(directory)
    regions = {r["code"]: r for r in records["region"]}
    assert set(regions) == {code.value for code in RegionCode} and len(regions) == 17
    mrcs = {m["id"]: m for m in records["mrc"]}
    assert len(mrcs) == len(records["mrc"])
    codes = [m["code"] for m in records["mrc"] if "code" in m]
    assert len(codes) == len(set(codes)) and all(len(c) == 3 and c.isdigit() for c in codes)
    per_mrc = Counter(str(m["mrc_id"]) for m in records["municipality"])
    for m in records["municipality"]:
        mrc = mrcs[m["mrc_id"]]
        assert (m["mrc_name"], m.get("mrc_code"), m["region_code"]) == (
            mrc["name"],
            mrc.get("code"),
            mrc["region_code"],
        )
        assert m["region_code"] in regions
        assert (m["region_name"], m["region_name_en"]) == (
            regions[m["region_code"]]["name"],
            regions[m["region_code"]]["name_en"],
        )
        assert m["erac_id"] == mrc["erac_id"]
    assert per_mrc == {ident: mrc["municipalities"] for ident, mrc in mrcs.items()}
    # the Répertoire's codes: Montcalm is 630, an agglomeration has none
    assert mrcs[mrc_id("14", "Montcalm")]["code"] == "630"
    assert "code" not in mrcs[mrc_id("06", "Agglomération de Montréal")]


@pytest.mark.real_content
def test_each_municipality_lies_in_postal_areas_that_route_it(directory: Directory) -> None:
    records = build_routing_data(directory)
    areas = defaultdict(set)
    for area in records["postal_area"]:
        for code in str(area.get("municipality_codes", "")).split(";"):
            areas[code].add((area["fsa"], area["region_code"], area["erac_id"]))
    for m in records["municipality"]:
        expected = {(fsa, m["region_code"], m["erac_id"]) for fsa in str(m["fsas"]).split(";")}
        assert areas[m["code"]] == expected, m["code"]


@pytest.mark.real_content
def test_territory_resources_carry_their_sources_and_licence(directory: Directory, tmp_path: Path) -> None:
    package = datapackage(dt.date(2026, 11, 29), directory)
    names = [r["name"] for r in package["resources"]]
    paths = [r["path"] for r in package["resources"]]
    assert len(names) == len(set(names)) and len(paths) == len(set(paths))
    for resource in package["resources"]:
        table = resource["name"].removesuffix("-json")
        if table not in TERRITORY_TABLES:
            continue
        assert MAMH in {s.get("path") for s in resource["sources"]}, resource["name"]
        assert [lic["name"] for lic in resource["licenses"]] == ["CC-BY-4.0"]
        assert "MAMH" in resource["licenses"][0]["title"] and "MAMH" in resource["description"]
    assert {"mrcs.csv", "mrcs.json", "municipalities.csv", "municipalities.json"} <= set(paths)
    assert MAMH in {s.get("path") for s in package["sources"]}
    written = write_open_data(directory, tmp_path, date=dt.date(2026, 11, 29))
    out = tmp_path / "site_src" / "docs" / "donnees"
    assert out / "municipalities.csv" in written
    rows = json.loads((out / "municipalities.json").read_text(encoding="utf-8"))
    assert len(rows) == len(build_routing_data(directory)["municipality"])
