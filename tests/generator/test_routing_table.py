"""The routing table has the documented shape, only what routing needs, and is
byte-for-byte reproducible."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.directory import Directory
from generator.load import load_directory
from generator.routing_table import build_routing_table, table_version, write_routing_table


@pytest.fixture(scope="module")
def directory() -> Directory:
    result = load_directory(Path(__file__).resolve().parents[1] / "fixtures" / "content_good")
    assert result.directory is not None, [e.render() for e in result.errors]
    return result.directory


@pytest.fixture(scope="module")
def table(directory: Directory) -> dict[str, Any]:
    return build_routing_table(directory)


def test_the_table_has_exactly_the_documented_sections(table: dict[str, Any]) -> None:
    assert sorted(table) == ["advisors", "codes", "fsas", "organisations", "regions", "version"]


def test_regions_are_keyed_by_official_code(table: dict[str, Any]) -> None:
    assert list(table["regions"]) == [f"{n:02d}" for n in range(1, 18)]
    assert table["regions"]["14"] == {
        "slug": "lanaudiere",
        "name": {"fr": "Lanaudière", "en": "Lanaudière"},
        "erac": "erac-lanaudiere",
    }


def test_only_eracs_and_advisors_organisations_are_listed_each_with_an_email(table: dict[str, Any]) -> None:
    organisations = table["organisations"]
    assert "investissement-quebec" not in organisations  # a funder: routing never needs it
    assert "cld-joliette" in organisations  # an advisor's organisation
    assert all(org["email"] for org in organisations.values())
    assert organisations["erac-lanaudiere"] == {
        "name": {"fr": "ERAC Lanaudière", "en": "Lanaudière ERAC"},
        "kind": "erac",
        "email": "info@lanaudiere-economique.example.ca",
        "sample": False,
        "to_confirm": False,
    }
    assert organisations["erac-laval"]["sample"] is True


def test_an_fsa_of_one_region_has_its_centre(table: dict[str, Any]) -> None:
    assert table["fsas"]["J6E"] == {"regions": ["14"], "centre": [46.02, -73.44]}


def test_a_shared_fsa_lists_its_regions_and_their_municipalities(table: dict[str, Any]) -> None:
    assert table["fsas"]["J0K"] == {
        "regions": ["14", "15"],
        "centre": None,
        "municipalities": {"14": ["Saint-Jacques", "Sainte-Julienne"], "15": ["Saint-Calixte"]},
    }
    assert table["codes"] == {"J0K 2R0": "14"}


def test_advisors_carry_what_picking_one_needs(table: dict[str, Any]) -> None:
    assert table["advisors"]["sample-lanaudiere-joliette"] == {
        "name": "Camille Exemple",
        "email": "camille.exemple@example.org",
        "organisation": "cld-joliette",
        "region": "14",
        "fsas": ["J0K", "J6E"],
        "municipalities": ["Joliette"],
        "location": [46.02, -73.44],
        "languages": ["fr", "en"],
        "sample": True,
    }
    assert table["advisors"]["dominique-reel"]["location"] is None


def test_the_version_is_the_hash_of_the_rest(table: dict[str, Any]) -> None:
    assert len(table["version"]) == 12
    assert table["version"] == table_version(table)
    changed = json.loads(json.dumps(table))
    changed["codes"]["J0K 2R1"] = "15"
    assert table_version(changed) != table["version"]


def test_writing_twice_gives_identical_bytes(directory: Directory, tmp_path: Path) -> None:
    first = write_routing_table(directory, tmp_path / "a" / "routing_table.json").read_bytes()
    second = write_routing_table(directory, tmp_path / "b" / "routing_table.json").read_bytes()
    assert first == second
    assert first.endswith(b"}\n")
    assert json.loads(first)["version"] == build_routing_table(directory)["version"]


def test_the_function_can_read_the_table(directory: Directory) -> None:
    from functions.route_request.table import RoutingTable

    parsed = RoutingTable.from_dict(build_routing_table(directory))
    assert parsed.fsas["J0K"].regions == ("14", "15")


def test_an_erac_that_publishes_no_email_is_relayed_by_the_operators(directory: Directory) -> None:
    """A real ERAC without a published general email (to_confirm: true) stays real on the
    site; in the table it is a sample address, which the function sends to the operators."""
    erac_id = directory.regions["lanaudiere"].erac
    erac = directory.organisations[erac_id].model_copy(
        update={"email": None, "sample": False, "to_confirm": True}
    )
    organisations = {**directory.organisations, erac_id: erac}
    table = build_routing_table(
        Directory(directory.regions, organisations, directory.advisors, directory.programs)
    )
    entry = table["organisations"][erac_id]
    assert entry["email"] == f"{erac_id}@example.org"
    assert entry["sample"] is True
    assert entry["relay"] is True  # the function tags its mail "[À RELAYER]", not "[EXEMPLE]"
    assert "relay" not in table["organisations"][directory.regions["montreal"].erac]

    unconfirmed = erac.model_copy(update={"to_confirm": False})
    with pytest.raises(ValueError, match="without an email"):
        build_routing_table(
            Directory(
                directory.regions,
                {**organisations, erac_id: unconfirmed},
                directory.advisors,
                directory.programs,
            )
        )
