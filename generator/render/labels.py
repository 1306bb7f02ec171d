"""The words the generated pages use, in French and English: vocabulary values
(program kinds, audiences, statuses, organisation kinds…) and the fixed phrases of
the templates. Templates look words up here through ``t(key)``; they hold no prose
of their own, so a missing translation is a ``KeyError`` at build time, never a
silently French English page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.vocab import (
    Attestation,
    Audience,
    Expertise,
    Language,
    OrganisationKind,
    ProgramKind,
    ProgramStatus,
)

Pair = tuple[str, str]  # (fr, en)

ORGANISATION_KINDS: dict[OrganisationKind, Pair] = {
    OrganisationKind.ERAC: (
        "Espaces régionaux d'accélération et de croissance (ERAC)",
        "Regional acceleration and growth hubs (ERAC)",
    ),
    OrganisationKind.MRC: ("MRC", "Regional county municipalities (MRC)"),
    OrganisationKind.SADC: (
        "Sociétés d'aide au développement des collectivités (SADC)",
        "Community futures development corporations (SADC)",
    ),
    OrganisationKind.CAE: ("Centres d'aide aux entreprises (CAE)", "Business development centres (CAE)"),
    OrganisationKind.CLD: ("Développement local (CLD, PME MTL…)", "Local development (CLD, PME MTL…)"),
    OrganisationKind.POLE: ("Pôles régionaux", "Regional hubs (pôles)"),
    OrganisationKind.FUNDER: ("Organismes de financement", "Funders"),
    OrganisationKind.GOVERNMENT: ("Ministères et conseils", "Ministries and councils"),
    OrganisationKind.NETWORK: ("Réseaux et associations", "Networks and associations"),
    OrganisationKind.RESEARCH: ("Recherche et transfert", "Research and technology transfer"),
    OrganisationKind.ACCELERATOR: ("Incubateurs et accélérateurs", "Incubators and accelerators"),
}

PROGRAM_KINDS: dict[ProgramKind, Pair] = {
    ProgramKind.FINANCING: ("Financement", "Financing"),
    ProgramKind.GRANT: ("Subvention", "Grant"),
    ProgramKind.LOAN: ("Prêt", "Loan"),
    ProgramKind.COACHING: ("Accompagnement", "Coaching"),
    ProgramKind.TRAINING: ("Formation", "Training"),
    ProgramKind.AUDIT: ("Diagnostic", "Audit"),
    ProgramKind.NETWORK: ("Réseautage", "Networking"),
    ProgramKind.AWARENESS: ("Sensibilisation", "Awareness"),
    ProgramKind.REFERRAL: ("Orientation", "Referral"),
}

AUDIENCES: dict[Audience, Pair] = {
    Audience.SME: ("PME", "SMEs"),
    Audience.SOCIAL_ECONOMY: ("Économie sociale", "Social economy"),
    Audience.MANUFACTURERS: ("Manufacturiers", "Manufacturers"),
    Audience.STARTUPS: ("Jeunes pousses", "Start-ups"),
    Audience.ADVISORS: ("Professionnels du développement économique", "Economic-development professionals"),
    Audience.SECTOR: ("Secteur d'activité", "Industry sector"),
    Audience.ALL_BUSINESSES: ("Toutes les entreprises", "All businesses"),
}

STATUSES: dict[ProgramStatus, Pair] = {
    ProgramStatus.OPEN: ("Ouvert", "Open"),
    ProgramStatus.ONGOING: ("En cours", "Ongoing"),
    ProgramStatus.CLOSED: ("Fermé", "Closed"),
    ProgramStatus.COMPLETED: ("Terminé", "Completed"),
    ProgramStatus.PERIOD_ENDED: ("Période prévue terminée", "Planned period ended"),
    ProgramStatus.ANNOUNCED: ("Annoncé", "Announced"),
}

ATTESTATIONS: dict[Attestation, Pair] = {
    Attestation.ATTESTED: ("Attesté·e", "Attested"),
    Attestation.IN_PROGRESS: ("Attestation en cours", "Attestation in progress"),
}

EXPERTISE: dict[Expertise, Pair] = {
    Expertise.DIGITAL: ("numérique", "digital"),
    Expertise.MANUFACTURING: ("manufacturier", "manufacturing"),
    Expertise.SOCIAL_ECONOMY: ("économie sociale", "social economy"),
    Expertise.FINANCING: ("financement", "financing"),
    Expertise.EXPORT: ("exportation", "export"),
    Expertise.TRANSFER: ("relève d'entreprise", "business succession"),
    Expertise.STARTUP: ("démarrage", "start-up"),
    Expertise.AGRIFOOD: ("bioalimentaire", "agri-food"),
    Expertise.NATURAL_RESOURCES: ("ressources naturelles", "natural resources"),
    Expertise.TOURISM: ("tourisme", "tourism"),
    Expertise.RESEARCH: ("recherche", "research"),
}

LANGUAGE_NAMES: dict[Language, Pair] = {
    Language.FR: ("français", "French"),
    Language.EN: ("anglais", "English"),
}

UI: dict[str, Pair] = {
    "all_regions": ("Toutes les régions", "All regions"),
    "whole_quebec": ("Tout le Québec", "All of Québec"),
    "sample": ("Exemple fictif", "Sample record"),
    "sample_note": (
        "Fiche d'exemple, fictive : elle montre la forme de l'information, pas une personne réelle.",
        "Sample record, fictitious: it shows the shape of the information, not a real person.",
    ),
    "to_confirm": ("À confirmer", "To be confirmed"),
    "checked_on": ("Vérifié le", "Checked on"),
    "erac_no_email": (
        "Aucun courriel général publié pour cet organisme : l'équipe Relais lui relaie les demandes "
        "de la région.",
        "This organisation publishes no general email: the Relais team relays the region's requests to it.",
    ),
    "filter_open_now": ("Ouvert maintenant", "Open now"),
    "not_checked": ("Fiche d'exemple, non vérifiée", "Sample record, not checked"),
    "report_correction": ("Signaler une correction", "Report a correction"),
    "region": ("Région", "Region"),
    "regions": ("Régions", "Regions"),
    "regions_title": ("Les 17 régions", "The 17 regions"),
    "regions_intro": (
        "Chaque région administrative du Québec a son Espace régional d'accélération et de "
        "croissance (ERAC), qui reçoit les demandes de sa région et les confie au conseiller "
        "ou à la conseillère en innovation le plus près de l'entreprise.",
        "Each of Québec's administrative regions has its regional acceleration and growth hub "
        "(ERAC), which receives the requests from its region and hands them to the innovation "
        "advisor nearest the business.",
    ),
    "code": ("Code", "Code"),
    "ask_help": ("Demander de l'aide", "Ask for help"),
    "ask_help_text": (
        "Décrivez votre projet : votre code postal achemine la demande à l'ERAC de votre région.",
        "Describe your project: your postal code routes the request to your region's ERAC.",
    ),
    "erac": ("ERAC de la région", "The region's ERAC"),
    "priorities": ("Priorités régionales", "Regional priorities"),
    "priorities_intro": (
        "Priorités ciblées pour la région dans le plan d'Investissement Québec, citées telles quelles.",
        "Targeted priorities for the region in Investissement Québec's plan, quoted from it.",
    ),
    "priority": ("Priorité", "Priority"),
    "plan_title": (
        "Plan d'action pour l'occupation et la vitalité des territoires 2018-2020",
        "Plan d'action pour l'occupation et la vitalité des territoires 2018-2020",
    ),
    "plan_territory": ("territoire", "territory"),
    "quote_translated": ("traduction libre de l'original français", "our translation of the French original"),
    "original_text": ("Texte original (français)", "Original text (French)"),
    "advisors": ("Conseillers et conseillères en innovation", "Innovation advisors"),
    "no_advisors": (
        "Aucune fiche de conseiller pour cette région pour l'instant : l'ERAC reçoit les demandes.",
        "No advisor record for this region yet: the ERAC receives the requests.",
    ),
    "serves": ("Secteur desservi", "Service area"),
    "languages": ("Langues", "Languages"),
    "expertise": ("Expertise", "Expertise"),
    "organisation": ("Organisation", "Organisation"),
    "organisations": ("Organisations", "Organisations"),
    "organisations_in_region": ("Organisations de la région", "Organisations in the region"),
    "organisations_quebec_wide": (
        "Organisations qui servent tout le Québec",
        "Organisations serving all of Québec",
    ),
    "organisations_title": ("Organisations", "Organisations"),
    "organisations_intro": (
        "Les organisations du réseau de soutien à l'innovation, par type.",
        "The organisations of the innovation-support network, by kind.",
    ),
    "count_organisations": ("organisations", "organisations"),
    "kind": ("Type", "Kind"),
    "contact": ("Coordonnées", "Contact"),
    "name": ("Nom", "Name"),
    "website": ("Site Web", "Website"),
    "phone": ("Téléphone", "Phone"),
    "email": ("Courriel", "Email"),
    "address": ("Adresse", "Address"),
    "programs": ("Programmes", "Programs"),
    "programs_in_region": ("Programmes offerts dans la région", "Programs available in the region"),
    "programs_regional": ("Propres à la région", "Specific to the region"),
    "programs_quebec_wide": ("Offerts partout au Québec", "Available across Québec"),
    "programs_title": ("Programmes", "Programs"),
    "programs_intro": (
        "Programmes, initiatives et mesures de soutien à l'innovation. Filtrez par région, "
        "type d'aide ou clientèle.",
        "Innovation-support programs, initiatives and measures. Filter by region, kind of help or audience.",
    ),
    "filters": ("Filtrer les programmes", "Filter the programs"),
    "filter_region": ("Région", "Region"),
    "filter_any_region": ("Toutes les régions", "Any region"),
    "filter_kinds": ("Type d'aide", "Kind of help"),
    "filter_audiences": ("Clientèle", "Audience"),
    "filter_apply": ("Filtrer", "Filter"),
    "filter_reset": ("Tout afficher", "Show all"),
    "filter_count_one": ("programme affiché", "program shown"),
    "filter_count_many": ("programmes affichés", "programs shown"),
    "filter_hint": (
        "Sans filtre, tous les programmes sont affichés. Les cases cochées d'un même groupe s'additionnent.",
        "With no filter, every program is shown. Boxes ticked within a group add up.",
    ),
    "no_programs": ("Aucun programme.", "No programs."),
    "summary": ("En bref", "In short"),
    "status": ("Statut", "Status"),
    "kinds": ("Type d'aide", "Kind of help"),
    "audiences": ("Clientèle", "Audience"),
    "operator": ("Organisme responsable", "Run by"),
    "funders": ("Financé par", "Funded by"),
    "parent": ("Fait partie de", "Part of"),
    "children": ("Projets et volets", "Projects and components"),
    "amounts": ("Montants", "Amounts"),
    "amount": ("Montant", "Amount"),
    "indicators": ("Indicateurs et cibles", "Indicators and targets"),
    "indicator": ("Indicateur", "Indicator"),
    "target": ("Cible", "Target"),
    "dates": ("Dates", "Dates"),
    "announced": ("Annoncé le", "Announced"),
    "start": ("Début", "Start"),
    "end": ("Fin", "End"),
    "sources": ("Sources", "Sources"),
    "seed_document": ("Document source", "Source document"),
    "postal_areas": ("Codes postaux couverts", "Postal areas covered"),
    "postal_areas_intro": (
        "Les trois premiers caractères du code postal (RTA) qui mènent à cette région.",
        "The first three characters of the postal code (FSA) that lead to this region.",
    ),
    "shared": ("partagé", "shared"),
    "in_french": ("en français", "in French"),
}


def _pick(pair: Pair, lang: Language | str) -> str:
    return pair[0] if Language(lang) is Language.FR else pair[1]


def ui(key: str, lang: Language | str) -> str:
    """A fixed phrase of the pages in ``lang``; ``KeyError`` for an unknown key."""
    return _pick(UI[key], lang)


def word(mapping: Mapping[Any, Pair], value: object, lang: Language | str) -> str:
    """The ``lang`` word for a vocabulary value of ``mapping`` (e.g. ``PROGRAM_KINDS``)."""
    return _pick(mapping[value], lang)
