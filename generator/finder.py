"""The postal-code finder's lookup file: the request function's own answers, computed
ahead for every postal area and every municipality a request can name, so the site can
say "who can help me here" in the browser without sending the postal code anywhere.

``build_finder_lookup(directory)`` builds the routing table (generator/routing_table.py),
loads it the way the function does and asks the function's routing code
(``resolve_region`` then ``route``, as ``intake.py`` calls them) for:

- each FSA: the FSA alone (a code of it that no table lists);
- each municipality of an FSA shared between regions or ERACs, chosen by its code, as
  the request form sends it (so the ERAC and the advisor follow the municipality: the
  Îles-de-la-Madeleine get their own ERAC, a rural town its nearest advisor);
- each full postal code the table lists (``codes``: a region's; ``postcodes``: a
  municipality's).

The answers hold ids only and are stored once each (``answers``; areas and codes point at
them by index), names and contacts once in ``regions``, ``organisations``, ``advisors``,
``places`` and ``programs``. No personal data: advisors appear by their published name and
employer (no email), and nothing about requesters exists here.

Shape::

    {"version": <routing table version>,
     "answers": [{"r": "14", "e": "erac-id", "a": ["advisor-id", …], "f"?: "org-id"}, …],
     "areas": {"J6E": {"x": 3},                       # the FSA decides: answers[3]
               "J0T": {"m": [["24005", 5], …]},       # the FSA asks: its municipalities
               "J0L": {"x": 2, "m": [["67035", 7]]},  # decides, but its full codes name towns
               "J0K": {"r": [["14", 4, ["Rawdon"]], …]}},  # asks the region: no territory there
     "codes": {"J0K 2R0": 4},                          # a full code that decides alone
     "postcodes": {"J0K": {"62037": "0A1 0A2 …"}, …},  # full codes naming a municipality of the
                                                       # area: FSA → municipality → their LDUs
     "places": {"24005": ["Lac-des-Plages", "Papineau"], …},   # municipality: name, MRC
     "regions": {"14": {"name": {"fr", "en"}, "slug", "erac", "programs": [ids]}},
     "organisations": {id: {"name": {"fr", "en"}, "email"?, "phone"?, "tel"?}},
     "advisors": {id: {"name", "organisation", "sample"}},
     "programs": {id: {"name": {"fr", "en"}, "status"}}}   # open, ongoing or announced

An asking area's ``m`` lists every municipality the form offers for it (by region, then
name); a deciding area's ``m`` only those its ``postcodes`` name. An asking area without
municipalities in the territory table lists its regions instead (``r``: region, answer,
municipality names), as the form then asks the region. ``a`` lists every advisor the
function may pick (advisors tied for nearest share the requests; which one gets a given
request depends on its submission id); ``f`` is the first-line organisation the function
informs when no named advisor takes the request.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from functions.route_request.postal import PostalCode
from functions.route_request.routing import (
    ChooseRegion,
    RegionFound,
    Routing,
    pick_advisor,
    resolve_region,
    route,
)
from functions.route_request.table import RoutingTable
from generator.directory import Directory
from generator.formatting import tel_uri
from generator.routing_table import build_routing_table
from generator.vocab import ProgramStatus

PATH = Path("site_src/docs/assets/generated/finder.json")
# Submission ids tried to list every advisor tied for nearest: enough that each of a handful
# of tied advisors is picked at least once (the pick is sha256(id) mod n).
TRIES = [f"finder-{i}" for i in range(64)]
# Programs a business can still take part in.
AVAILABLE = (ProgramStatus.OPEN, ProgramStatus.ONGOING, ProgramStatus.ANNOUNCED)


class Answers:
    """The distinct answers, each stored once; ``add`` gives an answer's index."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def add(self, answer: dict[str, Any]) -> int:
        key = json.dumps(answer, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.items)
            self.items.append(answer)
        return self._index[key]


def probe_code(table: RoutingTable, fsa: str) -> PostalCode:
    """A full postal code of ``fsa`` that no table entry names, so the FSA decides."""
    for digit in "0123456789":
        code = PostalCode(f"{fsa} {digit}Z9")
        if code.value not in table.codes and code.value not in table.postcodes:
            return code
    raise ValueError(f"every probe code of {fsa} is listed in the routing table")


def routed(
    table: RoutingTable, postal: PostalCode, found: RegionFound, municipality: str | None
) -> dict[str, Any]:
    """What the function decides for a request from ``postal`` resolved to ``found``
    (``municipality``: the form's choice, a municipality code): region, ERAC, every advisor
    it may pick and the first-line organisation it informs."""
    # How many advisors share the pick (route() spreads requests over them by submission
    # id): ask route() again with other ids until each has been picked.
    town = table.municipalities[found.municipality] if found.municipality else None
    tied = pick_advisor(
        table,
        region_code=found.code,
        fsa=postal.fsa,
        submission_id=TRIES[0],
        municipality=municipality,
        place=town,
        precise=found.via in ("code", "municipality"),
    ).tied
    routings: list[Routing] = []
    for sid in TRIES:
        routings.append(
            route(
                postal,
                found.code,
                found.via,
                table,
                submission_id=sid,
                municipality=municipality,
                place=found.municipality,
                erac=found.erac,
            )
        )
        if len({r.advisor for r in routings}) >= tied:
            break
    answer: dict[str, Any] = {
        "r": routings[0].region_code,
        "e": routings[0].erac,
        "a": sorted({r.advisor for r in routings if r.advisor}),
    }
    first_line = sorted({r.first_line for r in routings if r.first_line})
    if first_line:
        answer["f"] = first_line[0]
    return answer


def resolved(
    table: RoutingTable, postal: PostalCode, municipality: str | None = None
) -> RegionFound | ChooseRegion:
    found = resolve_region(postal, table, municipality=municipality)
    if not isinstance(found, RegionFound | ChooseRegion):
        raise ValueError(f"{postal} ({municipality}): the function gives no region ({type(found).__name__})")
    return found


def region_answer(table: RoutingTable, postal: PostalCode, region: str) -> dict[str, Any]:
    chosen = resolve_region(postal, table, region_choice=region)
    if not isinstance(chosen, RegionFound):
        raise ValueError(f"{postal}: region {region} gives no answer ({type(chosen).__name__})")
    return routed(table, postal, chosen, None)


def answer_tables(table: RoutingTable) -> dict[str, Any]:
    """``answers``, ``areas``, ``codes``, ``postcodes`` and ``places`` of the lookup file
    (module docstring), from the function's own routing on ``table``."""
    answers = Answers()
    named: dict[str, dict[str, str]] = {}  # FSA → {municipality: the first full code naming it}
    for code, mcode in sorted(table.postcodes.items()):
        named.setdefault(code[:3], {}).setdefault(mcode, code)
    areas: dict[str, dict[str, Any]] = {}
    places: set[str] = set()
    for fsa in sorted(table.fsas):
        probe = probe_code(table, fsa)
        found = resolved(table, probe)
        area: dict[str, Any] = {}
        if isinstance(found, RegionFound):
            area["x"] = answers.add(routed(table, probe, found, None))
            asked = sorted(named.get(fsa, ()))
        else:
            asked = [p.code for c in found.candidates for p in c.places]  # the form's list
            if not asked:
                # no territory for this area: the form asks the region (region_choice)
                area["r"] = [
                    [c.code, answers.add(region_answer(table, probe, c.code)), list(c.municipalities)]
                    for c in found.candidates
                ]
        by_place = []
        for mcode in asked:
            choice: str | None = None
            if isinstance(found, RegionFound):
                # a full code of the area naming this municipality: the function reads it so
                postal = PostalCode(named[fsa][mcode])
                chosen = resolved(table, postal)
            else:
                postal, choice = probe, mcode
                chosen = resolved(table, postal, municipality=mcode)
            if not isinstance(chosen, RegionFound):
                raise ValueError(f"{fsa}: municipality {mcode} gives no region")
            by_place.append([mcode, answers.add(routed(table, postal, chosen, choice))])
            places.add(mcode)
        if by_place:
            area["m"] = by_place
        areas[fsa] = area
    codes: dict[str, int] = {}
    postcodes: dict[str, dict[str, str]] = {}
    for code in sorted({*table.codes, *table.postcodes}):
        town = table.postcodes.get(code)
        if town is not None and any(m == town for m, _ in areas.get(code[:3], {}).get("m", ())):
            # its municipality's answer in the area
            in_area = postcodes.setdefault(code[:3], {})
            in_area[town] = f"{in_area[town]} {code[4:]}" if town in in_area else code[4:]
            continue
        decided = resolved(table, PostalCode(code))
        assert isinstance(decided, RegionFound)  # a listed code decides
        codes[code] = answers.add(routed(table, PostalCode(code), decided, None))
    return {
        "answers": answers.items,
        "areas": areas,
        "codes": codes,
        "postcodes": postcodes,
        "places": {
            code: [table.municipalities[code].name, table.municipalities[code].mrc] for code in sorted(places)
        },
    }


def build_finder_lookup(directory: Directory) -> dict[str, Any]:
    table = RoutingTable.from_dict(build_routing_table(directory))
    programs = {p.id: p for p in directory.programs.values() if p.status in AVAILABLE}
    regions = {}
    for region in directory.regions.values():
        # The region's own programs first, then those open across Québec.
        in_region = sorted(
            (p for p in directory.programs_in(region) if p.id in programs),
            key=lambda p: (p.regions == "all", p.name.fr.casefold()),
        )
        regions[str(region.code)] = {
            "name": {"fr": region.name.fr, "en": region.name.en},
            "slug": region.id,
            "erac": region.erac,
            "programs": [p.id for p in in_region],
        }
    organisations = {}
    for oid in sorted(table.organisations):
        org = directory.organisations[oid]
        entry: dict[str, Any] = {"name": {"fr": org.name.fr, "en": org.name.en}}
        if org.email:
            entry["email"] = org.email
        if org.phone:
            entry["phone"] = org.phone
            entry["tel"] = tel_uri(org.phone)
        organisations[oid] = entry
    advisors = {
        a.id: {"name": a.name, "organisation": a.organisation, "sample": a.sample}
        for a in table.advisors.values()
    }
    return {
        "version": table.version,
        **answer_tables(table),
        "regions": regions,
        "organisations": organisations,
        "advisors": advisors,
        "programs": {
            pid: {
                "name": {"fr": p.name.fr, "en": p.name.en},
                "status": p.status.value,
            }
            for pid, p in sorted(programs.items())
        },
    }


def lookup_text(lookup: dict[str, Any]) -> str:
    """The lookup file's text: compact JSON (the browser fetches it)."""
    return json.dumps(lookup, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_finder_lookup(directory: Directory, root: Path) -> Path:
    """Write the lookup file under ``root`` (compact JSON); returns its path."""
    path = root / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    text = lookup_text(build_finder_lookup(directory))
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
