"""One pydantic model per content kind. The models are the schema: the JSON
Schemas under ``schemas/`` are generated from them (``python -m generator schemas``).

Models are frozen and forbid unknown fields, so a typo in a field name is an error
instead of a silently ignored line. Cross-file rules (references resolve, an FSA
claimed by two regions) live in ``generator/checks.py``, not here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.vocab import (
    Attestation,
    Audience,
    Expertise,
    Language,
    OrganisationKind,
    ProgramKind,
    ProgramStatus,
    RegionCode,
)

# --- constrained strings -------------------------------------------------------
# Ids are file names: lower-case ascii words joined by hyphens.
Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
# A Québec forward sortation area: G, H or J, a digit, then a letter Canada Post
# uses (never D, F, I, O, Q, U).
Fsa = Annotated[str, Field(pattern=r"^[GHJ][0-9][ABCEGHJ-NPRSTV-Z]$")]
# A full Canadian postal code written the Canada Post way: "J0K 2R0".
PostalCode = Annotated[
    str,
    Field(pattern=r"^[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$"),
]
QuebecPostalCode = Annotated[
    str, Field(pattern=r"^[GHJ][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$")
]
Email = Annotated[str, Field(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")]
# North-American number as written in Québec: "450 365-9218", optional extension
# "p. 201" (poste) or "ext. 201".
Phone = Annotated[
    str,
    Field(
        pattern=r"^(\+1 )?(1 )?\(?[2-9][0-9]{2}\)? ?[2-9][0-9]{2}-[0-9]{4}( (p\.|poste|ext\.) ?[0-9]{1,6})?$"
    ),
]
Url = Annotated[str, Field(pattern=r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s]*)?$")]
NonEmpty = Annotated[str, Field(min_length=1)]
# A seed document of ../shared/seeds: "002_0123456789abcdef.txt".
SeedName = Annotated[str, Field(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(Model):
    """A public text in both languages. French is the reference (Charte de la
    langue française); both are required, neither may be empty."""

    fr: NonEmpty
    en: NonEmpty

    def __getitem__(self, lang: str) -> str:
        return self.fr if lang == Language.FR else self.en


class Source(Model):
    """Where a fact comes from: a seed document of ``../shared/seeds`` and/or a
    public web page."""

    seed: SeedName | None = None
    url: Url | None = None
    title: NonEmpty | None = None
    note: NonEmpty | None = None

    @model_validator(mode="after")
    def _names_a_document(self) -> Source:
        if self.seed is None and self.url is None:
            raise PydanticCustomError(
                "source_without_document", "a source needs `seed` (a file of shared/seeds) or `url`"
            )
        return self


class Coordinates(Model):
    lat: Annotated[float, Field(ge=44.9, le=63.0)]
    lon: Annotated[float, Field(ge=-80.0, le=-57.0)]


class Address(Model):
    street: NonEmpty | None = None
    city: NonEmpty
    postal_code: PostalCode | None = None
    province: Literal["QC", "ON", "NB", "NL"] = "QC"


class PostalArea(Model):
    """A forward sortation area a region covers. ``shared: true`` when the FSA is
    split with another region: then ``codes`` lists the full postal codes of the
    FSA known to be in this region, and ``municipalities`` helps a requester choose
    when their code is not listed."""

    fsa: Fsa
    shared: bool = False
    codes: list[QuebecPostalCode] = []
    municipalities: list[NonEmpty] = []
    centre: Coordinates | None = None


class Priority(Model):
    """A targeted regional priority quoted from Investissement Québec's Plan
    d'action pour l'occupation et la vitalité des territoires 2018–2020
    (seed 002). ``plan_territory`` is the plan's ALPHABETICAL territory number
    (1 Abitibi-Témiscamingue … 18 Saguenay–Lac-Saint-Jean), kept to cite it."""

    number: Annotated[int, Field(ge=1, le=20)]
    plan_territory: Annotated[int, Field(ge=1, le=18)]
    territory: Text
    title: Text
    quote: Text


class Region(Model):
    id: Id
    code: RegionCode
    name: Text
    erac: Id
    summary: Text | None = None
    postal_areas: Annotated[list[PostalArea], Field(min_length=1)]
    priorities: list[Priority] = []
    sources: Annotated[list[Source], Field(min_length=1)]


class Organisation(Model):
    id: Id
    kind: OrganisationKind
    name: Text
    description: Text | None = None
    regions: Literal["all"] | list[RegionCode]
    address: Address | None = None
    website: Url | None = None
    phone: Phone | None = None
    email: Email | None = None
    to_confirm: bool = False
    sample: bool = False
    sources: Annotated[list[Source], Field(min_length=1)]


class ServiceArea(Model):
    fsas: list[Fsa] = []
    municipalities: list[NonEmpty] = []

    @model_validator(mode="after")
    def _not_empty(self) -> ServiceArea:
        if not self.fsas and not self.municipalities:
            raise PydanticCustomError("service_area_empty", "a service area needs `fsas` or `municipalities`")
        return self


class Advisor(Model):
    """An innovation advisor. Real advisors are only those the sources name;
    every other record is a sample (``sample: true``, an ``example.org`` email)
    that the site labels as such."""

    id: Id
    name: NonEmpty
    title: Text | None = None
    organisation: Id
    region: RegionCode
    serves: ServiceArea
    languages: Annotated[list[Language], Field(min_length=1)]
    expertise: list[Expertise] = []
    email: Email
    phone: Phone | None = None
    attested: Attestation
    location: Coordinates | None = None
    sample: bool = False
    sources: list[Source] = []

    @model_validator(mode="after")
    def _samples_are_marked(self) -> Advisor:
        if self.sample and not self.email.endswith("@example.org"):
            raise PydanticCustomError("sample_email", "a sample advisor's email must end with @example.org")
        if not self.sample and not self.sources:
            raise PydanticCustomError(
                "real_without_sources", "a real advisor needs `sources`; otherwise set `sample: true`"
            )
        return self


class Amount(Model):
    label: Text
    amount: Annotated[int, Field(ge=0)]
    per_year: bool = False


class Indicator(Model):
    indicator: Text
    target: Text


class Dates(Model):
    announced: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class Program(Model):
    id: Id
    name: Text
    summary: Text
    operator: Id
    funders: list[Id] = []
    parent: Id | None = None
    kinds: Annotated[list[ProgramKind], Field(min_length=1)]
    audiences: Annotated[list[Audience], Field(min_length=1)]
    regions: Literal["all"] | list[RegionCode]
    amounts: list[Amount] = []
    indicators: list[Indicator] = []
    dates: Dates = Dates()
    status: ProgramStatus
    website: Url | None = None
    sources: Annotated[list[Source], Field(min_length=1)]


KINDS: dict[str, type[Model]] = {
    "regions": Region,
    "organisations": Organisation,
    "advisors": Advisor,
    "programs": Program,
}
