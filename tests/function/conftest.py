"""Fixtures for the route_request function: a 17-region routing table in the documented
shape (docs/architecture.md), in-memory fakes for the ports, an App wired with them."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from functions.route_request.app import App
from functions.route_request.settings import Settings
from functions.route_request.table import RoutingTable

from .fakes import FakeClock, FakeMailer, FakeQueue, FakeStore

REGIONS: dict[str, tuple[str, str, str, str, tuple[float, float]]] = {
    # code: (slug, French name, English name, FSA owned alone, centre)
    "01": ("bas-saint-laurent", "Bas-Saint-Laurent", "Bas-Saint-Laurent", "G5L", (48.45, -68.52)),
    "02": (
        "saguenay-lac-saint-jean",
        "Saguenay–Lac-Saint-Jean",
        "Saguenay–Lac-Saint-Jean",
        "G7H",
        (48.43, -71.07),
    ),
    "03": ("capitale-nationale", "Capitale-Nationale", "Capitale-Nationale", "G1R", (46.81, -71.21)),
    "04": ("mauricie", "Mauricie", "Mauricie", "G9A", (46.35, -72.55)),
    "05": ("estrie", "Estrie", "Eastern Townships", "J1H", (45.40, -71.89)),
    "06": ("montreal", "Montréal", "Montréal", "H2X", (45.51, -73.57)),
    "07": ("outaouais", "Outaouais", "Outaouais", "J8Y", (45.44, -75.73)),
    "08": ("abitibi-temiscamingue", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue", "J9X", (48.24, -79.02)),
    "09": ("cote-nord", "Côte-Nord", "Côte-Nord", "G4Z", (49.22, -68.15)),
    "10": ("nord-du-quebec", "Nord-du-Québec", "Northern Québec", "J0Y", (49.78, -74.85)),
    "11": (
        "gaspesie",
        "Gaspésie–Îles-de-la-Madeleine",
        "Gaspésie–Îles-de-la-Madeleine",
        "G4X",
        (48.83, -64.48),
    ),
    "12": ("chaudiere-appalaches", "Chaudière-Appalaches", "Chaudière-Appalaches", "G6V", (46.80, -71.18)),
    "13": ("laval", "Laval", "Laval", "H7N", (45.56, -73.72)),
    "14": ("lanaudiere", "Lanaudière", "Lanaudière", "J6E", (46.02, -73.44)),
    "15": ("laurentides", "Laurentides", "Laurentides", "J7Z", (45.78, -74.00)),
    "16": ("monteregie", "Montérégie", "Montérégie", "J4K", (45.53, -73.52)),
    "17": ("centre-du-quebec", "Centre-du-Québec", "Centre-du-Québec", "J2B", (45.88, -72.48)),
}


def table_dict() -> dict[str, Any]:
    """A small but complete routing table: 17 regions, one shared FSA with a full-code entry,
    one shared FSA without, advisors tied by place, by lack of coordinates, and a region
    with no advisor."""
    regions = {}
    organisations: dict[str, Any] = {}
    fsas: dict[str, Any] = {}
    for code, (slug, fr, en, fsa, centre) in REGIONS.items():
        erac = f"erac-{slug}"
        regions[code] = {"slug": slug, "name": {"fr": fr, "en": en}, "erac": erac}
        organisations[erac] = {
            "name": {"fr": f"ERAC {fr}", "en": f"ERAC {en}"},
            "kind": "erac",
            "email": f"{erac}@example.org",
            "sample": True,
            "to_confirm": False,
        }
        fsas[fsa] = {"regions": [code], "centre": list(centre)}
    organisations["cld-joliette"] = {
        "name": {"fr": "CLD Joliette", "en": "CLD Joliette"},
        "kind": "cld",
        "email": "cld@example.org",
        "sample": True,
        "to_confirm": False,
    }
    fsas["J0K"] = {
        "regions": ["14", "15"],
        "centre": None,
        "municipalities": {"14": ["Saint-Jacques", "Rawdon"], "15": ["Sainte-Sophie"]},
    }
    fsas["J0L"] = {"regions": ["16", "17"], "centre": [45.9, -72.9], "municipalities": {"16": ["Saint-Jude"]}}
    advisors: dict[str, Any] = {
        "adv-montreal-a": _advisor("adv-montreal-a", "06", ["H2X"], (45.51, -73.57)),
        "adv-montreal-b": _advisor("adv-montreal-b", "06", ["H2X"], (45.5105, -73.5705)),
        "adv-montreal-far": _advisor("adv-montreal-far", "06", ["H2X"], (45.70, -73.40)),
        "adv-joliette": _advisor(
            "adv-joliette", "14", ["J6E", "J0K"], (46.02, -73.44), ["Saint-Jacques"], org="cld-joliette"
        ),
        "adv-rawdon": _advisor("adv-rawdon", "14", [], (46.04, -73.72), ["Rawdon"]),
        "adv-laurentides": _advisor("adv-laurentides", "15", ["J7Z", "J0K"], (45.78, -74.00)),
        "adv-estrie-x": _advisor("adv-estrie-x", "05", ["J1H"], None),
        "adv-estrie-y": _advisor("adv-estrie-y", "05", ["J1H"], None),
        "adv-laval-near": _advisor("adv-laval-near", "13", ["H7N"], (45.56, -73.72)),
        "adv-laval-none": _advisor("adv-laval-none", "13", ["H7N"], None),
    }
    return {
        "version": "fixture00000",
        "regions": regions,
        "organisations": organisations,
        "fsas": fsas,
        "codes": {"J0K 2R0": "14"},
        "advisors": advisors,
    }


def _advisor(
    advisor_id: str,
    region: str,
    fsas: list[str],
    location: tuple[float, float] | None,
    municipalities: list[str] | None = None,
    org: str | None = None,
) -> dict[str, Any]:
    slug = REGIONS[region][0]
    return {
        "name": f"Conseiller {advisor_id}",
        "email": f"{advisor_id}@example.org",
        "organisation": org or f"erac-{slug}",
        "region": region,
        "fsas": fsas,
        "municipalities": municipalities or [],
        "location": list(location) if location else None,
        "languages": ["fr", "en"],
        "sample": True,
    }


FIXTURE_TABLE = RoutingTable.from_dict(table_dict())


@pytest.fixture
def table() -> RoutingTable:
    return FIXTURE_TABLE


@pytest.fixture
def raw_table() -> dict[str, Any]:
    return copy.deepcopy(table_dict())


NOW = 1_780_000_000.0  # 2026-05-28


def valid_fields(**changes: object) -> dict[str, object]:
    """A complete, valid JSON submission; ``changes`` override or (with None) remove fields."""
    fields: dict[str, object] = {
        "submission_id": str(uuid.UUID(int=42)),
        "business_name": "Boulangerie Exemple inc.",
        "contact_name": "Camille Exemple",
        "email": "camille@example.org",
        "phone": "514 555-0123",
        "postal_code": "h2x1y4",
        "description": "Nous voulons automatiser notre production.",
        "lang": "fr",
        "consent": "yes",
        "consent_version": "2026-01",
        "started_at": int(NOW * 1000) - 60_000,
        "website": "",
    }
    for key, value in changes.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
    return fields


@pytest.fixture
def make_app(table: RoutingTable) -> Callable[..., App]:
    def build(**kwargs: Any) -> App:
        settings = kwargs.pop("settings", None) or Settings(
            site_origin="https://relais.example", backend="local", link_secret="test-link-secret"
        )
        return App(
            settings=settings,
            table=kwargs.pop("table", table),
            store=kwargs.pop("store", None) or FakeStore(),
            mailer=kwargs.pop("mailer", None) or FakeMailer(),
            queue=kwargs.pop("queue", None) or FakeQueue(),
            clock=kwargs.pop("clock", None) or FakeClock(NOW),
            counters=kwargs.pop("counters", None),
            secret=kwargs.pop("secret", b"test abuse key"),
        )

    return build


@pytest.fixture
def app(make_app: Callable[..., App]) -> App:
    return make_app()
