"""The routing data as open data: what decides where a request goes, as tables others can
reuse (docs/open-data.md).

- ``regions``: each administrative region (official code 01–17) and its ERAC;
- ``postal_areas``: each forward sortation area (FSA, the postal code's first three
  characters) → the region it routes to → that region's ERAC. An FSA split between regions
  has one row per region (``shared`` true), with the full postal codes known to be in that
  region and the municipalities that help a requester choose.

Built from the validated models (the same ones the function's routing table comes from), so
the open data and the routing cannot disagree. ERACs are linked both by readable id
(``erac_id``) and by their HSDS organization UUID (``erac_organization_id``).
"""

from __future__ import annotations

from typing import Any

from generator.directory import Directory
from generator.hsds import Column, Table, record_uuid
from generator.models import Source

ROUTING_TABLES: tuple[Table, ...] = (
    Table(
        "region",
        "regions",
        "Québec's 17 administrative regions and the ERAC each one's requests go to.",
        (
            Column("code", "Official region code (01–17).", required=True),
            Column("relais_id", "Readable id of the region.", required=True),
            Column("name", "Name (French).", required=True),
            Column("name_en", "Name (English).", required=True),
            Column("erac_id", "Readable id of the region's ERAC.", required=True),
            Column(
                "erac_organization_id",
                "HSDS organization id of the ERAC.",
                format="uuid",
                required=True,
                refers_to="organization",
            ),
            Column("erac_name", "The ERAC's name.", required=True),
        ),
        hsds=False,
    ),
    Table(
        "postal_area",
        "postal_areas",
        "Postal area (FSA) → region → ERAC: where a request from each FSA goes.",
        (
            Column("id", "FSA and region code, e.g. J0K-14.", required=True),
            Column("fsa", "Forward sortation area: the postal code's first three characters.", required=True),
            Column(
                "region_code", "Official code of the region it routes to.", required=True, refers_to="region"
            ),
            Column("shared", "true when the FSA is split between regions.", type="boolean", required=True),
            Column(
                "postal_codes", "Shared FSA: full postal codes known to be in this region, joined by ';'."
            ),
            Column("municipalities", "Shared FSA: this region's municipalities within it, joined by ';'."),
            Column("erac_id", "Readable id of the ERAC the request goes to.", required=True),
            Column(
                "erac_organization_id",
                "HSDS organization id of that ERAC.",
                format="uuid",
                required=True,
                refers_to="organization",
            ),
            Column("latitude", "Centre of the FSA (WGS 84), when known.", type="number"),
            Column("longitude", "Centre of the FSA (WGS 84), when known.", type="number"),
        ),
        hsds=False,
    ),
)


def _present(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


def build_routing_data(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """The ``region`` and ``postal_area`` records, sorted by their first column."""
    regions = []
    areas = []
    claims: dict[str, int] = {}
    for region in directory.regions.values():
        for area in region.postal_areas:
            claims[area.fsa] = claims.get(area.fsa, 0) + 1
    for region in directory.regions.values():
        erac = directory.erac_of(region)
        code = str(region.code)
        regions.append(
            _present(
                code=code,
                relais_id=region.id,
                name=region.name.fr,
                name_en=region.name.en,
                erac_id=erac.id,
                erac_organization_id=record_uuid("organization", erac.id),
                erac_name=erac.name.fr,
            )
        )
        for area in region.postal_areas:
            areas.append(
                _present(
                    id=f"{area.fsa}-{code}",
                    fsa=area.fsa,
                    region_code=code,
                    shared=area.shared or claims[area.fsa] > 1,
                    postal_codes=";".join(area.codes),
                    municipalities=";".join(area.municipalities),
                    erac_id=erac.id,
                    erac_organization_id=record_uuid("organization", erac.id),
                    latitude=area.centre.lat if area.centre else None,
                    longitude=area.centre.lon if area.centre else None,
                )
            )
    return {
        "region": sorted(regions, key=lambda r: str(r["code"])),
        "postal_area": sorted(areas, key=lambda r: str(r["id"])),
    }


def _source(source: Source) -> dict[str, str]:
    title = source.title or source.url or source.seed or ""
    entry = {"title": title}
    if source.url is not None:
        entry["path"] = source.url
    if source.seed is not None:
        entry["title"] = f"{title} (../shared/seeds/{source.seed})" if source.title else source.seed
    return entry


def routing_sources(directory: Directory) -> list[dict[str, str]]:
    """The regions' sources (where the postal areas and ERACs come from), each once, in
    the Data Package ``sources`` shape (``title``, ``path`` when it is a web page)."""
    seen: dict[str, dict[str, str]] = {}
    for region in directory.regions.values():
        for source in region.sources:
            entry = _source(source)
            seen.setdefault(entry.get("path", entry["title"]), entry)
    return list(seen.values())
