"""The routing diff shows municipalities that change region, ERAC or first-line organisation,
and the full codes and FSAs whose ERAC changes with them."""

from __future__ import annotations

import copy
from typing import Any

from generator.routing_diff import MunicipalityChange, diff_tables, render_markdown

from .test_routing_diff import table


def with_territory() -> dict[str, Any]:
    t = table()
    t["regions"]["11"] = {
        "slug": "gaspesie",
        "name": {"fr": "Gaspésie", "en": "Gaspésie"},
        "erac": "erac-gaspesie",
    }
    t["fsas"]["G4T"] = {"regions": ["11"], "centre": None, "places": ["01023"]}
    t["fsas"]["J0K"]["places"] = ["63048", "75040"]
    t["municipalities"] = {
        "01023": {"name": "Les Îles-de-la-Madeleine", "region": "11", "mrc": "Îles"},
        "63048": {"name": "Saint-Jacques", "region": "14", "mrc": "Montcalm", "first_line": ["mrc-montcalm"]},
        "75040": {"name": "Sainte-Sophie", "region": "15", "mrc": "La Rivière-du-Nord"},
    }
    t["postcodes"] = {"G4T 1A1": "01023"}
    return t


def test_a_territory_getting_its_own_erac_shows_its_municipalities_and_areas() -> None:
    before = with_territory()
    after = copy.deepcopy(before)
    after["municipalities"]["01023"]["erac"] = "erac-iles"
    after["municipalities"]["63048"]["first_line"] = ["sadc-montcalm"]
    diff = diff_tables(before, after)
    assert diff.municipalities == [
        MunicipalityChange(
            "01023", "Les Îles-de-la-Madeleine", "11", "11", "erac-gaspesie", "erac-iles", "", ""
        ),
        MunicipalityChange(
            "63048",
            "Saint-Jacques",
            "14",
            "14",
            "lanaudiere-eco",
            "lanaudiere-eco",
            "mrc-montcalm",
            "sadc-montcalm",
        ),
    ]
    assert [(a.area, a.eracs_before, a.eracs_after) for a in diff.areas] == [
        ("G4T", ("erac-gaspesie",), ("erac-iles",)),
        ("G4T 1A1", ("erac-gaspesie",), ("erac-iles",)),
    ]
    text = render_markdown(diff, "fr")
    assert "### Municipalités" in text
    assert "| Les Îles-de-la-Madeleine (`01023`) | 11 Gaspésie | erac-gaspesie → erac-iles | — |" in text
    assert "mrc-montcalm → sadc-montcalm" in text
    assert "2 secteur(s) postal(aux), 2 municipalité(s)" in text


def test_a_municipality_moving_region() -> None:
    before = with_territory()
    after = copy.deepcopy(before)
    after["municipalities"]["75040"]["region"] = "14"
    [change] = diff_tables(before, after).municipalities
    assert (change.region_before, change.region_after) == ("15", "14")
    assert (change.erac_before, change.erac_after) == ("laurentides-eco", "lanaudiere-eco")
    assert "15 Laurentides → 14 Lanaudière" in render_markdown(diff_tables(before, after), "en")


def test_no_territory_change_means_no_municipality_rows() -> None:
    assert diff_tables(with_territory(), with_territory()).empty
