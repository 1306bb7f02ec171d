"""Routing: the region, the ERAC and the advisor of a request, and why."""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from functions.route_request.postal import PostalCode, normalise_postal_code
from functions.route_request.routing import (
    BadChoice,
    ChooseRegion,
    OutsideQuebec,
    RegionFound,
    UnknownArea,
    pick_advisor,
    resolve_region,
    route,
)
from functions.route_request.settings import DEFAULT_ROUTING_TABLE
from functions.route_request.table import RoutingTable, TableError, load_table

from .conftest import REGIONS
from .strategies import FIRST_QUEBEC, postal_codes


def code(raw: str) -> PostalCode:
    postal = normalise_postal_code(raw)
    assert postal is not None
    return postal


def test_every_region_of_the_fixture_is_reached(table: RoutingTable) -> None:
    reached = set()
    for region_code, (_slug, _fr, _en, fsa, _centre) in REGIONS.items():
        found = resolve_region(code(f"{fsa}1A1"), table)
        assert found == RegionFound(code=region_code, via="fsa")
        routing = route(code(f"{fsa}1A1"), found.code, found.via, table, submission_id="x")
        assert routing.erac == f"erac-{REGIONS[region_code][0]}"
        reached.add(routing.region_code)
    assert reached == set(REGIONS)


def test_full_code_wins_over_the_shared_fsa(table: RoutingTable) -> None:
    assert resolve_region(code("J0K 2R0"), table) == RegionFound(code="14", via="code")


def test_shared_fsa_asks_to_choose(table: RoutingTable) -> None:
    found = resolve_region(code("J0K 1A0"), table, lang="en")
    assert isinstance(found, ChooseRegion)
    assert [c.as_dict() for c in found.candidates] == [
        {"code": "14", "name": "Lanaudière", "municipalities": ["Saint-Jacques", "Rawdon"], "places": []},
        {"code": "15", "name": "Laurentides", "municipalities": ["Sainte-Sophie"], "places": []},
    ]


def test_region_choice_among_candidates_routes_there(table: RoutingTable) -> None:
    assert resolve_region(code("J0K 1A0"), table, region_choice="15") == RegionFound(code="15", via="choice")


def test_region_choice_not_offered_is_refused(table: RoutingTable) -> None:
    assert isinstance(resolve_region(code("J0K 1A0"), table, region_choice="06"), BadChoice)


def test_outside_quebec_points_to_own_province(table: RoutingTable) -> None:
    found = resolve_region(code("K1A 0B1"), table, lang="en")
    assert isinstance(found, OutsideQuebec)
    assert "Ontario" in found.message and "provincial" in found.message


def test_quebec_fsa_absent_from_table(table: RoutingTable) -> None:
    assert resolve_region(code("G0A 1A0"), table) == UnknownArea(fsa="G0A")


def test_nearest_advisor_wins_and_ties_spread_fairly(table: RoutingTable) -> None:
    picks = Counter(
        pick_advisor(table, region_code="06", fsa="H2X", submission_id=f"id-{i}").advisor.id  # type: ignore[union-attr]
        for i in range(400)
    )
    # adv-montreal-a and -b are 0.07 km apart (tied); -far is 25 km away: never picked.
    assert set(picks) == {"adv-montreal-a", "adv-montreal-b"}
    assert min(picks.values()) > 150


def test_same_submission_picks_the_same_advisor(table: RoutingTable) -> None:
    first = pick_advisor(table, region_code="05", fsa="J1H", submission_id="abc")
    again = pick_advisor(table, region_code="05", fsa="J1H", submission_id="abc")
    assert first == again and first.tied == 2 and first.distance_km is None


def test_advisor_with_location_beats_one_without(table: RoutingTable) -> None:
    for i in range(20):
        pick = pick_advisor(table, region_code="13", fsa="H7N", submission_id=str(i))
        assert pick.advisor is not None and pick.advisor.id == "adv-laval-near"


def test_chosen_municipality_narrows_to_its_advisor(table: RoutingTable) -> None:
    pick = pick_advisor(table, region_code="14", fsa="J0K", submission_id="x", municipality="rawdon")
    assert pick.advisor is not None and pick.advisor.id == "adv-rawdon" and pick.by == "municipality"


def test_no_advisor_means_the_erac_alone(table: RoutingTable) -> None:
    routing = route(code("J0Y 1A0"), "10", "fsa", table, submission_id="x")
    assert routing.advisor is None
    assert routing.informed == ("erac-nord-du-quebec",)
    assert "seule" in routing.reason["fr"] and "alone" in routing.reason["en"]


def test_routing_reason_names_region_and_advisor(table: RoutingTable) -> None:
    routing = route(code("J6E 1A1"), "14", "fsa", table, submission_id="x")
    assert routing.advisor == "adv-joliette"
    assert routing.informed == ("erac-lanaudiere", "adv-joliette")
    assert "Lanaudière (14)" in routing.reason["fr"] and "Conseiller adv-joliette" in routing.reason["en"]


def test_malformed_table_is_refused(raw_table: dict) -> None:
    raw_table["fsas"]["H2X"]["regions"] = ["99"]
    with pytest.raises(TableError):
        RoutingTable.from_dict(raw_table)
    del raw_table["regions"]
    with pytest.raises(TableError):
        RoutingTable.from_dict(raw_table)


def test_missing_table_file(tmp_path: Path) -> None:
    with pytest.raises(TableError, match="generator build"):
        load_table(tmp_path / "nope.json")


quebec_codes = postal_codes(FIRST_QUEBEC)


def _check_one_region_or_choice(table: RoutingTable, raw: str) -> None:
    postal = code(raw)
    found = resolve_region(postal, table)
    if postal.fsa not in table.fsas and postal.value not in table.codes:
        assert isinstance(found, UnknownArea)
        return
    assert isinstance(found, RegionFound | ChooseRegion)
    if isinstance(found, RegionFound):
        assert found.code in table.regions
        routing = route(
            postal, found.code, found.via, table, submission_id=raw, place=found.municipality, erac=found.erac
        )
        assert routing.region_code == found.code
        assert routing.erac == (found.erac or table.regions[found.code].erac)
    else:
        assert len(found.candidates) >= 2
        for candidate in found.candidates:
            chosen = resolve_region(postal, table, region_choice=candidate.code)
            # the region decides, unless that region reaches two ERACs in the area
            assert isinstance(chosen, RegionFound | ChooseRegion)
            if isinstance(chosen, RegionFound):
                assert (chosen.code, chosen.via) == (candidate.code, "choice")
            for place in candidate.places:
                by_town = resolve_region(postal, table, municipality=place.code)
                assert isinstance(by_town, RegionFound)
                assert (by_town.code, by_town.municipality) == (candidate.code, place.code)


@given(raw=quebec_codes, fsa_index=st.integers(0, 100), use_table_fsa=st.booleans())
def test_every_quebec_code_routes_to_one_region_or_an_explicit_choice(
    raw: str, fsa_index: int, use_table_fsa: bool
) -> None:
    from .conftest import FIXTURE_TABLE

    if use_table_fsa:  # most random codes fall outside the table: aim at its FSAs half the time
        fsas = sorted(FIXTURE_TABLE.fsas)
        raw = fsas[fsa_index % len(fsas)] + raw[3:]
    _check_one_region_or_choice(FIXTURE_TABLE, raw)


@functools.cache
def _real_table() -> RoutingTable:
    return RoutingTable.from_dict(json.loads(DEFAULT_ROUTING_TABLE.read_text(encoding="utf-8")))


@pytest.mark.skipif(not DEFAULT_ROUTING_TABLE.exists(), reason="routing_table.json not built yet")
@settings(max_examples=300, deadline=None)
@given(raw=quebec_codes, fsa_index=st.integers(0, 10_000))
def test_real_table_routes_every_quebec_code(raw: str, fsa_index: int) -> None:
    table = _real_table()
    fsas = sorted(table.fsas)
    if fsas:
        raw = fsas[fsa_index % len(fsas)] + raw[3:]
    _check_one_region_or_choice(table, raw)
