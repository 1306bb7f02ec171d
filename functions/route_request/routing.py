"""Decide where a request goes: region, its ERAC, and the advisor. Pure.

1. Region and ERAC (:func:`resolve_region`), never guessed:
   a. a full postal code of the territory table (``postcodes``) names its municipality, which
      gives the region and the ERAC (a municipality's own ERAC, e.g. the Îles', wins over its
      region's); a full code listed by a region file (``codes``) gives the region;
   b. else a chosen ``municipality`` (code or name) among the FSA's municipalities decides;
   c. else the FSA decides when all its municipalities share one region and one ERAC;
   d. else a ``region_choice`` among the FSA's regions decides when that region has one ERAC
      there; otherwise the requester is asked (:class:`ChooseRegion`, whose candidates list
      each region's municipalities in the FSA).
   A valid code outside G/H/J is :class:`OutsideQuebec`; a Québec FSA not in the table is
   :class:`UnknownArea`; a choice not offered is :class:`BadChoice`.
2. Advisor (:func:`pick_advisor`): advisors of that region whose service area lists the
   FSA, or the chosen municipality; the nearest (haversine between the municipality's
   location when known, else the FSA's centre, and the advisor's location; advisors without
   a location come after those with one); advisors within :data:`TIE_KM` of the nearest are
   tied and one is picked by ``sha256(submission_id) mod n`` over their sorted ids, so a
   retry picks the same one and different requests spread over all of them.
3. First line: when no named advisor (none, or only a sample record) takes the request, the
   first organisation whose territory covers the municipality (``first_line``) is informed
   with the ERAC. Unknown municipality → the ERAC alone.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass

from .postal import PostalCode
from .table import Advisor, Coordinates, Municipality, RoutingTable

TIE_KM = 1.0  # advisors this close to the nearest one share the requests fairly


@dataclass(frozen=True)
class PlaceChoice:
    """A municipality offered when a shared FSA must ask."""

    code: str
    name: str
    mrc: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "mrc": self.mrc}


@dataclass(frozen=True)
class Candidate:
    code: str
    slug: str
    name: str
    municipalities: tuple[str, ...]
    places: tuple[PlaceChoice, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "municipalities": list(self.municipalities),
            "places": [p.as_dict() for p in self.places],
        }


@dataclass(frozen=True)
class RegionFound:
    code: str
    via: str  # "code", "fsa", "municipality" or "choice"
    municipality: str | None = None  # municipality code, when known
    erac: str | None = None  # the municipality's own ERAC, when not the region's


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
    field: str = "region_choice"  # the form field that named a choice not offered


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
    municipality: str | None = None  # municipality code, when known
    first_line: str | None = None  # first-line organisation informed when no named advisor is

    def as_dict(self) -> dict[str, object]:
        return {
            "region_code": self.region_code,
            "region": self.region_slug,
            "erac": self.erac,
            "advisor": self.advisor,
            "reason": dict(self.reason),
            "informed": list(self.informed),
            "municipality": self.municipality,
            "first_line": self.first_line,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Routing:
        reason = data["reason"]
        informed = data["informed"]
        advisor = data.get("advisor")
        assert isinstance(reason, dict) and isinstance(informed, list | tuple)
        municipality = data.get("municipality")
        first_line = data.get("first_line")
        return cls(
            region_code=str(data["region_code"]),
            region_slug=str(data["region"]),
            erac=str(data["erac"]),
            advisor=str(advisor) if advisor else None,
            reason={str(k): str(v) for k, v in reason.items()},
            informed=tuple(str(x) for x in informed),
            municipality=str(municipality) if municipality else None,
            first_line=str(first_line) if first_line else None,
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
    places = sorted((table.municipalities[c] for c in area.places), key=lambda m: (_fold(m.name), m.code))
    return tuple(
        Candidate(
            code=code,
            slug=table.regions[code].slug,
            name=table.regions[code].label(lang),
            municipalities=tuple(m.name for m in places if m.region == code)
            or area.municipalities.get(code, ()),
            places=tuple(PlaceChoice(m.code, m.name, m.mrc) for m in places if m.region == code),
        )
        for code in sorted(area.regions)
    )


def find_place(places: list[Municipality], wanted: str) -> Municipality | None:
    """The one municipality of ``places`` whose code, name or other name is ``wanted``."""
    if any(m.code == wanted for m in places):
        return next(m for m in places if m.code == wanted)
    key = _fold(wanted)
    found = [m for m in places if key in {_fold(m.name), *(_fold(n) for n in m.other_names)}]
    return found[0] if len(found) == 1 else None


def resolve_region(
    postal: PostalCode,
    table: RoutingTable,
    *,
    region_choice: str | None = None,
    municipality: str | None = None,
    lang: str = "fr",
) -> RegionResolution:
    """The region (and, when known, municipality and own ERAC) of ``postal``; see the
    module docstring for the rules."""
    if not postal.in_quebec:
        return OutsideQuebec(province=postal.province(lang), message=outside_quebec_message(postal, lang))
    mcode = table.postcodes.get(postal.value)
    if mcode is not None:
        found = table.municipalities[mcode]
        return RegionFound(code=found.region, via="code", municipality=mcode, erac=found.erac)
    if postal.value in table.codes:
        return RegionFound(code=table.codes[postal.value], via="code")
    area = table.fsas.get(postal.fsa)
    if area is None or not area.regions:
        return UnknownArea(fsa=postal.fsa)
    places = [table.municipalities[c] for c in area.places]
    chosen = find_place(places, municipality) if municipality else None
    if chosen is not None:
        return RegionFound(code=chosen.region, via="municipality", municipality=chosen.code, erac=chosen.erac)
    targets = {(m.region, m.erac) for m in places}
    targets |= {(code, None) for code in area.regions if all(m.region != code for m in places)}
    if len(targets) == 1:
        ((region, erac),) = targets
        return RegionFound(
            code=region, via="fsa", municipality=places[0].code if len(places) == 1 else None, erac=erac
        )
    candidates = candidates_for(table, postal.fsa, lang)
    if region_choice is not None:
        if region_choice not in area.regions:
            return BadChoice(fsa=postal.fsa, candidates=candidates)
        in_region = {t for t in targets if t[0] == region_choice}
        if len(in_region) == 1:
            ((region, erac),) = in_region
            here = [m for m in places if m.region == region]
            only = here[0].code if len(here) == 1 else None
            return RegionFound(code=region, via="choice", municipality=only, erac=erac)
    if municipality and places:
        return BadChoice(fsa=postal.fsa, candidates=candidates, field="municipality")
    return ChooseRegion(fsa=postal.fsa, candidates=candidates)


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
    """Accents, case, spaces and punctuation dropped; ``St-``/``Ste-`` read as ``Saint-``/
    ``Sainte-`` (the same folding as ``generator.territory.fold``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _SAINT.sub(lambda m: "sainte" if m.group(0) == "ste" else "saint", plain)
    return "".join(c for c in plain if c.isalnum())


_SAINT = re.compile(r"\bste?\b")


def pick_advisor(
    table: RoutingTable,
    *,
    region_code: str,
    fsa: str,
    submission_id: str,
    municipality: str | None = None,
    place: Municipality | None = None,
    precise: bool = False,
) -> AdvisorPick:
    """The advisor for a request in ``region_code`` from ``fsa`` (rules in the module docstring);
    ``place`` is the requester's municipality when known (its names and location count)."""
    wanted = {_fold(municipality)} if municipality else set()
    if place is not None:
        wanted |= {_fold(place.name), *(_fold(n) for n in place.other_names)}
    by_fsa = [a for a in table.advisors.values() if a.region == region_code and fsa in a.fsas]
    by_town = (
        [
            a
            for a in table.advisors.values()
            if a.region == region_code
            and a not in by_fsa
            and any(_fold(m) in wanted for m in a.municipalities)
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
    if place is not None and place.location and (precise or centre is None or fsa[1] == "0"):
        # a rural FSA covers hundreds of km²; a city's FSA centre is closer than its town hall
        centre = place.location
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
    place: str | None = None,
    erac: str | None = None,
) -> Routing:
    """The full decision for a request already resolved to ``region_code`` (``place``: the
    municipality code and ``erac``: its own ERAC, as :class:`RegionFound` gives them)."""
    region = table.regions[region_code]
    town = table.municipalities.get(place) if place else None
    erac_org = table.organisations[erac or region.erac]
    pick = pick_advisor(
        table,
        region_code=region_code,
        fsa=postal.fsa,
        submission_id=submission_id,
        municipality=municipality,
        place=town,
        precise=via in ("code", "municipality"),
    )
    informed: tuple[str, ...] = (erac_org.id,) if pick.advisor is None else (erac_org.id, pick.advisor.id)
    first_line = None
    if town is not None and town.first_line and (pick.advisor is None or pick.advisor.sample):
        first_line = town.first_line[0]
        informed = (*informed, first_line)
    reason = {
        lang: _reason(
            lang,
            postal,
            via,
            region.label(lang),
            region_code,
            erac_org.label(lang),
            pick,
            town,
            table.organisations[first_line].label(lang) if first_line else None,
            own_erac=erac is not None,
        )
        for lang in ("fr", "en")
    }
    return Routing(
        region_code=region_code,
        region_slug=region.slug,
        erac=erac_org.id,
        advisor=pick.advisor.id if pick.advisor else None,
        reason=reason,
        informed=informed,
        municipality=town.code if town else None,
        first_line=first_line,
    )


def _reason(
    lang: str,
    postal: PostalCode,
    via: str,
    region: str,
    code: str,
    erac: str,
    pick: AdvisorPick,
    town: Municipality | None = None,
    first_line: str | None = None,
    *,
    own_erac: bool = False,
) -> str:
    fr = lang == "fr"
    if via == "code" and town is not None:
        where = (
            f"Le code postal {postal} est celui de {town.name}, dans la région {region} ({code})."
            if fr
            else f"Postal code {postal} is in {town.name}, in the {region} region ({code})."
        )
    elif via == "municipality" and town is not None:
        where = (
            f"La zone postale {postal.fsa} est partagée; le demandeur a indiqué {town.name}, "
            f"dans la région {region} ({code})."
            if fr
            else f"Postal area {postal.fsa} is shared; the requester gave {town.name}, "
            f"in the {region} region ({code})."
        )
    elif via == "code":
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
    if own_erac:
        erac_line = (
            f" La demande est transmise à {erac}, l'ERAC de ce territoire."
            if fr
            else f" The request goes to {erac}, this territory's own ERAC."
        )
    else:
        erac_line = (
            f" La demande est transmise à {erac}, l'ERAC de la région."
            if fr
            else f" The request goes to {erac}, the region's ERAC."
        )
    if pick.advisor is None and first_line is not None:
        who = (
            f" Aucun conseiller du répertoire ne dessert cette zone : {first_line}, l'organisme de "
            f"première ligne qui dessert la municipalité, la reçoit avec l'ERAC."
            if fr
            else f" No advisor in the directory serves this area: {first_line}, the first-line "
            f"organisation serving the municipality, receives it with the ERAC."
        )
        first_line = None
    elif pick.advisor is None:
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
    if first_line is not None:
        who += (
            f" {first_line}, l'organisme de première ligne qui dessert la municipalité, est aussi informé."
            if fr
            else f" {first_line}, the first-line organisation serving the municipality, is informed too."
        )
    return where + erac_line + who
