"""Canadian postal codes: normalise, validate, tell Québec from the rest of Canada.

Canada Post never uses D, F, I, O, Q or U in a postal code, and never W or Z as the
first letter. The first letter is the postal district: G (eastern Québec), H (Montréal
and Laval) and J (western Québec) are Québec's; every other valid letter is another
province or territory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FIRST = "ABCEGHJKLMNPRSTVXY"
_LETTER = "ABCEGHJKLMNPRSTVWXYZ"
_PATTERN = re.compile(rf"^([{_FIRST}])([0-9])([{_LETTER}])([0-9])([{_LETTER}])([0-9])$")
_SEPARATORS = re.compile(r"[\s\-]+")

QUEBEC_DISTRICTS = frozenset("GHJ")

# First letter → province or territory, for the "outside Québec" answer.
PROVINCES: dict[str, dict[str, str]] = {
    "A": {"fr": "Terre-Neuve-et-Labrador", "en": "Newfoundland and Labrador"},
    "B": {"fr": "Nouvelle-Écosse", "en": "Nova Scotia"},
    "C": {"fr": "Île-du-Prince-Édouard", "en": "Prince Edward Island"},
    "E": {"fr": "Nouveau-Brunswick", "en": "New Brunswick"},
    "K": {"fr": "Ontario", "en": "Ontario"},
    "L": {"fr": "Ontario", "en": "Ontario"},
    "M": {"fr": "Ontario", "en": "Ontario"},
    "N": {"fr": "Ontario", "en": "Ontario"},
    "P": {"fr": "Ontario", "en": "Ontario"},
    "R": {"fr": "Manitoba", "en": "Manitoba"},
    "S": {"fr": "Saskatchewan", "en": "Saskatchewan"},
    "T": {"fr": "Alberta", "en": "Alberta"},
    "V": {"fr": "Colombie-Britannique", "en": "British Columbia"},
    "X": {"fr": "Nunavut ou Territoires du Nord-Ouest", "en": "Nunavut or the Northwest Territories"},
    "Y": {"fr": "Yukon", "en": "Yukon"},
}


@dataclass(frozen=True)
class PostalCode:
    """A valid Canadian postal code in its canonical form ``A1A 1A1``."""

    value: str

    @property
    def fsa(self) -> str:
        """Forward sortation area: the first three characters."""
        return self.value[:3]

    @property
    def in_quebec(self) -> bool:
        return self.value[0] in QUEBEC_DISTRICTS

    def province(self, lang: str) -> str:
        """Name of the province or territory of a code outside Québec, in ``lang``."""
        names = PROVINCES.get(self.value[0], {"fr": "Québec", "en": "Québec"})
        return names.get(lang, names["fr"])

    def __str__(self) -> str:
        return self.value


def normalise_postal_code(raw: str) -> PostalCode | None:
    """``h2x1y4``, ``H2X 1Y4``, `` H2X-1Y4 `` → ``PostalCode("H2X 1Y4")``; ``None`` if not valid."""
    compact = _SEPARATORS.sub("", raw).upper()
    if not _PATTERN.match(compact):
        return None
    return PostalCode(f"{compact[:3]} {compact[3:]}")
