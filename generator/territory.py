"""The territory table as an index: municipalities by code and by name, MRCs by name,
the postal areas they lie in and the ERAC each one's requests go to.

Built from the validated :class:`~generator.models.RegionTerritory` files (one per region)
by the checks, the routing-table builder and the routing diff; nothing here reads YAML.
Names are compared *folded*: accents, case, spaces and punctuation dropped, and ``St-`` /
``Ste-`` read as ``Saint-`` / ``Sainte-`` (``fold("Ste-Julienne") == fold("Sainte Julienne")``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from generator.models import Mrc, Municipality, RegionTerritory


def fold(name: str) -> str:
    """``name`` without accents, case, spaces or punctuation, for comparing names."""
    text = unicodedata.normalize("NFKD", name.casefold().replace("œ", "oe").replace("æ", "ae"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\bste?\b", lambda m: "sainte" if m.group(0) == "ste" else "saint", text)
    return "".join(c for c in text if c.isalnum())


@dataclass(frozen=True)
class Place:
    """One municipality with where it sits: its MRC (or TE), region and, when the MRC has
    its own, its ERAC (``None``: the region's)."""

    municipality: Municipality
    mrc: Mrc
    region: str
    erac: str | None

    @property
    def code(self) -> str:
        return self.municipality.code

    @property
    def name(self) -> str:
        return self.municipality.name


class TerritoryIndex:
    """Look-ups over every region's territory file."""

    def __init__(self, territories: Iterable[RegionTerritory]) -> None:
        self.places: dict[str, Place] = {}
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self._mrcs: dict[str, list[tuple[str, Mrc]]] = defaultdict(list)
        self._by_fsa: dict[str, list[Place]] = defaultdict(list)
        self.mrc_names: list[str] = []
        for territory in territories:
            region = str(territory.region)
            for mrc in territory.mrcs:
                for name in {fold(mrc.name), *(fold(n) for n in mrc.other_names)}:
                    self._mrcs[name].append((region, mrc))
                self.mrc_names.extend([mrc.name, *mrc.other_names])
                for municipality in mrc.municipalities:
                    place = Place(municipality, mrc, region, mrc.erac)
                    self.places.setdefault(municipality.code, place)
                    self._by_name[fold(municipality.name)].append(place)
                    for other in municipality.other_names:
                        self._by_name[fold(other)].append(place)
                    for fsa in municipality.fsas:
                        self._by_fsa[fsa].append(place)

    def __bool__(self) -> bool:
        return bool(self.places)

    def municipalities_named(self, name: str, regions: Iterable[str] | None = None) -> list[Place]:
        """The municipalities called ``name`` (folded), in ``regions`` when given."""
        found = self._by_name.get(fold(name), [])
        if regions is None:
            return list(found)
        wanted = set(regions)
        return [p for p in found if p.region in wanted]

    def mrcs_named(self, name: str, regions: Iterable[str] | None = None) -> list[tuple[str, Mrc]]:
        """The MRCs or TEs called ``name`` (folded), as (region code, MRC), in ``regions`` when given."""
        found = self._mrcs.get(fold(name), [])
        if regions is None:
            return list(found)
        wanted = set(regions)
        return [(r, m) for r, m in found if r in wanted]

    def in_fsa(self, fsa: str) -> list[Place]:
        """The municipalities lying (at least partly) in ``fsa``."""
        return list(self._by_fsa.get(fsa, []))

    def closest_municipalities(self, name: str, n: int = 3) -> list[str]:
        """Official names closest to ``name`` (for a did-you-mean hint)."""
        return _closest(name, sorted({p.name for p in self.places.values()}), n)

    def closest_mrcs(self, name: str, n: int = 3) -> list[str]:
        return _closest(name, sorted(set(self.mrc_names)), n)


def _closest(name: str, pool: list[str], n: int) -> list[str]:
    by_fold: dict[str, str] = {}
    for item in pool:
        by_fold.setdefault(fold(item), item)
    matches = difflib.get_close_matches(fold(name), list(by_fold), n=n, cutoff=0.6)
    return [by_fold[m] for m in matches]
