"""The routing table: what the request function needs from the directory, as JSON.

``build_routing_table(directory)`` returns the shape documented in
docs/architecture.md; ``write_routing_table`` writes it to
``functions/route_request/routing_table.json``. The output is deterministic:
keys sorted, lists in a fixed order, no timestamps, and ``version`` is the first
12 hex digits of the SHA-256 of the table's canonical JSON without ``version``
(``json.dumps(table, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``
encoded as UTF-8), so an unchanged directory gives a byte-identical file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from generator.directory import Directory
from generator.models import Coordinates, Organisation, Text
from generator.territory import Place, TerritoryIndex, fold
from generator.vocab import OrganisationKind

DEFAULT_PATH = Path("functions/route_request/routing_table.json")


def _text(text: Text) -> dict[str, str]:
    return {"fr": text.fr, "en": text.en}


def _point(coordinates: Coordinates | None) -> list[float] | None:
    return None if coordinates is None else [coordinates.lat, coordinates.lon]


RELAY_DOMAIN = "example.org"
"""An ERAC that publishes no general email gets ``<id>@example.org`` in the table with
``sample: true``: the function sends mail for sample addresses to the operators'
mailbox (``SAMPLE_RECIPIENT``), who relay it, so the request reaches a person and no
address is invented."""


def _organisation(organisation: Organisation) -> dict[str, Any]:
    email, relayed = organisation.email, False
    if email is None:
        if not organisation.to_confirm:  # checks.py reports it; reaching here is a bug
            raise ValueError(f"organisation {organisation.id} is in the routing table without an email")
        email, relayed = f"{organisation.id}@{RELAY_DOMAIN}", True
    return {
        "name": _text(organisation.name),
        "kind": str(organisation.kind),
        "email": email,
        "sample": organisation.sample or relayed,
        "to_confirm": organisation.to_confirm,
        **({"relay": True} if relayed else {}),
    }


def canonical_json(table: dict[str, Any]) -> str:
    """The compact, key-sorted JSON the ``version`` hash is computed over."""
    return json.dumps(table, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def table_version(table: dict[str, Any]) -> str:
    """First 12 hex digits of the SHA-256 of ``table`` (without ``version``)."""
    body = {key: value for key, value in table.items() if key != "version"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()[:12]


def build_routing_table(directory: Directory) -> dict[str, Any]:
    """The routing table of a validated ``directory`` (see the module docstring).

    ``organisations`` holds only each region's ERAC and each advisor's
    organisation. An FSA listed by several regions has ``centre: null`` and
    ``municipalities`` per region code; full postal codes of shared FSAs go to
    ``codes``.
    """
    regions: dict[str, Any] = {}
    needed: set[str] = set()
    fsas: dict[str, dict[str, Any]] = {}
    codes: dict[str, str] = {}
    for region in directory.regions.values():
        code = str(region.code)
        regions[code] = {"slug": region.id, "name": _text(region.name), "erac": region.erac}
        needed.add(region.erac)
        for area in region.postal_areas:
            entry = fsas.setdefault(area.fsa, {"regions": [], "centre": None, "municipalities": {}})
            entry["regions"].append(code)
            entry["municipalities"][code] = list(area.municipalities)
            if len(entry["regions"]) == 1:
                entry["centre"] = _point(area.centre)
            else:
                entry["centre"] = None  # split between regions: no single centre
            for full in area.codes:
                codes[full] = code
    for entry in fsas.values():
        entry["regions"].sort()
        if len(entry["regions"]) < 2:
            del entry["municipalities"]
    municipalities, postcodes = _territory(directory, fsas, needed)
    advisors: dict[str, Any] = {}
    for advisor in directory.advisors.values():
        needed.add(advisor.organisation)
        advisors[advisor.id] = {
            "name": advisor.name,
            "email": advisor.email,
            "organisation": advisor.organisation,
            "region": str(advisor.region),
            "fsas": sorted(advisor.serves.fsas),
            "municipalities": list(advisor.serves.municipalities),
            "location": _point(advisor.location),
            "languages": [str(language) for language in advisor.languages],
            "sample": advisor.sample,
        }
    table: dict[str, Any] = {
        "regions": regions,
        "organisations": {oid: _organisation(directory.organisations[oid]) for oid in sorted(needed)},
        "fsas": fsas,
        "codes": codes,
        "advisors": advisors,
    }
    if municipalities:
        table["municipalities"] = municipalities
        table["postcodes"] = postcodes
    # Round-trip through canonical JSON so nested keys are sorted too.
    table = json.loads(canonical_json(table))
    table["version"] = table_version(table)
    return table


def write_routing_table(directory: Directory, path: Path) -> Path:
    """Write the routing table of ``directory`` to ``path`` (parents created),
    indented, keys sorted, trailing newline. Returns ``path``."""
    table = build_routing_table(directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(table, sort_keys=True, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


# The first-line organisation a request goes to, when several serve a municipality: the
# MRC's economic development service (the Accès PME entry point) first, then the others.
FIRST_LINE_ORDER = (OrganisationKind.MRC, OrganisationKind.CLD, OrganisationKind.SADC, OrganisationKind.CAE)


def first_line_for(directory: Directory, place: Place) -> list[str]:
    """Ids of the organisations whose ``serves`` covers ``place`` (by its MRC or its name)
    and that have an email, in :data:`FIRST_LINE_ORDER` then by id."""
    names = {fold(place.name), *(fold(n) for n in place.municipality.other_names)}
    found = []
    for organisation in directory.organisations.values():
        serves = organisation.serves
        if serves is None or organisation.email is None or organisation.kind == OrganisationKind.ERAC:
            continue
        if organisation.regions != "all" and place.region not in [str(r) for r in organisation.regions]:
            continue
        mrc_names = {fold(place.mrc.name), *(fold(n) for n in place.mrc.other_names)}
        if mrc_names & {fold(m) for m in serves.mrcs} or names & {fold(m) for m in serves.municipalities}:
            found.append(organisation)
    rank = {kind: i for i, kind in enumerate(FIRST_LINE_ORDER)}
    found.sort(key=lambda o: (rank.get(o.kind, len(rank)), o.id))
    return [o.id for o in found]


def _territory(
    directory: Directory, fsas: dict[str, dict[str, Any]], needed: set[str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The municipalities (name, region, MRC, own ERAC, location, first-line organisations),
    the full postal codes → municipality code, and each FSA's ``places`` (municipality codes)."""
    index = TerritoryIndex(directory.territories.values())
    municipalities: dict[str, Any] = {}
    postcodes: dict[str, str] = {}
    for code, place in sorted(index.places.items()):
        m = place.municipality
        entry: dict[str, Any] = {"name": m.name, "region": place.region, "mrc": place.mrc.name}
        if place.erac:
            entry["erac"] = place.erac
            needed.add(place.erac)
        if m.location is not None:
            entry["location"] = _point(m.location)
        if m.other_names:
            entry["other_names"] = list(m.other_names)
        first_line = first_line_for(directory, place)
        if first_line:
            entry["first_line"] = first_line
            needed.update(first_line)
        municipalities[code] = entry
        for full in m.postal_codes:
            postcodes[full] = code
        for fsa in m.fsas:
            if fsa in fsas:
                fsas[fsa].setdefault("places", []).append(code)
    for entry in fsas.values():
        if "places" in entry:
            entry["places"].sort()
    return municipalities, postcodes
