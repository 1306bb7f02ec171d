"""Fixed vocabularies of the content: one module, one place to extend them.

Every list here is closed: a content file using a value outside it is an error
that names the allowed values.
"""

from __future__ import annotations

from enum import StrEnum


class RegionCode(StrEnum):
    """Official codes of Québec's 17 administrative regions (Institut de la
    statistique du Québec). Not the alphabetical 1–18 numbering of the IQ plan."""

    BAS_SAINT_LAURENT = "01"
    SAGUENAY_LAC_SAINT_JEAN = "02"
    CAPITALE_NATIONALE = "03"
    MAURICIE = "04"
    ESTRIE = "05"
    MONTREAL = "06"
    OUTAOUAIS = "07"
    ABITIBI_TEMISCAMINGUE = "08"
    COTE_NORD = "09"
    NORD_DU_QUEBEC = "10"
    GASPESIE_ILES_DE_LA_MADELEINE = "11"
    CHAUDIERE_APPALACHES = "12"
    LAVAL = "13"
    LANAUDIERE = "14"
    LAURENTIDES = "15"
    MONTEREGIE = "16"
    CENTRE_DU_QUEBEC = "17"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


LANGUAGES: tuple[Language, ...] = (Language.FR, Language.EN)
DEFAULT_LANGUAGE = Language.FR


class OrganisationKind(StrEnum):
    ERAC = "erac"  # Espace régional d'accélération et de croissance
    MRC = "mrc"  # municipalité régionale de comté (economic development service)
    SADC = "sadc"  # Société d'aide au développement des collectivités
    CAE = "cae"  # Centre d'aide aux entreprises (same federal network as the SADCs)
    CLD = "cld"  # centre local de développement / PME MTL and the like
    POLE = "pole"  # pôle régional d'innovation, pôle d'économie sociale
    FUNDER = "funder"  # Investissement Québec and other financing bodies
    GOVERNMENT = "government"  # ministries and councils (MEIE, Conseil de l'innovation)
    NETWORK = "network"  # networks and associations (CQCM, Chantier, Digihub network)
    RESEARCH = "research"  # colleges, universities, CCTT, research centres
    ACCELERATOR = "accelerator"  # incubators and accelerators


class ProgramKind(StrEnum):
    FINANCING = "financing"
    GRANT = "grant"
    LOAN = "loan"
    COACHING = "coaching"
    TRAINING = "training"
    AUDIT = "audit"
    NETWORK = "network"
    AWARENESS = "awareness"
    REFERRAL = "referral"


class Audience(StrEnum):
    SME = "sme"
    SOCIAL_ECONOMY = "social_economy"  # co-ops and non-profits
    MANUFACTURERS = "manufacturers"
    STARTUPS = "startups"
    ADVISORS = "advisors"  # economic-development professionals
    SECTOR = "sector"  # a given industry (forestry, fisheries, mining, culture, …)
    ALL_BUSINESSES = "all_businesses"


class ProgramStatus(StrEnum):
    OPEN = "open"
    ONGOING = "ongoing"
    CLOSED = "closed"
    COMPLETED = "completed"  # a source says it is over
    PERIOD_ENDED = "period_ended"  # no source says it is over, but its stated period has passed
    ANNOUNCED = "announced"


class Attestation(StrEnum):
    ATTESTED = "attested"
    IN_PROGRESS = "in_progress"


class Expertise(StrEnum):
    DIGITAL = "digital"
    MANUFACTURING = "manufacturing"
    SOCIAL_ECONOMY = "social_economy"
    FINANCING = "financing"
    EXPORT = "export"
    TRANSFER = "transfer"  # business succession / transfer (relève)
    STARTUP = "startup"
    AGRIFOOD = "agrifood"
    NATURAL_RESOURCES = "natural_resources"
    TOURISM = "tourism"
    RESEARCH = "research"


ALL_REGIONS = "all"
