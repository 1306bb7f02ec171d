"""Decide where a request goes: region, its ERAC, and the advisor. Pure.

1. Region (:func:`resolve_region`): a full postal code listed in ``codes`` wins; else the
   FSA's region when only one lists it; an FSA shared by several regions asks the requester
   to choose (:class:`ChooseRegion`) unless ``region_choice`` names one of them. A valid
   code outside G/H/J is :class:`OutsideQuebec`; a Québec FSA not in the table is
   :class:`UnknownArea`.
2. Advisor (:func:`pick_advisor`): advisors of that region whose service area lists the
   FSA, or the chosen municipality; the nearest (haversine between the FSA's centre and the
   advisor's location; advisors without a location come after those with one); advisors
   within :data:`TIE_KM` of the nearest are tied and one is picked by
   ``sha256(submission_id) mod n`` over their sorted ids, so a retry picks the same one and
   different requests spread over all of them. None → the ERAC alone.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from dataclasses import dataclass

from .postal import PostalCode
from .table import Advisor, Coordinates, RoutingTable

TIE_KM = 1.0  # advisors this close to the nearest one share the requests fairly


@dataclass(frozen=True)
class Candidate:
    code: str
    slug: str
    name: str
    municipalities: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "municipalities": list(self.municipalities)}


@dataclass(frozen=True)
class RegionFound:
    code: str
    via: str  # "code", "fsa" or "choice"


@dataclass(frozen=True)
class ChooseRegion:
    fsa: str
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class OutsideQuebec:
    province: str
    message: str


@dataclass(frozen=True)
class UnknownArea:
    fsa: str


@dataclass(frozen=True)
class BadChoice:
    fsa: str
    candidates: tuple[Candidate, ...]


RegionResolution = RegionFound | ChooseRegion | OutsideQuebec | UnknownArea | BadChoice


@dataclass(frozen=True)
class Routing:
    """Where a request goes and why (reason in French and English)."""

    region_code: str
    region_slug: str
    erac: str
    advisor: str | None
    reason: dict[str, str]
    informed: tuple[str, ...]  # organisation / advisor ids that receive the request

    def as_dict(self) -> dict[str, object]:
        return {
            "region_code": self.region_code,
            "region": self.region_slug,
            "erac": self.erac,
            "advisor": self.advisor,
            "reason": dict(self.reason),
            "informed": list(self.informed),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Routing:
        reason = data["reason"]
        informed = data["informed"]
        advisor = data.get("advisor")
        assert isinstance(reason, dict) and isinstance(informed, list | tuple)
        return cls(
            region_code=str(data["region_code"]),
            region_slug=str(data["region"]),
            erac=str(data["erac"]),
            advisor=str(advisor) if advisor else None,
            reason={str(k): str(v) for k, v in reason.items()},
            informed=tuple(str(x) for x in informed),
        )


def outside_quebec_message(postal: PostalCode, lang: str) -> str:
    province = postal.province(lang)
    if lang == "en":
        return (
            f"Relais covers businesses in Québec. This postal code is in {province}: "
            f"please contact your own provincial or territorial business-support services."
        )
    return (
        f"Relais s'adresse aux entreprises du Québec. Ce code postal est situé en {province} : "
        f"adressez-vous aux services d'aide aux entreprises de votre province ou territoire."
    )


def candidates_for(table: RoutingTable, fsa: str, lang: str) -> tuple[Candidate, ...]:
    area = table.fsas[fsa]
    return tuple(
        Candidate(
            code=code,
            slug=table.regions[code].slug,
            name=table.regions[code].label(lang),
            municipalities=area.municipalities.get(code, ()),
        )
        for code in sorted(area.regions)
    )


def resolve_region(
    postal: PostalCode, table: RoutingTable, *, region_choice: str | None = None, lang: str = "fr"
) -> RegionResolution:
    """The region of ``postal`` (see module docstring for the rules)."""
    if not postal.in_quebec:
        return OutsideQuebec(province=postal.province(lang), message=outside_quebec_message(postal, lang))
    if postal.value in table.codes:
        return RegionFound(code=table.codes[postal.value], via="code")
    area = table.fsas.get(postal.fsa)
    if area is None or not area.regions:
        return UnknownArea(fsa=postal.fsa)
    if len(area.regions) == 1:
        return RegionFound(code=area.regions[0], via="fsa")
    candidates = candidates_for(table, postal.fsa, lang)
    if region_choice is None:
        return ChooseRegion(fsa=postal.fsa, candidates=candidates)
    if region_choice not in area.regions:
        return BadChoice(fsa=postal.fsa, candidates=candidates)
    return RegionFound(code=region_choice, via="choice")


def haversine_km(a: Coordinates, b: Coordinates) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class AdvisorPick:
    advisor: Advisor | None
    distance_km: float | None
    tied: int  # how many advisors shared the pick (0 when none)
    by: str  # "fsa", "municipality" or "none"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def pick_advisor(
    table: RoutingTable,
    *,
    region_code: str,
    fsa: str,
    submission_id: str,
    municipality: str | None = None,
) -> AdvisorPick:
    """The advisor for a request in ``region_code`` from ``fsa`` (rules in the module docstring)."""
    wanted = _fold(municipality) if municipality else None
    by_fsa = [a for a in table.advisors.values() if a.region == region_code and fsa in a.fsas]
    by_town = (
        [
            a
            for a in table.advisors.values()
            if a.region == region_code
            and a not in by_fsa
            and any(_fold(m) == wanted for m in a.municipalities)
        ]
        if wanted
        else []
    )
    # A chosen municipality narrows a shared area to the advisors who serve that town.
    eligible, by = (by_town, "municipality") if by_town else (by_fsa, "fsa")
    if not eligible:
        return AdvisorPick(advisor=None, distance_km=None, tied=0, by="none")
    area = table.fsas.get(fsa)
    centre = area.centre if area else None
    distances: dict[str, float | None] = {
        a.id: haversine_km(centre, a.location) if centre and a.location else None for a in eligible
    }
    known = [d for d in distances.values() if d is not None]
    if known:
        nearest = min(known)
        tied = sorted(aid for aid, d in distances.items() if d is not None and d - nearest <= TIE_KM)
    else:
        nearest = None
        tied = sorted(distances)
    chosen = tied[_spread(submission_id, len(tied))]
    return AdvisorPick(
        advisor=table.advisors[chosen],
        distance_km=distances[chosen] if nearest is not None else None,
        tied=len(tied),
        by=by,
    )


def _spread(submission_id: str, n: int) -> int:
    digest = hashlib.sha256(submission_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n


def route(
    postal: PostalCode,
    region_code: str,
    via: str,
    table: RoutingTable,
    *,
    submission_id: str,
    municipality: str | None = None,
) -> Routing:
    """The full decision for a request already resolved to ``region_code``."""
    region = table.regions[region_code]
    erac = table.organisations[region.erac]
    pick = pick_advisor(
        table, region_code=region_code, fsa=postal.fsa, submission_id=submission_id, municipality=municipality
    )
    informed = (erac.id,) if pick.advisor is None else (erac.id, pick.advisor.id)
    reason = {
        lang: _reason(lang, postal, via, region.label(lang), region_code, erac.label(lang), pick)
        for lang in ("fr", "en")
    }
    return Routing(
        region_code=region_code,
        region_slug=region.slug,
        erac=erac.id,
        advisor=pick.advisor.id if pick.advisor else None,
        reason=reason,
        informed=informed,
    )


def _reason(
    lang: str, postal: PostalCode, via: str, region: str, code: str, erac: str, pick: AdvisorPick
) -> str:
    fr = lang == "fr"
    if via == "code":
        where = (
            f"Le code postal {postal} est rattaché à la région {region} ({code})."
            if fr
            else f"Postal code {postal} belongs to the {region} region ({code})."
        )
    elif via == "choice":
        where = (
            f"La zone postale {postal.fsa} est partagée entre plusieurs régions; "
            f"la région {region} ({code}) a été choisie par le demandeur."
            if fr
            else f"Postal area {postal.fsa} is shared between regions; the requester chose {region} ({code})."
        )
    else:
        where = (
            f"La zone postale {postal.fsa} fait partie de la région {region} ({code})."
            if fr
            else f"Postal area {postal.fsa} is in the {region} region ({code})."
        )
    erac_line = (
        f" La demande est transmise à {erac}, l'ERAC de la région."
        if fr
        else f" The request goes to {erac}, the region's ERAC."
    )
    if pick.advisor is None:
        who = (
            " Aucun conseiller ne dessert cette zone dans le répertoire : l'ERAC la prend en charge seule."
            if fr
            else " No advisor in the directory serves this area: the ERAC handles it alone."
        )
    else:
        basis = {
            "fsa": "dessert la zone " + postal.fsa if fr else "serves area " + postal.fsa,
            "municipality": "dessert la municipalité choisie" if fr else "serves the chosen municipality",
        }[pick.by]
        if pick.distance_km is not None:
            if pick.distance_km < 1:
                basis += ", à moins de 1 km" if fr else ", less than 1 km away"
            else:
                km = f"{pick.distance_km:.0f}"
                basis += f", à environ {km} km" if fr else f", about {km} km away"
        share = ""
        if pick.tied > 1:
            share = (
                f" (réparti équitablement entre {pick.tied} conseillers à égalité)"
                if fr
                else f" (shared fairly between {pick.tied} equally placed advisors)"
            )
        who = (
            f" Conseiller : {pick.advisor.name}, qui {basis}{share}."
            if fr
            else f" Advisor: {pick.advisor.name}, who {basis}{share}."
        )
    return where + erac_line + who
