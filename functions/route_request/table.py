"""The routing table, read once from the generator's JSON build output.

Shape (docs/architecture.md): ``version``, ``regions``, ``organisations``, ``fsas``,
``codes``, ``advisors``. Parsed into frozen values so the core never handles raw dicts;
a malformed table raises :class:`TableError` at start-up rather than at a request.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Localised = Mapping[str, str]
Coordinates = tuple[float, float]


class TableError(ValueError):
    """The routing table is missing or does not have the documented shape."""


@dataclass(frozen=True)
class Region:
    code: str
    slug: str
    name: Localised
    erac: str

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["fr"]


@dataclass(frozen=True)
class Organisation:
    id: str
    name: Localised
    kind: str
    email: str
    sample: bool
    to_confirm: bool
    # A real organisation that publishes no email: ``email`` is a stand-in under example.org
    # and the operators relay its mail (generator/routing_table.py).
    relay: bool = False

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name["fr"]


@dataclass(frozen=True)
class PostalArea:
    fsa: str
    regions: tuple[str, ...]
    centre: Coordinates | None
    municipalities: Mapping[str, tuple[str, ...]]
    places: tuple[str, ...] = ()  # codes of the municipalities lying in this FSA


@dataclass(frozen=True)
class Municipality:
    """A municipality of the territory table: where it is and whom its requests reach."""

    code: str
    name: str
    region: str
    mrc: str
    erac: str | None  # its own ERAC when not the region's (the Îles)
    location: Coordinates | None
    other_names: tuple[str, ...]
    first_line: tuple[str, ...]  # organisations serving it, the one to inform first


@dataclass(frozen=True)
class Advisor:
    id: str
    name: str
    email: str
    organisation: str
    region: str
    fsas: frozenset[str]
    municipalities: tuple[str, ...]
    location: Coordinates | None
    languages: tuple[str, ...]
    sample: bool


class Municipalities(Mapping[str, Municipality]):
    """The territory's municipalities, each built from its JSON entry the first time it is
    asked for: a cold start reads about 1,100 entries and a request needs one or a few.
    :meth:`check` validates every raw entry at start-up all the same."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw
        self._built: dict[str, Municipality] = {}

    def __getitem__(self, code: str) -> Municipality:
        found = self._built.get(code)
        if found is None:
            m = self._raw[code]
            found = self._built[code] = Municipality(
                code=code,
                name=m["name"],
                region=m["region"],
                mrc=m["mrc"],
                erac=m.get("erac") or None,
                location=_coords(m.get("location")),
                other_names=tuple(m.get("other_names") or ()),
                first_line=tuple(m.get("first_line") or ()),
            )
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, code: object) -> bool:
        return code in self._raw

    def check(self, regions: Mapping[str, Region], organisations: Mapping[str, Organisation]) -> None:
        """:class:`TableError` for the first entry naming an unknown region or an organisation
        without an email, or missing its name, region or MRC."""
        reachable = {oid for oid, o in organisations.items() if o.email}
        for code, m in self._raw.items():
            try:
                if not (isinstance(m["name"], str) and isinstance(m["mrc"], str)):
                    raise TypeError("name and mrc must be strings")
                location = m.get("location")
                if location is not None and not (
                    len(location) == 2 and all(isinstance(x, int | float) for x in location)
                ):
                    raise ValueError(f"location must be [lat, lon], not {location!r}")
                if m["region"] not in regions:
                    raise TableError(f"municipality {code}: unknown region {m['region']!r}")
                erac = m.get("erac")
                if erac is not None and erac not in organisations:
                    raise TableError(f"municipality {code}: unknown ERAC {erac!r}")
                for oid in m.get("first_line") or ():
                    if oid not in reachable:
                        raise TableError(
                            f"municipality {code}: organisation {oid!r} missing or without email"
                        )
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                raise TableError(f"municipality {code}: not the documented shape: {exc!r}") from exc


@dataclass(frozen=True)
class RoutingTable:
    version: str
    regions: Mapping[str, Region]
    organisations: Mapping[str, Organisation]
    fsas: Mapping[str, PostalArea]
    codes: Mapping[str, str]
    advisors: Mapping[str, Advisor]
    municipalities: Mapping[str, Municipality] = field(default_factory=dict)
    postcodes: Mapping[str, str] = field(default_factory=dict)  # full code → municipality code

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoutingTable:
        """Parse the documented JSON shape; :class:`TableError` names the first bad entry."""
        try:
            regions = {
                code: Region(code=code, slug=str(r["slug"]), name=_names(r["name"]), erac=str(r["erac"]))
                for code, r in data["regions"].items()
            }
            organisations = {
                oid: Organisation(
                    id=oid,
                    name=_names(o["name"]),
                    kind=str(o.get("kind", "")),
                    email=str(o.get("email") or ""),
                    sample=bool(o.get("sample", False)),
                    to_confirm=bool(o.get("to_confirm", False)),
                    relay=bool(o.get("relay", False)),
                )
                for oid, o in data["organisations"].items()
            }
            fsas = {
                fsa: PostalArea(
                    fsa=fsa,
                    regions=tuple(str(c) for c in a["regions"]),
                    centre=_coords(a.get("centre")),
                    municipalities={
                        str(c): tuple(str(m) for m in ms) for c, ms in (a.get("municipalities") or {}).items()
                    },
                    places=tuple(str(p) for p in a.get("places") or ()),
                )
                for fsa, a in data["fsas"].items()
            }
            codes = {str(k): str(v) for k, v in (data.get("codes") or {}).items()}
            advisors = {
                aid: Advisor(
                    id=aid,
                    name=str(a["name"]),
                    email=str(a["email"]),
                    organisation=str(a.get("organisation") or ""),
                    region=str(a["region"]),
                    fsas=frozenset(str(f) for f in a.get("fsas") or ()),
                    municipalities=tuple(str(m) for m in a.get("municipalities") or ()),
                    location=_coords(a.get("location")),
                    languages=tuple(str(x) for x in a.get("languages") or ("fr",)),
                    sample=bool(a.get("sample", False)),
                )
                for aid, a in (data.get("advisors") or {}).items()
            }
            raw_municipalities = data.get("municipalities") or {}
            if not isinstance(raw_municipalities, Mapping):
                raise TypeError("municipalities must be an object")
            municipalities = Municipalities(raw_municipalities)
            postcodes = {str(k): str(v) for k, v in (data.get("postcodes") or {}).items()}
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise TableError(f"routing table does not have the documented shape: {exc!r}") from exc
        table = cls(
            version=str(data.get("version", "")),
            regions=regions,
            organisations=organisations,
            fsas=fsas,
            codes=codes,
            advisors=advisors,
            municipalities=municipalities,
            postcodes=postcodes,
        )
        table._check()
        return table

    def _check(self) -> None:
        for region in self.regions.values():
            erac = self.organisations.get(region.erac)
            if erac is None or not erac.email:
                raise TableError(f"region {region.code}: ERAC {region.erac!r} missing or without email")
        for area in self.fsas.values():
            for code in area.regions:
                if code not in self.regions:
                    raise TableError(f"FSA {area.fsa}: unknown region {code!r}")
        for postal, code in self.codes.items():
            if code not in self.regions:
                raise TableError(f"code {postal}: unknown region {code!r}")
        if isinstance(self.municipalities, Municipalities):
            self.municipalities.check(self.regions, self.organisations)
        for postal, mcode in self.postcodes.items():
            if mcode not in self.municipalities:
                raise TableError(f"code {postal}: unknown municipality {mcode!r}")
        for area in self.fsas.values():
            for mcode in area.places:
                if mcode not in self.municipalities:
                    raise TableError(f"FSA {area.fsa}: unknown municipality {mcode!r}")
        for advisor in self.advisors.values():
            if advisor.region not in self.regions:
                raise TableError(f"advisor {advisor.id}: unknown region {advisor.region!r}")


def load_table(path: Path) -> RoutingTable:
    """Read and parse the routing table at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TableError(f"routing table not found at {path}; run `python -m generator build`") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TableError(f"routing table at {path} is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise TableError(f"routing table at {path} is not a JSON object")
    return RoutingTable.from_dict(data)


def _names(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"fr": value, "en": value}
    names = {str(k): str(v) for k, v in value.items()}
    if "fr" not in names:
        raise ValueError(f"name without French: {names}")
    return names


def _coords(value: Any) -> Coordinates | None:
    if value is None:
        return None
    lat, lon = value
    return (float(lat), float(lon))
