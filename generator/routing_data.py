"""The routing data as open data: what decides where a request goes, as tables others can
reuse (docs/open-data.md).

- ``regions``: each administrative region (official code 01–17) and its ERAC;
- ``mrcs``: each MRC or equivalent territory (TE) of the territory table, its region and the
  ERAC its municipalities' requests go to (its own, e.g. the Îles', or its region's);
- ``municipalities``: each municipality of the territory table → its MRC or TE → its
  region → its ERAC, with the postal areas (FSAs) it lies in;
- ``postal_areas``: each forward sortation area (FSA, the postal code's first three
  characters) → the region → the ERAC a request from it goes to. One row per (FSA, region,
  ERAC): an FSA split between regions (``shared`` true) has a row per region, and an FSA
  whose municipalities of one region reach two ERACs has a row per ERAC; ``fsa_decides``
  says whether the FSA alone decides (else the requester is asked their municipality).

Built from the validated models by the same rules as the function's routing table
(``generator/routing_table.py``, ``functions/route_request/routing.py``): a municipality's
ERAC is its MRC's own (``erac:`` in ``content/territory``) or else its region's. So the open
data and the routing cannot disagree; tests/opendata/test_routing_data.py routes every
municipality and every postal area with the function and compares. ERACs are linked both by
readable id (``erac_id``) and by their HSDS organization UUID (``erac_organization_id``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Any

from generator.directory import Directory
from generator.hsds import Column, Table, record_uuid
from generator.models import Mrc, Region, RegionTerritory, Source


def _erac_columns(what: str) -> tuple[Column, Column]:
    return (
        Column("erac_id", f"Readable id of the ERAC {what}.", required=True),
        Column(
            "erac_organization_id",
            "HSDS organization id of that ERAC.",
            format="uuid",
            required=True,
            refers_to="organization",
        ),
    )


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
            *_erac_columns("of the region"),
            Column("erac_name", "The ERAC's name.", required=True),
        ),
        hsds=False,
    ),
    Table(
        "mrc",
        "mrcs",
        "MRC or equivalent territory (TE) → region → ERAC: the territories municipalities belong to.",
        (
            Column("id", "Region code and the MRC's name folded, e.g. 14-montcalm.", required=True),
            Column(
                "code",
                "The MRC's code in MAMH's Répertoire des municipalités (3 digits); empty for an "
                "equivalent territory, which has none there.",
                unique=True,
            ),
            Column("name", "Official name (Répertoire), without « MRC ».", required=True),
            Column("other_names", "Other names in use (former name, central city), joined by ';'."),
            Column("region_code", "Official code of its region.", required=True, refers_to="region"),
            *_erac_columns("its municipalities' requests go to (its own, or its region's)"),
            Column("municipalities", "Number of its municipalities.", type="integer", required=True),
        ),
        hsds=False,
    ),
    Table(
        "municipality",
        "municipalities",
        "Municipality → MRC or TE → region → ERAC, and the postal areas (FSAs) it lies in.",
        (
            Column(
                "code",
                "Geographic code in MAMH's Répertoire (5 digits); a community outside the Répertoire: "
                "a readable id (e.g. opitciwan).",
                required=True,
            ),
            Column("name", "Official name (Répertoire).", required=True),
            Column("kind", "Designation (Répertoire), e.g. Ville, Municipalité, Paroisse."),
            Column("mrc_id", "Id of its MRC or TE (mrcs).", required=True, refers_to="mrc"),
            Column("mrc_code", "Its MRC's code in the Répertoire (empty for a TE)."),
            Column("mrc_name", "Its MRC's or TE's name.", required=True),
            Column("region_code", "Official code of its region.", required=True, refers_to="region"),
            Column("region_name", "Its region's name (French).", required=True),
            Column("region_name_en", "Its region's name (English).", required=True),
            *_erac_columns("its requests go to"),
            Column("fsas", "The postal areas (FSAs) it lies in, joined by ';'.", required=True),
            Column(
                "other_names", "Other place names used in addresses (boroughs, former towns), joined by ';'."
            ),
            Column("latitude", "Its post office, or the median of its postal codes (WGS 84).", type="number"),
            Column(
                "longitude", "Its post office, or the median of its postal codes (WGS 84).", type="number"
            ),
        ),
        hsds=False,
    ),
    Table(
        "postal_area",
        "postal_areas",
        "Postal area (FSA) → region → ERAC: where a request from each FSA goes.",
        (
            Column(
                "id",
                "FSA and region code, e.g. J0K-14; plus the ERAC's id when the FSA's part of the "
                "region reaches several ERACs.",
                required=True,
            ),
            Column("fsa", "Forward sortation area: the postal code's first three characters.", required=True),
            Column(
                "region_code", "Official code of the region it routes to.", required=True, refers_to="region"
            ),
            Column("shared", "true when the FSA is split between regions.", type="boolean", required=True),
            Column(
                "fsa_decides",
                "true when the FSA alone decides the region and ERAC (one region, one ERAC); false when "
                "a requester whose full postal code is not listed is asked their municipality or region.",
                type="boolean",
                required=True,
            ),
            Column(
                "postal_codes", "Shared FSA: full postal codes known to be in this region, joined by ';'."
            ),
            Column(
                "municipalities",
                "Municipalities of this row (FSA, region, ERAC), joined by ';' (territory table; for a "
                "region with none of them in the FSA, the names its region file gives).",
            ),
            Column("municipality_codes", "Their geographic codes (municipalities), joined by ';'."),
            *_erac_columns("the request goes to"),
            Column("latitude", "Centre of the FSA (WGS 84), when known.", type="number"),
            Column("longitude", "Centre of the FSA (WGS 84), when known.", type="number"),
        ),
        hsds=False,
    ),
)


def _present(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value not in (None, "", [])}


def mrc_id(region_code: str, name: str) -> str:
    """The readable id of an MRC or TE: its region's code and its name folded to a slug
    (``"14", "L'Assomption"`` → ``14-l-assomption``)."""
    text = unicodedata.normalize("NFKD", name.casefold().replace("œ", "oe"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return f"{region_code}-" + re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _erac(erac_id: str) -> dict[str, str]:
    return {"erac_id": erac_id, "erac_organization_id": record_uuid("organization", erac_id)}


def _mrc_erac(mrc: Mrc, region: Region) -> str:
    """The ERAC an MRC's municipalities' requests go to: its own, else its region's (the rule
    of functions/route_request/routing.py: a municipality's own ERAC wins)."""
    return mrc.erac or region.erac


def _territories(directory: Directory) -> list[tuple[Region, RegionTerritory]]:
    by_code = {str(r.code): r for r in directory.regions.values()}
    return [(by_code[str(t.region)], t) for t in directory.territories.values() if str(t.region) in by_code]


def build_territory_data(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """The ``mrc`` and ``municipality`` records of the territory table, sorted by id/code.
    A municipality listed twice (a code under two MRCs) keeps its first place, as the
    routing table does (generator/territory.py)."""
    mrcs: list[dict[str, Any]] = []
    municipalities: dict[str, dict[str, Any]] = {}
    for region, territory in _territories(directory):
        code = str(region.code)
        for mrc in territory.mrcs:
            erac = _mrc_erac(mrc, region)
            ident = mrc_id(code, mrc.name)
            mrcs.append(
                _present(
                    id=ident,
                    code=mrc.code,
                    name=mrc.name,
                    other_names=";".join(mrc.other_names),
                    region_code=code,
                    **_erac(erac),
                    municipalities=len(mrc.municipalities),
                )
            )
            for m in mrc.municipalities:
                municipalities.setdefault(
                    m.code,
                    _present(
                        code=m.code,
                        name=m.name,
                        kind=m.kind,
                        mrc_id=ident,
                        mrc_code=mrc.code,
                        mrc_name=mrc.name,
                        region_code=code,
                        region_name=region.name.fr,
                        region_name_en=region.name.en,
                        **_erac(erac),
                        fsas=";".join(m.fsas),
                        other_names=";".join(m.other_names),
                        latitude=m.location.lat if m.location else None,
                        longitude=m.location.lon if m.location else None,
                    ),
                )
    return {
        "mrc": sorted(mrcs, key=lambda r: str(r["id"])),
        "municipality": sorted(municipalities.values(), key=lambda r: str(r["code"])),
    }


def build_postal_areas(directory: Directory, municipalities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One ``postal_area`` record per (FSA, region, ERAC), sorted by id.

    The municipalities of the territory table lying in the FSA decide the ERACs of each
    region's part of it; a region whose part holds none of them routes to its own ERAC (as
    the function does). ``fsa_decides`` is true when the whole FSA reaches one region and one
    ERAC, the function's rule for answering on the FSA alone."""
    in_fsa: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for m in municipalities:
        for fsa in str(m["fsas"]).split(";"):
            in_fsa[(fsa, str(m["region_code"]))][str(m["erac_id"])].append(m)
    claims: dict[str, int] = defaultdict(int)
    targets: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for region in directory.regions.values():
        code = str(region.code)
        for area in region.postal_areas:
            claims[area.fsa] += 1
            eracs = in_fsa.get((area.fsa, code)) or {region.erac: []}
            targets[area.fsa].update((code, erac) for erac in eracs)
    areas = []
    for region in directory.regions.values():
        code = str(region.code)
        for area in region.postal_areas:
            eracs = in_fsa.get((area.fsa, code)) or {region.erac: []}
            for erac, places in sorted(eracs.items()):
                places = sorted(places, key=lambda m: str(m["code"]))
                suffix = f"-{erac}" if len(eracs) > 1 else ""
                areas.append(
                    _present(
                        id=f"{area.fsa}-{code}{suffix}",
                        fsa=area.fsa,
                        region_code=code,
                        shared=area.shared or claims[area.fsa] > 1,
                        fsa_decides=len(targets[area.fsa]) == 1,
                        postal_codes=";".join(area.codes),
                        municipalities=";".join(str(m["name"]) for m in places)
                        or ";".join(area.municipalities),
                        municipality_codes=";".join(str(m["code"]) for m in places),
                        **_erac(erac),
                        latitude=area.centre.lat if area.centre else None,
                        longitude=area.centre.lon if area.centre else None,
                    )
                )
    return sorted(areas, key=lambda r: str(r["id"]))


def build_routing_data(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """The ``region``, ``mrc``, ``municipality`` and ``postal_area`` records."""
    regions = []
    for region in directory.regions.values():
        erac = directory.erac_of(region)
        regions.append(
            _present(
                code=str(region.code),
                relais_id=region.id,
                name=region.name.fr,
                name_en=region.name.en,
                **_erac(erac.id),
                erac_name=erac.name.fr,
            )
        )
    territory = build_territory_data(directory)
    return {
        "region": sorted(regions, key=lambda r: str(r["code"])),
        **territory,
        "postal_area": build_postal_areas(directory, territory["municipality"]),
    }


def _source(source: Source) -> dict[str, str]:
    title = source.title or source.url or source.seed or ""
    entry = {"title": title}
    if source.url is not None:
        entry["path"] = source.url
    if source.seed is not None:
        entry["title"] = f"{title} (../shared/seeds/{source.seed})" if source.title else source.seed
    return entry


def _unique(sources: list[Source]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for source in sources:
        entry = _source(source)
        seen.setdefault(entry.get("path", entry["title"]), entry)
    return list(seen.values())


def territory_sources(directory: Directory) -> list[dict[str, str]]:
    """The territory files' sources (MAMH's Répertoire, GeoNames, the pages naming boroughs
    and former towns), each once, in the Data Package ``sources`` shape."""
    return _unique([s for t in directory.territories.values() for s in t.sources])


def routing_sources(directory: Directory) -> list[dict[str, str]]:
    """The regions' and territory files' sources (where the postal areas, ERACs, MRCs and
    municipalities come from), each once, in the Data Package ``sources`` shape (``title``,
    ``path`` when it is a web page)."""
    regions = [s for r in directory.regions.values() for s in r.sources]
    territories = [s for t in directory.territories.values() for s in t.sources]
    return _unique(regions + territories)
