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
    "mrcs_served": ("MRC desservies", "MRCs served"),
    "municipalities_served": ("Municipalités desservies", "Municipalities served"),
    "vcard": ("Ajouter à mes contacts", "Add to my contacts"),
    "programs_run": ("Programmes qu'elle offre", "Programs it runs"),
    "programs_funded": ("Programmes qu'elle finance", "Programs it funds"),
    "advisors_intro": (
        "Les conseillers et conseillères en innovation, par région. L'ERAC de la région reçoit "
        "chaque demande et la confie à la personne la plus près de l'entreprise.",
        "Innovation advisors, by region. The region's ERAC receives each request and hands it "
        "to the advisor nearest the business.",
    ),
    "finder_title": ("Qui peut m'aider, ici ?", "Who can help me here?"),
    "finder_label": ("Code postal de l'entreprise", "Your business's postal code"),
    "finder_hint": (
        "Par exemple J0K 2R0. La recherche se fait dans votre navigateur : rien n'est envoyé.",
        "For example J0K 2R0. The search runs in your browser: nothing is sent.",
    ),
    "finder_button": ("Trouver", "Find"),
    "finder_region": ("Votre région", "Your region"),
    "finder_erac": ("L'ERAC de la région reçoit votre demande", "The region's ERAC receives your request"),
    "finder_advisor": ("Conseiller ou conseillère le plus près", "Nearest innovation advisor"),
    "finder_advisors": (
        "Conseillers les plus près (la demande va à l'un d'eux)",
        "Nearest innovation advisors (the request goes to one of them)",
    ),
    "finder_no_advisor": (
        "Aucune fiche de conseiller pour ce secteur : l'ERAC prend la demande en charge.",
        "No advisor record for this area: the ERAC handles the request.",
    ),
    "finder_programs": ("Programmes offerts dans la région", "Programs available in the region"),
    "finder_all_programs": ("Tous les programmes de la région", "All the region's programs"),
    "finder_send": ("Envoyer une demande", "Send a request"),
    "finder_choose": (
        "Ce code postal est partagé entre plusieurs régions. Choisissez la municipalité où se trouve "
        "l'entreprise : elle détermine votre région.",
        "This postal code is shared between regions. Choose the municipality where the business is: "
        "it decides your region.",
    ),
    "finder_place": ("Municipalité de l'entreprise", "Your business's municipality"),
    "finder_place_prompt": ("— Choisissez —", "— Choose —"),
    "finder_erac_own": (
        "L'ERAC de ce territoire reçoit votre demande",
        "This territory's own ERAC receives your request",
    ),
    "finder_first_line": (
        "Organisme de première ligne de votre municipalité, informé aussi",
        "Your municipality's first-line organisation, informed too",
    ),
    "finder_outside": (
        "Ce code postal n'est pas au Québec : Relais s'adresse aux entreprises du Québec.",
        "This postal code is not in Québec: Relais serves businesses in Québec.",
    ),
    "finder_unknown": (
        "Cette zone postale n'est pas encore dans le répertoire. Envoyez quand même votre demande : "
        "l'équipe la dirigera.",
        "This postal area is not in the directory yet. Send your request anyway: the team will route it.",
    ),
    "finder_invalid": (
        "Entrez un code postal canadien, par exemple J0K 2R0 (ou ses trois premiers caractères).",
        "Enter a Canadian postal code, for example J0K 2R0 (or its first three characters).",
    ),
    "finder_unavailable": (
        "La recherche n'a pas pu se charger. Consultez la liste des codes postaux.",
        "The search could not load. See the list of postal areas.",
    ),
    "finder_nojs": (
        "Sans JavaScript, le bouton mène à la liste des zones postales : chacune, ou chaque municipalité "
        "d'une zone partagée, renvoie à sa région.",
        "Without JavaScript, the button leads to the list of postal areas: each, or each municipality of a "
        "shared area, is linked to its region.",
    ),
    "postal_index_title": ("Les zones postales du Québec", "Québec's postal areas"),
    "postal_index_intro": (
        "Les trois premiers caractères de votre code postal (la zone postale, ou RTA) mènent à votre "
        "région, à son ERAC et au conseiller ou à la conseillère le plus près. Une zone partagée "
        "entre plusieurs régions range ses municipalités selon la réponse de chacune : cherchez la vôtre.",
        "The first three characters of your postal code (the forward sortation area, FSA) lead to your "
        "region, its ERAC and the nearest innovation advisor. An area shared between regions lists its "
        "municipalities under the answer each gets: look for yours.",
    ),
    "postal_index_advisor": ("conseiller :", "advisor:"),
    "region_erac": ("ERAC :", "ERAC:"),
    "map_caption": (
        "Carte schématique des 17 régions, de l'ouest à l'est et du nord au sud (les tuiles ne "
        "suivent pas les frontières réelles). Chaque numéro est un lien vers sa région ; la liste "
        "des régions suit.",
        "Schematic map of the 17 regions, west to east and north to south (the tiles do not follow "
        "the real boundaries). Each number links to its region; the list of regions follows.",
    ),
    "open_open": ("Ouvert : vous pouvez présenter une demande.", "Open: you can apply."),
    "open_ongoing": (
        "En cours : renseignez-vous auprès de l'organisme responsable pour y participer.",
        "Ongoing: ask the organisation that runs it how to take part.",
    ),
    "open_announced": (
        "Annoncé : pas encore ouvert aux demandes.",
        "Announced: not yet open to applications.",
    ),
    "open_closed": ("Fermé : n'accepte plus de demandes.", "Closed: no longer accepts applications."),
    "open_completed": ("Terminé : n'accepte plus de demandes.", "Completed: no longer accepts applications."),
    "open_period_ended": (
        "Sa période annoncée est passée : vérifiez auprès de l'organisme responsable s'il accepte "
        "encore des demandes.",
        "Its announced period has passed: ask the organisation that runs it whether it still "
        "accepts applications.",
    ),
}


def _pick(pair: Pair, lang: Language | str) -> str:
    return pair[0] if Language(lang) is Language.FR else pair[1]


def ui(key: str, lang: Language | str) -> str:
    """A fixed phrase of the pages in ``lang``; ``KeyError`` for an unknown key."""
    return _pick(UI[key], lang)


def word(mapping: Mapping[Any, Pair], value: object, lang: Language | str) -> str:
    """The ``lang`` word for a vocabulary value of ``mapping`` (e.g. ``PROGRAM_KINDS``)."""
    return _pick(mapping[value], lang)
