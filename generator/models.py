"""One pydantic model per content kind. The models are the schema: the JSON
Schemas under ``schemas/`` are generated from them (``python -m generator schemas``).

Models are frozen and forbid unknown fields, so a typo in a field name is an error
instead of a silently ignored line. Cross-file rules (references resolve, an FSA
claimed by two regions) live in ``generator/checks.py``, not here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

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


def _doc(fr: str, en: str) -> Any:
    """A field's description for editors (schema hover, docs/content-reference.md):
    French first, then English, in one string."""
    return Field(description=f"{fr} — {en}")


# A fictitious record (organisation or advisor), labelled as such on the site.
SampleFlag = Annotated[
    bool,
    _doc(
        "true pour une fiche d'exemple fictive (courriel @example.org).",
        "true for a fictitious sample record (@example.org email).",
    ),
]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Text(Model):
    """A public text in both languages. French is the reference (Charte de la
    langue française); both are required, neither may be empty."""

    fr: Annotated[NonEmpty, _doc("Texte en français (langue de référence).", "French text (the reference).")]
    en: Annotated[NonEmpty, _doc("Texte en anglais.", "English text.")]

    def __getitem__(self, lang: str) -> str:
        return self.fr if lang == Language.FR else self.en


class Source(Model):
    """Where a fact comes from: a seed document of ``../shared/seeds`` and/or a
    public web page."""

    seed: Annotated[
        SeedName | None,
        _doc(
            "Document de ../shared/seeds, p. ex. 002_0123456789abcdef.txt ; `seed` ou `url` est requis.",
            "A file of ../shared/seeds, e.g. 002_0123456789abcdef.txt; `seed` or `url` is required.",
        ),
    ] = None
    url: Annotated[
        Url | None,
        _doc(
            "Page web publique de la source (https://…) ; `seed` ou `url` est requis.",
            "Public web page of the source (https://…); `seed` or `url` is required.",
        ),
    ] = None
    title: Annotated[
        NonEmpty | None, _doc("Titre du document ou de la page.", "Title of the document or page.")
    ] = None
    note: Annotated[
        NonEmpty | None,
        _doc("Précision : section, page ou fait repris.", "A note: the section, page or fact relied on."),
    ] = None
    consulted: Annotated[
        dt.date | None,
        _doc(
            "Date de consultation de la page ou du document (AAAA-MM-JJ), p. ex. 2026-11-29.",
            "Date the page or document was consulted (YYYY-MM-DD), e.g. 2026-11-29.",
        ),
    ] = None

    @model_validator(mode="after")
    def _names_a_document(self) -> Source:
        if self.seed is None and self.url is None:
            raise PydanticCustomError(
                "source_without_document", "a source needs `seed` (a file of shared/seeds) or `url`"
            )
        return self


class Coordinates(Model):
    """A point in Québec, in decimal degrees (WGS 84), e.g. ``{lat: 46.03, lon: -73.45}``."""

    lat: Annotated[
        float,
        Field(ge=44.9, le=63.0),
        _doc("Latitude en degrés décimaux (44,9 à 63), p. ex. 46.03.", "Latitude (44.9–63), e.g. 46.03."),
    ]
    lon: Annotated[
        float,
        Field(ge=-80.0, le=-57.0),
        _doc(
            "Longitude en degrés décimaux, négative (-80 à -57), p. ex. -73.45.",
            "Longitude, negative (-80 to -57), e.g. -73.45.",
        ),
    ]


class Address(Model):
    """An organisation's postal address; only ``city`` is required."""

    street: Annotated[
        NonEmpty | None,
        _doc("Numéro et rue, p. ex. 3643, rue Queen.", "Street number and name, e.g. 3643, rue Queen."),
    ] = None
    city: Annotated[NonEmpty, _doc("Municipalité, p. ex. Joliette.", "City or town, e.g. Joliette.")]
    postal_code: Annotated[
        PostalCode | None,
        _doc("Code postal avec une espace, p. ex. J6E 3Z3.", "Postal code with a space, e.g. J6E 3Z3."),
    ] = None
    province: Annotated[
        Literal["QC", "ON", "NB", "NL"],
        _doc("Province : QC (par défaut), ON, NB ou NL.", "Province: QC (default), ON, NB or NL."),
    ] = "QC"


class PostalArea(Model):
    """A forward sortation area a region covers. ``shared: true`` when the FSA is
    split with another region: then ``codes`` lists the full postal codes of the
    FSA known to be in this region, and ``municipalities`` helps a requester choose
    when their code is not listed."""

    fsa: Annotated[
        Fsa,
        _doc(
            "RTA : les 3 premiers caractères du code postal, en majuscules, p. ex. J6E.",
            "FSA: the first 3 characters of the postal code, upper case, e.g. J6E.",
        ),
    ]
    shared: Annotated[
        bool,
        _doc(
            "true si la RTA est partagée avec une autre région.",
            "true when the FSA is split with another region.",
        ),
    ] = False
    codes: Annotated[
        list[QuebecPostalCode],
        _doc(
            "RTA partagée : codes postaux complets situés dans cette région, p. ex. [J0K 2R0].",
            "Shared FSA: full postal codes known to be in this region, e.g. [J0K 2R0].",
        ),
    ] = []
    municipalities: Annotated[
        list[NonEmpty],
        _doc(
            "Municipalités de cette région dans la RTA, pour aider à choisir.",
            "Municipalities of this region within the FSA, to help requesters choose.",
        ),
    ] = []
    centre: Annotated[
        Coordinates | None,
        _doc(
            "Centre de la RTA, pour trouver le conseiller le plus proche.",
            "Centre of the FSA, to find the nearest advisor.",
        ),
    ] = None


class Priority(Model):
    """A targeted regional priority quoted from Investissement Québec's Plan
    d'action pour l'occupation et la vitalité des territoires 2018–2020
    (seed 002). ``plan_territory`` is the plan's ALPHABETICAL territory number
    (1 Abitibi-Témiscamingue … 18 Saguenay–Lac-Saint-Jean), kept to cite it."""

    number: Annotated[
        int,
        Field(ge=1, le=20),
        _doc("Numéro de la priorité dans le plan (1 à 20).", "The priority's number in the plan (1–20)."),
    ]
    plan_territory: Annotated[
        int,
        Field(ge=1, le=18),
        _doc(
            "Numéro ALPHABÉTIQUE du territoire dans le plan (1 à 18), pas le code de région.",
            "The plan's ALPHABETICAL territory number (1–18), not the region code.",
        ),
    ]
    territory: Annotated[
        Text, _doc("Territoire, tel que le plan le nomme.", "The territory, as the plan names it.")
    ]
    title: Annotated[
        Text, _doc("Énoncé de la priorité, cité du plan.", "The priority's wording, from the plan.")
    ]
    quote: Annotated[
        Text, _doc("Passage du plan qui explique la priorité.", "The plan's passage explaining the priority.")
    ]


class Region(Model):
    """One of Québec's 17 administrative regions: the postal areas it covers and
    the ERAC its requests go to."""

    id: Annotated[
        Id,
        _doc("Identifiant = nom du fichier, p. ex. lanaudiere.", "Identifier = file name, e.g. lanaudiere."),
    ]
    code: Annotated[
        RegionCode,
        _doc(
            'Code officiel de la région (01 à 17), entre guillemets : "14".',
            'Official region code (01–17), in quotes: "14".',
        ),
    ]
    name: Annotated[Text, _doc("Nom de la région.", "The region's name.")]
    erac: Annotated[
        Id,
        _doc(
            "Identifiant de l'ERAC de la région (organisme de type erac, avec courriel).",
            "Id of the region's ERAC (an organisation of kind erac, with an email).",
        ),
    ]
    summary: Annotated[
        Text | None, _doc("Courte présentation de la région.", "A short presentation of the region.")
    ] = None
    postal_areas: Annotated[
        list[PostalArea],
        Field(min_length=1),
        _doc("RTA couvertes par la région (au moins une).", "FSAs the region covers (at least one)."),
    ]
    priorities: Annotated[
        list[Priority],
        _doc("Priorités régionales du plan d'IQ 2018–2020.", "Regional priorities of IQ's 2018–2020 plan."),
    ] = []
    sources: Annotated[
        list[Source],
        Field(min_length=1),
        _doc("D'où viennent les faits (au moins une source).", "Where the facts come from (at least one)."),
    ]


class Territory(Model):
    """The territory an organisation serves, by official names of the territory
    table: MRCs or equivalent territories and/or municipalities."""

    mrcs: Annotated[
        list[NonEmpty],
        _doc(
            "MRC ou territoires équivalents desservis, par nom officiel, p. ex. [Joliette, Matawinie].",
            "MRCs or equivalent territories served, by official name, e.g. [Joliette, Matawinie].",
        ),
    ] = []
    municipalities: Annotated[
        list[NonEmpty],
        _doc(
            "Municipalités desservies, par nom officiel, p. ex. [Saint-Jacques].",
            "Municipalities served, by official name, e.g. [Saint-Jacques].",
        ),
    ] = []

    @model_validator(mode="after")
    def _not_empty(self) -> Territory:
        if not self.mrcs and not self.municipalities:
            raise PydanticCustomError("territory_empty", "a territory needs `mrcs` or `municipalities`")
        return self


class Municipality(Model):
    """A municipality of the territory table (MAMH's Répertoire des municipalités): its
    official name, the postal areas it lies in and, for rural areas, its full postal codes."""

    code: Annotated[
        str,
        Field(pattern=r"^([0-9]{5}|[a-z]+(-[a-z]+)*)$"),
        _doc(
            'Code géographique du Répertoire des municipalités, 5 chiffres entre guillemets : "61025" '
            "(une communauté absente du Répertoire : un identifiant, p. ex. opitciwan).",
            'Geographic code of the Répertoire des municipalités, 5 digits in quotes: "61025" '
            "(a community not in the Répertoire: an identifier, e.g. opitciwan).",
        ),
    ]
    name: Annotated[
        NonEmpty,
        _doc("Nom officiel, p. ex. Saint-Jacques.", "Official name, e.g. Saint-Jacques."),
    ]
    kind: Annotated[
        NonEmpty | None,
        _doc("Désignation, p. ex. Ville, Municipalité, Paroisse.", "Designation, e.g. Ville, Municipalité."),
    ] = None
    other_names: Annotated[
        list[NonEmpty],
        _doc(
            "Autres noms de lieux dans les adresses (arrondissements, secteurs, anciennes municipalités).",
            "Other place names used in addresses (boroughs, sectors, former municipalities).",
        ),
    ] = []
    office: Annotated[
        QuebecPostalCode | None,
        _doc(
            "Code postal du bureau municipal (du Répertoire ; sert aux tests, pas à l'acheminement).",
            "Postal code of the town hall (from the Répertoire; used by tests, not for routing).",
        ),
    ] = None
    fsas: Annotated[
        list[Fsa],
        Field(min_length=1),
        _doc(
            "RTA où se trouve la municipalité, p. ex. [J0K] ; chacune listée par la région.",
            "FSAs the municipality lies in, e.g. [J0K]; each listed by the region.",
        ),
    ]
    postal_codes: Annotated[
        list[QuebecPostalCode],
        _doc(
            "Codes postaux complets de la municipalité (RTA rurales), p. ex. [J0K 2R0].",
            "Full postal codes of the municipality (rural FSAs), e.g. [J0K 2R0].",
        ),
    ] = []
    location: Annotated[
        Coordinates | None,
        _doc(
            "Position (bureau de poste ou médiane des codes), pour le conseiller le plus proche.",
            "Location (post office or median of its codes), to find the nearest advisor.",
        ),
    ] = None


class Mrc(Model):
    """A regional county municipality (MRC) or equivalent territory (TE) and its municipalities."""

    name: Annotated[
        NonEmpty,
        _doc(
            "Nom officiel de la MRC ou du territoire équivalent, p. ex. Joliette.",
            "Official name of the MRC or equivalent territory, e.g. Joliette.",
        ),
    ]
    code: Annotated[
        str | None,
        Field(pattern=r"^[0-9]{3}$"),
        _doc(
            'Code de la MRC au Répertoire des municipalités, 3 chiffres entre guillemets : "610" '
            "(un territoire équivalent n'en a pas).",
            'Code of the MRC in the Répertoire des municipalités, 3 digits in quotes: "610" '
            "(an equivalent territory has none).",
        ),
    ] = None
    other_names: Annotated[
        list[NonEmpty],
        _doc(
            "Autres noms en usage (ancien nom, ville centre d'une agglomération), p. ex. [La Tuque].",
            "Other names in use (former name, an agglomeration's central city), e.g. [La Tuque].",
        ),
    ] = []
    erac: Annotated[
        Id | None,
        _doc(
            "ERAC propre à ce territoire quand ce n'est pas celle de la région (p. ex. les Îles).",
            "This territory's own ERAC when it is not the region's (e.g. the Îles).",
        ),
    ] = None
    municipalities: Annotated[
        list[Municipality],
        Field(min_length=1),
        _doc("Municipalités de la MRC.", "The MRC's municipalities."),
    ]


class RegionTerritory(Model):
    """The territory table of one region: its MRCs or equivalent territories and their
    municipalities. One file per region, named like the region's file."""

    id: Annotated[
        Id,
        _doc(
            "Identifiant = nom du fichier = celui de la région, p. ex. lanaudiere.",
            "Identifier = file name = the region's, e.g. lanaudiere.",
        ),
    ]
    region: Annotated[
        RegionCode,
        _doc('Code de la région, entre guillemets, p. ex. "14".', 'Region code, in quotes, e.g. "14".'),
    ]
    mrcs: Annotated[
        list[Mrc],
        Field(min_length=1),
        _doc("MRC et territoires équivalents de la région.", "The region's MRCs and equivalent territories."),
    ]
    sources: Annotated[
        list[Source],
        Field(min_length=1),
        _doc("D'où viennent les faits (au moins une source).", "Where the facts come from (at least one)."),
    ]


class Organisation(Model):
    """An organisation of the network: ERAC, MRC, SADC, CLD, pôle, funder…"""

    id: Annotated[
        Id,
        _doc(
            "Identifiant = nom du fichier, p. ex. sadc-matawinie.",
            "Identifier = file name, e.g. sadc-matawinie.",
        ),
    ]
    kind: Annotated[
        OrganisationKind,
        _doc(
            "Type d'organisme, p. ex. erac, mrc, sadc, cld.",
            "Kind of organisation, e.g. erac, mrc, sadc, cld.",
        ),
    ]
    name: Annotated[Text, _doc("Nom de l'organisme.", "The organisation's name.")]
    description: Annotated[
        Text | None, _doc("Courte description de l'organisme.", "A short description of the organisation.")
    ] = None
    regions: Annotated[
        Literal["all"] | list[RegionCode],
        _doc(
            'Régions desservies : all, ou une liste de codes, p. ex. ["14", "15"].',
            'Regions served: all, or a list of codes, e.g. ["14", "15"].',
        ),
    ]
    address: Annotated[Address | None, _doc("Adresse du bureau principal.", "Main office address.")] = None
    website: Annotated[Url | None, _doc("Site web (https://…).", "Website (https://…).")] = None
    phone: Annotated[
        Phone | None,
        _doc("Téléphone, p. ex. 450 365-9218 p. 201.", "Phone number, e.g. 450 365-9218 ext. 201."),
    ] = None
    email: Annotated[
        Email | None,
        _doc(
            "Courriel ; requis pour une ERAC ou l'employeur d'un conseiller (les demandes y sont envoyées).",
            "Email; required for an ERAC or an advisor's employer (requests are sent to it).",
        ),
    ] = None
    serves: Annotated[
        Territory | None,
        _doc(
            "Territoire desservi (MRC, municipalités) par un organisme de première ligne.",
            "Territory served (MRCs, municipalities) by a first-line organisation.",
        ),
    ] = None
    to_confirm: Annotated[
        bool,
        _doc(
            "true si des faits de la fiche restent à confirmer.", "true when some facts are still to confirm."
        ),
    ] = False
    sample: SampleFlag = False
    sources: Annotated[
        list[Source],
        Field(min_length=1),
        _doc("D'où viennent les faits (au moins une source).", "Where the facts come from (at least one)."),
    ]


class ServiceArea(Model):
    """Where an advisor works: FSAs and/or municipalities (at least one of them)."""

    fsas: Annotated[
        list[Fsa],
        _doc(
            "RTA desservies, p. ex. [J6E, J0K] ; chacune dans la région de la fiche.",
            "FSAs served, e.g. [J6E, J0K]; each in the record's region.",
        ),
    ] = []
    municipalities: Annotated[
        list[NonEmpty],
        _doc(
            "Municipalités desservies, p. ex. [Joliette, Rawdon].",
            "Municipalities served, e.g. [Joliette, Rawdon].",
        ),
    ] = []

    @model_validator(mode="after")
    def _not_empty(self) -> ServiceArea:
        if not self.fsas and not self.municipalities:
            raise PydanticCustomError("service_area_empty", "a service area needs `fsas` or `municipalities`")
        return self


class Advisor(Model):
    """An innovation advisor. Real advisors are only those the sources name;
    every other record is a sample (``sample: true``, an ``example.org`` email)
    that the site labels as such."""

    id: Annotated[
        Id,
        _doc(
            "Identifiant = nom du fichier, p. ex. sample-lanaudiere-joliette.",
            "Identifier = file name, e.g. sample-lanaudiere-joliette.",
        ),
    ]
    name: Annotated[NonEmpty, _doc("Prénom et nom de la personne.", "The person's full name.")]
    title: Annotated[Text | None, _doc("Titre du poste.", "Job title.")] = None
    organisation: Annotated[
        Id,
        _doc(
            "Identifiant de l'organisme employeur (qui a un courriel).",
            "Id of the employing organisation (which has an email).",
        ),
    ]
    region: Annotated[
        RegionCode,
        _doc('Code de la région, entre guillemets, p. ex. "14".', 'Region code, in quotes, e.g. "14".'),
    ]
    serves: Annotated[
        ServiceArea,
        _doc("Territoire desservi : RTA et/ou municipalités.", "Area served: FSAs and/or municipalities."),
    ]
    languages: Annotated[
        list[Language],
        Field(min_length=1),
        _doc("Langues de service, p. ex. [fr, en].", "Languages of service, e.g. [fr, en]."),
    ]
    expertise: Annotated[
        list[Expertise],
        _doc(
            "Domaines d'expertise, p. ex. [digital, export].", "Areas of expertise, e.g. [digital, export]."
        ),
    ] = []
    email: Annotated[
        Email,
        _doc(
            "Courriel ; se termine par @example.org pour une fiche d'exemple.",
            "Email; ends with @example.org for a sample record.",
        ),
    ]
    phone: Annotated[
        Phone | None,
        _doc("Téléphone, p. ex. 450 759-1234 p. 201.", "Phone number, e.g. 450 759-1234 ext. 201."),
    ] = None
    attested: Annotated[
        Attestation,
        _doc(
            "Attestation de conseiller en innovation : attested ou in_progress.",
            "Innovation-advisor attestation: attested or in_progress.",
        ),
    ]
    location: Annotated[
        Coordinates | None,
        _doc(
            "Position du bureau, pour choisir la personne la plus proche.",
            "Office location, to pick the nearest advisor.",
        ),
    ] = None
    sample: SampleFlag = False
    sources: Annotated[
        list[Source],
        _doc(
            "Sources qui nomment la personne ; requises sauf si sample: true.",
            "Sources naming the person; required unless sample: true.",
        ),
    ] = []

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
    """A sum of money a program offers or is funded with."""

    label: Annotated[
        Text,
        _doc(
            "Ce que représente le montant, p. ex. « Aide maximale ».",
            "What the amount is, e.g. “Maximum grant”.",
        ),
    ]
    amount: Annotated[
        int,
        Field(ge=0),
        _doc(
            "Montant en dollars, nombre entier sans espace ni symbole, p. ex. 50000.",
            "Amount in dollars, a whole number without spaces or symbols, e.g. 50000.",
        ),
    ]
    per_year: Annotated[bool, _doc("true si le montant est annuel.", "true when the amount is per year.")] = (
        False
    )
    in_millions: Annotated[
        bool,
        _doc(
            "true si la source donne le montant en millions (« 28,8 millions de dollars ») : "
            "la page l'écrit comme la source.",
            "true when the source gives the amount in millions (“28.8 million dollars”): "
            "the page writes it as the source does.",
        ),
    ] = False
    more_than: Annotated[
        bool,
        _doc(
            "true si la source écrit « plus de » devant le montant.",
            "true when the source writes “more than” before the amount.",
        ),
    ] = False

    @model_validator(mode="after")
    def _millions_as_written(self) -> Amount:
        if self.in_millions and self.amount % 100_000:
            raise PydanticCustomError(
                "millions_not_round", "an amount in millions must be a multiple of 100000 (one decimal)"
            )
        return self


class Indicator(Model):
    """A performance indicator of a program and its target."""

    indicator: Annotated[Text, _doc("Ce qui est mesuré.", "What is measured.")]
    target: Annotated[
        Text, _doc("La cible visée, p. ex. « 50 entreprises ».", "The target, e.g. “50 businesses”.")
    ]


class Dates(Model):
    """A program's key dates, each written ``YYYY-MM-DD``; all optional."""

    announced: Annotated[
        dt.date | None, _doc("Date de l'annonce, p. ex. 2023-01-15.", "Announcement date, e.g. 2023-01-15.")
    ] = None
    start: Annotated[dt.date | None, _doc("Date de début (AAAA-MM-JJ).", "Start date (YYYY-MM-DD).")] = None
    end: Annotated[dt.date | None, _doc("Date de fin (AAAA-MM-JJ).", "End date (YYYY-MM-DD).")] = None


class Program(Model):
    """A program, initiative or action: who runs it, for whom, where, how much."""

    id: Annotated[
        Id,
        _doc(
            "Identifiant = nom du fichier, p. ex. essor-numerique-lanaudiere.",
            "Identifier = file name, e.g. essor-numerique-lanaudiere.",
        ),
    ]
    name: Annotated[Text, _doc("Nom du programme.", "The program's name.")]
    summary: Annotated[Text, _doc("Résumé en une ou deux phrases.", "A one- or two-sentence summary.")]
    operator: Annotated[
        Id,
        _doc(
            "Identifiant de l'organisme qui offre le programme.",
            "Id of the organisation that runs the program.",
        ),
    ]
    funders: Annotated[
        list[Id],
        _doc(
            "Identifiants des bailleurs de fonds, p. ex. [investissement-quebec].",
            "Ids of the funding organisations, e.g. [investissement-quebec].",
        ),
    ] = []
    parent: Annotated[
        Id | None,
        _doc(
            "Identifiant du programme dont celui-ci est un volet.", "Id of the program this one is part of."
        ),
    ] = None
    kinds: Annotated[
        list[ProgramKind],
        Field(min_length=1),
        _doc("Types de programme, p. ex. [coaching, grant].", "Kinds of program, e.g. [coaching, grant]."),
    ]
    audiences: Annotated[
        list[Audience],
        Field(min_length=1),
        _doc("Clientèles visées, p. ex. [sme, manufacturers].", "Audiences, e.g. [sme, manufacturers]."),
    ]
    regions: Annotated[
        Literal["all"] | list[RegionCode],
        _doc(
            'Régions visées : all, ou une liste de codes, p. ex. ["14"].',
            'Regions covered: all, or a list of codes, e.g. ["14"].',
        ),
    ]
    amounts: Annotated[list[Amount], _doc("Montants du programme.", "The program's amounts.")] = []
    indicators: Annotated[
        list[Indicator], _doc("Indicateurs de résultats et cibles.", "Performance indicators and targets.")
    ] = []
    dates: Annotated[
        Dates, _doc("Dates clés : announced, start, end.", "Key dates: announced, start, end.")
    ] = Dates()
    status: Annotated[
        ProgramStatus,
        _doc("Statut, p. ex. open (ouvert) ou closed (fermé).", "Status, e.g. open or closed."),
    ]
    website: Annotated[
        Url | None, _doc("Page web officielle du programme.", "The program's official page.")
    ] = None
    sources: Annotated[
        list[Source],
        Field(min_length=1),
        _doc("D'où viennent les faits (au moins une source).", "Where the facts come from (at least one)."),
    ]


KINDS: dict[str, type[Model]] = {
    "regions": Region,
    "organisations": Organisation,
    "advisors": Advisor,
    "programs": Program,
    "territory": RegionTerritory,
}
