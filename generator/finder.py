"""The postal-code finder's lookup file: the request function's own answers, computed
ahead for every postal area, so the site can say "who can help me here" in the browser
without sending the postal code anywhere.

``build_finder_lookup(directory)`` builds the routing table (generator/routing_table.py),
loads it the way the function does and asks the function's routing code
(``resolve_region``, ``pick_advisor``) for each FSA, each region choice of a shared FSA
and each full postal code the table lists. The answers hold ids only; names, contacts and
the region's programs come once in ``regions``, ``organisations``, ``advisors`` and
``programs``. No personal data: advisors appear by their published name and employer
(no email), and nothing about requesters exists here.

Shape::

    {"version": <routing table version>,
     "areas": {"J6E": {"r": "14", "e": "erac-id", "a": ["advisor-id", …]},   # one region
               "J0T": {"choose": [{"r": "14", "e": …, "m": ["Saint-Côme"], "a": […]}, …]}},
     "codes": {"J0K 2R0": {"r": "14", "e": …, "a": […]}},
     "regions": {"14": {"name": {"fr", "en"}, "slug", "erac", "programs": [ids]}},
     "organisations": {id: {"name": {"fr", "en"}, "email"?, "phone"?, "tel"?}},
     "advisors": {id: {"name", "organisation", "sample"}},
     "programs": {id: {"name": {"fr", "en"}, "status"}}}   # open, ongoing or announced

``a`` lists every advisor the function may pick (advisors tied for nearest share the
requests; which one gets a given request depends on its submission id).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from functions.route_request.postal import PostalCode
from functions.route_request.routing import ChooseRegion, RegionFound, pick_advisor, resolve_region, route
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


def probe_code(table: RoutingTable, fsa: str) -> PostalCode:
    """A full postal code of ``fsa`` that no ``codes`` entry names, so the FSA decides."""
    for digit in "0123456789":
        code = PostalCode(f"{fsa} {digit}A0")
        if code.value not in table.codes:
            return code
    raise ValueError(f"every probe code of {fsa} is listed in codes")


def advisors_for(table: RoutingTable, region: str, fsa: str) -> list[str]:
    """Every advisor the function may pick for a request from ``fsa`` in ``region``."""
    picked = {
        pick.advisor.id
        for sid in TRIES
        if (pick := pick_advisor(table, region_code=region, fsa=fsa, submission_id=sid)).advisor is not None
    }
    return sorted(picked)


def routed(table: RoutingTable, postal: PostalCode, found: RegionFound) -> dict[str, Any]:
    """Region, ERAC (as the function routes it) and the advisors it may pick."""
    routing = route(postal, found.code, found.via, table, submission_id=TRIES[0])
    return {"r": found.code, "e": routing.erac, "a": advisors_for(table, found.code, postal.fsa)}


def answer(table: RoutingTable, postal: PostalCode) -> dict[str, Any]:
    found = resolve_region(postal, table)
    if isinstance(found, RegionFound):
        return routed(table, postal, found)
    if isinstance(found, ChooseRegion):
        choices = []
        for candidate in found.candidates:
            chosen = resolve_region(postal, table, region_choice=candidate.code)
            assert isinstance(chosen, RegionFound)
            choices.append({**routed(table, postal, chosen), "m": list(candidate.municipalities)})
        return {"choose": choices}
    raise ValueError(f"{postal}: the function gives no region ({type(found).__name__})")


def build_finder_lookup(directory: Directory) -> dict[str, Any]:
    table = RoutingTable.from_dict(build_routing_table(directory))
    areas = {fsa: answer(table, probe_code(table, fsa)) for fsa in sorted(table.fsas)}
    codes = {code: answer(table, PostalCode(code)) for code in sorted(table.codes)}
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
        "areas": areas,
        "codes": codes,
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


def write_finder_lookup(directory: Directory, root: Path) -> Path:
    """Write the lookup file under ``root`` (compact JSON); returns its path."""
    path = root / PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    lookup = build_finder_lookup(directory)
    text = json.dumps(lookup, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path
