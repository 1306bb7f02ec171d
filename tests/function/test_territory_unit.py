"""Routing with a territory table: full codes name a municipality, a shared area asks for the
municipality, a territory's own ERAC, the municipality's location, and the first-line
organisation informed when no named advisor takes the request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.postal import PostalCode, normalise_postal_code
from functions.route_request.routing import BadChoice, ChooseRegion, RegionFound, resolve_region, route
from functions.route_request.table import RoutingTable, TableError

from .conftest import valid_fields
from .fakes import FakeMailer
from .helpers import json_event, sqs_event

SID = "00000000-0000-0000-0000-00000000002a"


def code(raw: str) -> PostalCode:
    postal = normalise_postal_code(raw)
    assert postal is not None
    return postal


@pytest.fixture
def territory(raw_table: dict[str, Any]) -> RoutingTable:
    """The fixture table plus a small territory: J0K shared by Lanaudière (two towns) and
    Laurentides (one), the Îles with their own ERAC in Gaspésie's G4X, and a first-line
    organisation for a town of Nord-du-Québec's J0Y, where no advisor works."""
    raw_table["organisations"]["erac-iles"] = {
        "name": {"fr": "ERAC Îles", "en": "ERAC Îles"},
        "kind": "erac",
        "email": "erac-iles@example.org",
        "sample": True,
        "to_confirm": False,
    }
    raw_table["organisations"]["sde-jamesie"] = {
        "name": {"fr": "Développement Jamésie", "en": "Développement Jamésie"},
        "kind": "mrc",
        "email": "info@jamesie.example.org",
        "sample": True,
        "to_confirm": False,
    }
    raw_table["municipalities"] = {
        "63048": {"name": "Saint-Jacques", "region": "14", "mrc": "Montcalm", "location": [45.95, -73.57]},
        "62037": {"name": "Rawdon", "region": "14", "mrc": "Matawinie", "location": [46.04, -73.72]},
        "75040": {"name": "Sainte-Sophie", "region": "15", "mrc": "La Rivière-du-Nord"},
        "01023": {"name": "Les Îles-de-la-Madeleine", "region": "11", "mrc": "Îles", "erac": "erac-iles"},
        "11111": {"name": "Gaspé", "region": "11", "mrc": "La Côte-de-Gaspé"},
        "99015": {"name": "Matagami", "region": "10", "mrc": "Jamésie", "first_line": ["sde-jamesie"]},
    }
    raw_table["fsas"]["J0K"]["places"] = ["62037", "63048", "75040"]
    raw_table["fsas"]["G4X"]["places"] = ["01023", "11111"]
    raw_table["fsas"]["J0Y"]["places"] = ["99015"]
    raw_table["postcodes"] = {"J0K 3B0": "62037", "G4X 9Z9": "01023"}
    return RoutingTable.from_dict(raw_table)


def test_a_full_code_names_its_municipality_and_region(territory: RoutingTable) -> None:
    found = resolve_region(code("J0K 3B0"), territory)
    assert found == RegionFound(code="14", via="code", municipality="62037")
    routing = route(
        code("J0K 3B0"), found.code, found.via, territory, submission_id="x", place=found.municipality
    )
    assert routing.municipality == "62037"
    assert "Rawdon" in routing.reason["fr"]


def test_a_shared_area_lists_every_municipality_with_its_region(territory: RoutingTable) -> None:
    found = resolve_region(code("J0K 1A0"), territory, lang="en")
    assert isinstance(found, ChooseRegion)
    assert [(c.code, [p.as_dict() for p in c.places]) for c in found.candidates] == [
        (
            "14",
            [
                {"code": "62037", "name": "Rawdon", "mrc": "Matawinie"},
                {"code": "63048", "name": "Saint-Jacques", "mrc": "Montcalm"},
            ],
        ),
        ("15", [{"code": "75040", "name": "Sainte-Sophie", "mrc": "La Rivière-du-Nord"}]),
    ]


@pytest.mark.parametrize("choice", ["75040", "Sainte-Sophie", "ste sophie"])
def test_the_municipality_decides_a_shared_area(territory: RoutingTable, choice: str) -> None:
    found = resolve_region(code("J0K 1A0"), territory, municipality=choice)
    assert found == RegionFound(code="15", via="municipality", municipality="75040")


def test_a_municipality_outside_the_area_is_a_bad_choice(territory: RoutingTable) -> None:
    found = resolve_region(code("J0K 1A0"), territory, municipality="Gaspé")
    assert isinstance(found, BadChoice) and found.field == "municipality"


def test_a_municipality_choice_never_overrides_a_full_code(territory: RoutingTable) -> None:
    found = resolve_region(code("J0K 3B0"), territory, municipality="75040")
    assert found == RegionFound(code="14", via="code", municipality="62037")


def test_an_area_with_two_eracs_in_one_region_asks_even_with_the_region_chosen(
    territory: RoutingTable,
) -> None:
    # G4X holds the Îles (their own ERAC) and Gaspé (the region's): the region alone does not decide
    assert isinstance(resolve_region(code("G4X 1A1"), territory), ChooseRegion)
    assert isinstance(resolve_region(code("G4X 1A1"), territory, region_choice="11"), ChooseRegion)
    islands = resolve_region(code("G4X 1A1"), territory, municipality="01023")
    assert isinstance(islands, RegionFound) and islands.erac == "erac-iles"
    routing = route(
        code("G4X 1A1"),
        islands.code,
        islands.via,
        territory,
        submission_id="x",
        place=islands.municipality,
        erac=islands.erac,
    )
    assert routing.erac == "erac-iles" and routing.informed[0] == "erac-iles"
    assert "ERAC Îles" in routing.reason["fr"]
    by_code = resolve_region(code("G4X 9Z9"), territory)  # a full code of the Îles
    assert isinstance(by_code, RegionFound) and by_code.erac == "erac-iles"


def test_the_nearest_advisor_is_measured_from_the_municipality_when_known(territory: RoutingTable) -> None:
    # J0K has no centre; Rawdon's full code puts the request next to the Rawdon advisor
    found = resolve_region(code("J0K 3B0"), territory)
    assert isinstance(found, RegionFound)
    routing = route(
        code("J0K 3B0"), found.code, found.via, territory, submission_id="x", place=found.municipality
    )
    assert routing.advisor == "adv-rawdon"
    assert "moins de 1 km" in routing.reason["fr"]


def test_the_first_line_organisation_is_informed_when_no_named_advisor_serves(
    territory: RoutingTable,
) -> None:
    found = resolve_region(code("J0Y 1A0"), territory)
    assert found == RegionFound(code="10", via="fsa", municipality="99015")
    routing = route(
        code("J0Y 1A0"), found.code, found.via, territory, submission_id="x", place=found.municipality
    )
    assert routing.advisor is None
    assert routing.first_line == "sde-jamesie"
    assert routing.informed == ("erac-nord-du-quebec", "sde-jamesie")
    assert "Développement Jamésie" in routing.reason["fr"]


def test_no_first_line_without_a_known_municipality(territory: RoutingTable) -> None:
    routing = route(code("J0K 1A0"), "14", "choice", territory, submission_id="x")
    assert routing.first_line is None


def test_the_first_line_organisation_gets_its_own_email(
    make_app: Callable[..., App], territory: RoutingTable
) -> None:
    app = make_app(table=territory)
    response = handle(json_event(valid_fields(postal_code="J0Y 1A0")), app)
    assert response["statusCode"] == 202
    handle(sqs_event(SID), app)
    assert isinstance(app.mailer, FakeMailer)
    assert app.mailer.recipients() == [
        "erac-nord-du-quebec@example.org",
        "info@jamesie.example.org",
        "camille@example.org",
    ]


def test_the_api_answer_lists_the_municipalities(
    make_app: Callable[..., App], territory: RoutingTable
) -> None:
    import json

    app = make_app(table=territory)
    response = handle(json_event(valid_fields(postal_code="J0K 1A0")), app)
    assert response["statusCode"] == 422
    body = json.loads(response["body"])
    assert body["status"] == "choose_region"
    assert [c["code"] for c in body["candidates"]] == ["14", "15"]
    assert body["candidates"][1]["places"] == [
        {"code": "75040", "name": "Sainte-Sophie", "mrc": "La Rivière-du-Nord"}
    ]
    again = handle(json_event(valid_fields(postal_code="J0K 1A0", municipality="75040")), app)
    assert again["statusCode"] == 202 and json.loads(again["body"])["region"] == "15"


def test_a_table_naming_an_unknown_municipality_is_refused(raw_table: dict[str, Any]) -> None:
    raw_table["municipalities"] = {}
    raw_table["postcodes"] = {"J0K 3B0": "62037"}
    with pytest.raises(TableError):
        RoutingTable.from_dict(raw_table)
