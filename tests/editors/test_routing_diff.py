"""``diff_tables`` and ``render_markdown`` on hand-made routing tables."""

from __future__ import annotations

import copy
from typing import Any

from generator.routing_diff import AdvisorChange, AreaChange, diff_tables, render_markdown


def table() -> dict[str, Any]:
    return {
        "version": "000000000000",
        "regions": {
            "14": {
                "slug": "lanaudiere",
                "name": {"fr": "Lanaudière", "en": "Lanaudière"},
                "erac": "lanaudiere-eco",
            },
            "15": {
                "slug": "laurentides",
                "name": {"fr": "Laurentides", "en": "Laurentides"},
                "erac": "laurentides-eco",
            },
        },
        "organisations": {},
        "fsas": {
            "J6E": {"regions": ["14"], "centre": None},
            "J0K": {"regions": ["14", "15"], "centre": None, "municipalities": {"14": ["Saint-Jacques"]}},
            "J7Z": {"regions": ["15"], "centre": None},
        },
        "codes": {"J0K 2R0": "14"},
        "advisors": {
            "sample-joliette": {
                "name": "Camille Exemple",
                "email": "camille@example.org",
                "organisation": "mrc-joliette",
                "region": "14",
                "fsas": ["J6E"],
                "municipalities": ["Joliette"],
                "languages": ["fr"],
                "sample": True,
            },
            "sample-saint-jerome": {
                "name": "Alex Exemple",
                "email": "alex@example.org",
                "organisation": "mrc-riviere-du-nord",
                "region": "15",
                "fsas": ["J7Z"],
                "municipalities": [],
                "languages": ["fr", "en"],
                "sample": True,
            },
        },
    }


def test_no_change() -> None:
    diff = diff_tables(table(), table())

    assert diff.empty
    assert render_markdown(diff, "fr") == "Aucun changement de routage.\n"
    assert render_markdown(diff, "en") == "No routing change.\n"


def test_an_fsa_moving_region() -> None:
    after = table()
    after["fsas"]["J6E"]["regions"] = ["15"]

    diff = diff_tables(table(), after)

    assert diff.areas == [AreaChange("J6E", ("14",), ("15",), ("lanaudiere-eco",), ("laurentides-eco",))]
    assert diff.advisors == []
    markdown = render_markdown(diff, "fr")
    assert "| `J6E` | 14 Lanaudière → 15 Laurentides | lanaudiere-eco → laurentides-eco |" in markdown


def test_a_shared_fsa_becoming_whole_and_a_full_code() -> None:
    after = table()
    after["fsas"]["J0K"] = {"regions": ["14"], "centre": None}
    after["codes"] = {"J0K 2R0": "15"}

    diff = diff_tables(table(), after)

    assert [a.area for a in diff.areas] == ["J0K", "J0K 2R0"]
    markdown = render_markdown(diff, "fr")
    assert "| `J0K` | 14 Lanaudière ou 15 Laurentides (au choix) → 14 Lanaudière | " in markdown
    assert "| `J0K 2R0` | 14 Lanaudière → 15 Laurentides |" in markdown


def test_a_region_changing_erac_changes_its_areas() -> None:
    after = table()
    after["regions"]["15"]["erac"] = "nouvel-erac"

    diff = diff_tables(table(), after)

    assert [a.area for a in diff.areas] == ["J0K", "J7Z"]
    assert diff.areas[1].eracs_after == ("nouvel-erac",)


def test_an_advisor_gaining_and_losing_areas() -> None:
    after = table()
    after["advisors"]["sample-joliette"]["fsas"] = ["J0K"]
    after["advisors"]["sample-joliette"]["municipalities"] = ["Joliette", "Crabtree"]

    diff = diff_tables(table(), after)

    assert diff.areas == []
    assert diff.advisors == [
        AdvisorChange(
            id="sample-joliette",
            name="Camille Exemple",
            fsas_added=("J0K",),
            fsas_removed=("J6E",),
            municipalities_added=("Crabtree",),
            region_before="14",
            region_after="14",
            organisation_before="mrc-joliette",
            organisation_after="mrc-joliette",
        )
    ]
    assert "| Camille Exemple (`sample-joliette`) | J0K, Crabtree | J6E | — |" in render_markdown(diff, "fr")


def test_an_advisor_moving_to_another_mrc() -> None:
    after = table()
    moved = after["advisors"]["sample-joliette"]
    moved.update(organisation="mrc-riviere-du-nord", region="15", fsas=["J7Z"], municipalities=[])

    markdown = render_markdown(diff_tables(table(), after), "en")

    assert (
        "| Camille Exemple (`sample-joliette`) | J7Z | J6E, Joliette "
        "| region: 14 Lanaudière → 15 Laurentides; organisation: mrc-joliette → mrc-riviere-du-nord |"
    ) in markdown


def test_advisors_added_and_removed() -> None:
    after = table()
    after["advisors"]["sample-rawdon"] = copy.deepcopy(after["advisors"].pop("sample-joliette"))
    after["advisors"]["sample-rawdon"].update(name="Dominique Exemple", fsas=["J0K"], municipalities=[])

    diff = diff_tables(table(), after)

    assert [p.id for p in diff.advisors_added] == ["sample-rawdon"]
    assert [p.id for p in diff.advisors_removed] == ["sample-joliette"]
    markdown = render_markdown(diff, "fr")
    assert "### Conseillers et conseillères ajoutés" in markdown
    assert "| Dominique Exemple (`sample-rawdon`) | 14 Lanaudière | J0K |" in markdown
    assert "| Camille Exemple (`sample-joliette`) | 14 Lanaudière | J6E, Joliette |" in markdown


def test_everything_is_new_against_an_empty_base() -> None:
    diff = diff_tables({}, table())

    assert [a.area for a in diff.areas] == ["J0K", "J0K 2R0", "J6E", "J7Z"]
    assert diff.areas[0].regions_before == ()
    assert "| `J6E` | — → 14 Lanaudière | — → lanaudiere-eco |" in render_markdown(diff, "fr")
