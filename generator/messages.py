"""The generator's words, in French (the reference) and English.

``CATALOGUE[code][lang]`` is a ``(message, hint)`` pair of ``str.format``
templates filled from a :class:`~generator.errors.ContentError`'s ``params``.
Params hold values, not prose: lists are joined here, and a few keys name a
word looked up per language (``expected``, ``found``, ``kind``, ``language``,
``state``). ``CLI`` holds the command line's own sentences.

Every code has both languages; ``tests/generator/test_messages.py`` checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.errors import Code

Template = tuple[str, str | None]

CATALOGUE: dict[Code, dict[str, Template]] = {
    Code.YAML_SYNTAX: {
        "fr": (
            "YAML invalide : {problem}",
            "vérifiez l'indentation et les deux-points à cette ligne ou juste avant",
        ),
        "en": ("invalid YAML: {problem}", "check the indentation and the colons on this line or just before"),
    },
    Code.YAML_TAB: {
        "fr": ("tabulation dans l'indentation", "indentez avec des espaces, deux par niveau"),
        "en": ("tab character in the indentation", "indent with spaces, two per level"),
    },
    Code.DUPLICATE_KEY: {
        "fr": (
            "{field} est en double (déjà à la ligne {first_line})",
            "gardez une seule clé « {key} » : la seconde écraserait la première",
        ),
        "en": (
            "{field} appears twice (first on line {first_line})",
            "keep a single « {key} » key: the second would overwrite the first",
        ),
    },
    Code.EMPTY_FILE: {
        "fr": ("le fichier est vide", "écrivez les champs de la fiche, ou supprimez le fichier"),
        "en": ("the file is empty", "write the record's fields, or delete the file"),
    },
    Code.NOT_A_MAPPING: {
        "fr": ("le fichier doit contenir des champs « clé: valeur », pas {found}", "commencez par id: …"),
        "en": ("the file must hold « key: value » fields, not {found}", "start with id: …"),
    },
    Code.MISSING_FIELD: {
        "fr": ("{field} est manquant", "ajoutez « {key}: »"),
        "en": ("{field} is missing", "add « {key}: »"),
    },
    Code.MISSING_TRANSLATION: {
        "fr": (
            "{field} est {state} : traduction {language} manquante",
            "ajoutez la traduction {language} sous {parent}:",
        ),
        "en": (
            "{field} is {state}: missing {language} translation",
            "add the {language} translation under {parent}:",
        ),
    },
    Code.UNKNOWN_FIELD: {
        "fr": ("{field} n'est pas un champ connu", "{did_you_mean}champs permis ici : {allowed}"),
        "en": ("{field} is not a known field", "{did_you_mean}fields allowed here: {allowed}"),
    },
    Code.WRONG_TYPE: {
        "fr": ("{field} doit être {expected}, pas {found}", "{type_hint}"),
        "en": ("{field} must be {expected}, not {found}", "{type_hint}"),
    },
    Code.BAD_ENUM: {
        "fr": (
            "{field} : « {value} » n'est pas une valeur permise",
            "{quote_hint}valeurs permises : {allowed}",
        ),
        "en": ("{field}: « {value} » is not an allowed value", "{quote_hint}allowed values: {allowed}"),
    },
    Code.BAD_FSA: {
        "fr": (
            "{field} : « {value} » n'est pas une RTA (trois premiers caractères d'un code postal)",
            "écrivez par exemple J6E : G, H ou J, un chiffre, une lettre majuscule (ni D, F, I, O, Q, U)",
        ),
        "en": (
            "{field}: « {value} » is not an FSA (first three characters of a postal code)",
            "write e.g. J6E: G, H or J, a digit, an upper-case letter (not D, F, I, O, Q, U)",
        ),
    },
    Code.BAD_POSTAL_CODE: {
        "fr": (
            "{field} : « {value} » n'est pas un code postal valide",
            "écrivez-le comme Postes Canada, en majuscules avec une espace : J0K 2R0",
        ),
        "en": (
            "{field}: « {value} » is not a valid postal code",
            "write it the Canada Post way, upper case with a space: J0K 2R0",
        ),
    },
    Code.BAD_EMAIL: {
        "fr": (
            "{field} : « {value} » n'est pas une adresse courriel valide",
            "exemple : info@organisme.qc.ca",
        ),
        "en": ("{field}: « {value} » is not a valid email address", "example: info@organisation.qc.ca"),
    },
    Code.BAD_PHONE: {
        "fr": (
            "{field} : « {value} » n'est pas un numéro de téléphone valide",
            "exemple : 450 365-9218, ou 450 365-9218 p. 201 pour un poste",
        ),
        "en": (
            "{field}: « {value} » is not a valid phone number",
            "example: 450 365-9218, or 450 365-9218 ext. 201 for an extension",
        ),
    },
    Code.BAD_URL: {
        "fr": (
            "{field} : « {value} » n'est pas une adresse web valide",
            "adresse complète commençant par https://, exemple : https://www.quebec.ca/entreprises",
        ),
        "en": (
            "{field}: « {value} » is not a valid web address",
            "a full address starting with https://, example: https://www.quebec.ca/entreprises",
        ),
    },
    Code.BAD_ID: {
        "fr": (
            "{field} : « {value} » n'est pas un identifiant valide",
            "lettres minuscules sans accents, chiffres et traits d'union, exemple : lanaudiere-economique",
        ),
        "en": (
            "{field}: « {value} » is not a valid id",
            "lower-case letters without accents, digits and hyphens, example: lanaudiere-economique",
        ),
    },
    Code.BAD_SEED: {
        "fr": (
            "{field} : « {value} » n'est pas un nom de document source",
            "le nom d'un fichier de shared/seeds, exemple : 002_0123456789abcdef.txt",
        ),
        "en": (
            "{field}: « {value} » is not a seed document name",
            "the name of a file in shared/seeds, example: 002_0123456789abcdef.txt",
        ),
    },
    Code.BAD_FORMAT: {
        "fr": ("{field} : « {value} » n'a pas le format attendu", "format attendu : {pattern}"),
        "en": ("{field}: « {value} » does not have the expected format", "expected format: {pattern}"),
    },
    Code.BAD_DATE: {
        "fr": ("{field} : « {value} » n'est pas une date AAAA-MM-JJ", "exemple : 2021-09-14"),
        "en": ("{field}: « {value} » is not a YYYY-MM-DD date", "example: 2021-09-14"),
    },
    Code.OUT_OF_RANGE: {
        "fr": ("{field} : {value} est hors limites", "valeur permise : {bound}"),
        "en": ("{field}: {value} is out of range", "allowed: {bound}"),
    },
    Code.EMPTY_LIST: {
        "fr": ("{field} est vide", "ajoutez au moins un élément (une ligne « - … »)"),
        "en": ("{field} is empty", "add at least one item (a « - … » line)"),
    },
    Code.EMPTY_VALUE: {
        "fr": ("{field} est vide", "écrivez une valeur, ou retirez la ligne si le champ est facultatif"),
        "en": ("{field} is empty", "write a value, or remove the line if the field is optional"),
    },
    Code.TOO_LONG: {
        "fr": ("{field} est trop long ({length} caractères)", "au plus {max} caractères"),
        "en": ("{field} is too long ({length} characters)", "at most {max} characters"),
    },
    Code.SOURCE_WITHOUT_DOCUMENT: {
        "fr": ("{field} ne nomme aucun document", "ajoutez seed: (un fichier de shared/seeds) ou url:"),
        "en": ("{field} names no document", "add seed: (a file of shared/seeds) or url:"),
    },
    Code.SERVICE_AREA_EMPTY: {
        "fr": ("{field} ne couvre aucun territoire", "ajoutez fsas: ou municipalities:"),
        "en": ("{field} covers no territory", "add fsas: or municipalities:"),
    },
    Code.TERRITORY_EMPTY: {
        "fr": ("{field} ne couvre aucun territoire", "ajoutez mrcs: ou municipalities:"),
        "en": ("{field} covers no territory", "add mrcs: or municipalities:"),
    },
    Code.MILLIONS_NOT_ROUND: {
        "fr": (
            "{field} : un montant en millions (in_millions: true) doit tomber sur un dixième de million",
            "écrivez le montant en dollars (28,8 millions → 28800000), ou retirez in_millions: true",
        ),
        "en": (
            "{field}: an amount in millions (in_millions: true) must fall on a tenth of a million",
            "write the amount in dollars (28.8 million → 28800000), or remove in_millions: true",
        ),
    },
    Code.SAMPLE_EMAIL: {
        "fr": (
            "{field} : « {value} » n'est pas un courriel d'exemple, alors que la fiche porte sample: true",
            "écrivez prenom.nom@example.org, ou retirez sample: true si la fiche est réelle et sourcée",
        ),
        "en": (
            "{field}: « {value} » is not an example email, yet the record says sample: true",
            "write first.last@example.org, or remove sample: true if the record is real and sourced",
        ),
    },
    Code.REAL_WITHOUT_SOURCES: {
        "fr": (
            "fiche réelle (sans sample: true) mais sans sources",
            "ajoutez sources: (la page qui nomme cette personne), ou sample: true",
        ),
        "en": (
            "real record (no sample: true) but no sources",
            "add sources: (the page naming this person), or sample: true",
        ),
    },
    Code.INVALID: {
        "fr": ("{field} : valeur invalide ({detail})", None),
        "en": ("{field}: invalid value ({detail})", None),
    },
    Code.ID_MISMATCH: {
        "fr": (
            "id : « {value} » ne correspond pas au nom du fichier ({stem}.yaml)",
            "renommez le fichier en {value}.yaml, ou écrivez id: {stem}",
        ),
        "en": (
            "id: « {value} » does not match the file name ({stem}.yaml)",
            "rename the file to {value}.yaml, or write id: {stem}",
        ),
    },
    Code.DUPLICATE_ID: {
        "fr": (
            "id : « {value} » est déjà celui de {other}",
            "chaque fiche a son propre id, égal au nom du fichier",
        ),
        "en": (
            "id: « {value} » is already the id of {other}",
            "each record has its own id, equal to its file name",
        ),
    },
    Code.UNKNOWN_REFERENCE: {
        "fr": (
            "{field} : « {value} » ne correspond à aucun {kind} (pas de fichier {folder}/{value}.yaml)",
            "{did_you_mean}vérifiez l'id, ou créez la fiche",
        ),
        "en": (
            "{field}: « {value} » matches no {kind} (no file {folder}/{value}.yaml)",
            "{did_you_mean}check the id, or create the record",
        ),
    },
    Code.ERAC_WRONG_KIND: {
        "fr": (
            "{field} : « {value} » est un organisme de type « {found} », pas un ERAC",
            "indiquez l'ERAC de la région, une fiche avec kind: erac",
        ),
        "en": (
            "{field}: « {value} » is an organisation of kind « {found} », not an ERAC",
            "name the region's ERAC, a record with kind: erac",
        ),
    },
    Code.REFERENCE_WITHOUT_EMAIL: {
        "fr": (
            "{field} : l'organisme « {value} » reçoit des demandes mais n'a pas de courriel",
            "ajoutez email: à {other} ; pour une ERAC dont aucun courriel général n'est publié, "
            "mettez to_confirm: true (l'équipe Relais relaiera ses demandes)",
        ),
        "en": (
            "{field}: organisation « {value} » receives requests but has no email",
            "add email: to {other}; for an ERAC that publishes no general email, "
            "set to_confirm: true (the Relais team will relay its requests)",
        ),
    },
    Code.EXAMPLE_EMAIL_NOT_SAMPLE: {
        "fr": (
            "{field} : « {value} » est un courriel d'exemple, mais la fiche ne porte pas sample: true",
            "ajoutez sample: true, ou indiquez le vrai courriel",
        ),
        "en": (
            "{field}: « {value} » is an example email, but the record does not say sample: true",
            "add sample: true, or give the real email",
        ),
    },
    Code.FSA_CONFLICT: {
        "fr": (
            "RTA {value} aussi listée par {others}",
            "une RTA partagée entre régions porte shared: true dans chaque région qui la liste",
        ),
        "en": (
            "FSA {value} is also listed by {others}",
            "an FSA split between regions says shared: true in every region listing it",
        ),
    },
    Code.FSA_REPEATED: {
        "fr": (
            "RTA {value} listée deux fois dans cette région (déjà à la ligne {first_line})",
            "gardez une entrée",
        ),
        "en": ("FSA {value} listed twice in this region (first on line {first_line})", "keep one entry"),
    },
    Code.CODE_OUTSIDE_FSA: {
        "fr": (
            "{field} : le code postal {value} n'est pas dans la RTA {fsa}",
            "placez-le sous l'entrée fsa: {value_fsa}, ou corrigez-le",
        ),
        "en": (
            "{field}: postal code {value} is not in FSA {fsa}",
            "move it under the fsa: {value_fsa} entry, or correct it",
        ),
    },
    Code.CODE_CONFLICT: {
        "fr": (
            "{field} : le code postal {value} est aussi attribué par {others}",
            "un code va à une seule région",
        ),
        "en": ("{field}: postal code {value} is also assigned by {others}", "a code goes to one region only"),
    },
    Code.ADVISOR_FSA_OUTSIDE_REGION: {
        "fr": (
            "{field} : la RTA {value} n'est pas dans la région {region} ({region_name})",
            "corrigez la RTA ou la région ; RTA de la région {region} : {allowed}",
        ),
        "en": (
            "{field}: FSA {value} is not in region {region} ({region_name})",
            "correct the FSA or the region; FSAs of region {region}: {allowed}",
        ),
    },
    Code.WEBSITE_NOT_HTTPS: {
        "fr": (
            "{field} : « {value} » n'est pas une adresse https",
            "écrivez https://… après avoir vérifié que le site y répond",
        ),
        "en": (
            "{field}: « {value} » is not an https address",
            "write https://… once you have checked the site answers there",
        ),
    },
    Code.POSTAL_CODE_OUTSIDE_QUEBEC: {
        "fr": (
            "{field} : « {value} » n'est pas un code postal du Québec (il commence par G, H ou J)",
            "recopiez le code postal de l'adresse publiée par l'organisme",
        ),
        "en": (
            "{field}: « {value} » is not a Québec postal code (those start with G, H or J)",
            "copy the postal code of the address the organisation publishes",
        ),
    },
    Code.POSTAL_CODE_OUTSIDE_REGIONS: {
        "fr": (
            "{field} : le code postal {value} (RTA {fsa}) n'est dans aucune région de la fiche ({regions})",
            "ajoutez sa région à regions: ({found}), ou corrigez le code postal",
        ),
        "en": (
            "{field}: postal code {value} (FSA {fsa}) is in none of the record's regions ({regions})",
            "add its region to regions: ({found}), or correct the postal code",
        ),
    },
    Code.ORGANISATION_DUPLICATE: {
        "fr": (
            "{field} : « {value} » est déjà l'organisme de {other}",
            "une organisation n'a qu'une fiche : gardez-en une et supprimez l'autre fichier",
        ),
        "en": (
            "{field}: « {value} » is already the organisation of {other}",
            "an organisation has one record: keep one and delete the other file",
        ),
    },
    Code.REGION_CODE_DUPLICATE: {
        "fr": (
            "code : {value} est déjà celui de {other}",
            "chaque région a son propre code officiel, de 01 à 17",
        ),
        "en": (
            "code: {value} is already the code of {other}",
            "each region has its own official code, 01 to 17",
        ),
    },
    Code.REGION_CODES_MISSING: {
        "fr": ("régions manquantes : {codes}", "ajoutez une fiche par région administrative officielle"),
        "en": ("missing regions: {codes}", "add one record per official administrative region"),
    },
    Code.TERRITORY_REGION_MISMATCH: {
        "fr": (
            "{field} : « {value} » n'est pas le code de la région {region_id} ({expected})",
            'content/territory/{region_id}.yaml décrit la région du même nom : écrivez region: "{expected}"',
        ),
        "en": (
            "{field}: « {value} » is not the code of region {region_id} ({expected})",
            "content/territory/{region_id}.yaml describes the region of the same name: "
            'write region: "{expected}"',
        ),
    },
    Code.MUNICIPALITY_CODE_DUPLICATE: {
        "fr": (
            "{field} : le code {value} est déjà celui de {other}",
            "chaque municipalité a son propre code géographique (Répertoire des municipalités)",
        ),
        "en": (
            "{field}: code {value} is already the code of {other}",
            "each municipality has its own geographic code (Répertoire des municipalités)",
        ),
    },
    Code.MRC_CODE_DUPLICATE: {
        "fr": (
            "{field} : le code de MRC {value} est déjà celui de {other}",
            "chaque MRC a son propre code au Répertoire des municipalités (colonne mrc de MUN.csv)",
        ),
        "en": (
            "{field}: MRC code {value} is already the code of {other}",
            "each MRC has its own code in the Répertoire des municipalités (column mrc of MUN.csv)",
        ),
    },
    Code.MUNICIPALITY_FSA_OUTSIDE_REGION: {
        "fr": (
            "{field} : la RTA {value} n'est pas listée par la région {region} ({other})",
            "ajoutez-la aux postal_areas de la région (shared: true si une autre région la liste), "
            "ou retirez-la de fsas",
        ),
        "en": (
            "{field}: FSA {value} is not listed by region {region} ({other})",
            "add it to the region's postal_areas (shared: true when another region lists it), "
            "or remove it from fsas",
        ),
    },
    Code.POSTAL_CODE_OUTSIDE_FSAS: {
        "fr": (
            "{field} : le code postal {value} n'est dans aucune RTA de la municipalité ({allowed})",
            "ajoutez {value_fsa} à fsas, ou corrigez le code",
        ),
        "en": (
            "{field}: postal code {value} is in none of the municipality's FSAs ({allowed})",
            "add {value_fsa} to fsas, or correct the code",
        ),
    },
    Code.POSTAL_AREA_WITHOUT_MUNICIPALITY: {
        "fr": (
            "RTA {value} : aucune municipalité de la région n'y est selon {territory}",
            "retirez la RTA de la région, ou ajoutez-la aux fsas d'une de ses municipalités",
        ),
        "en": (
            "FSA {value}: no municipality of the region lies in it according to {territory}",
            "remove the FSA from the region, or add it to the fsas of one of its municipalities",
        ),
    },
    Code.UNKNOWN_MUNICIPALITY: {
        "fr": (
            "{field} : « {value} » n'est pas une municipalité de la table du territoire",
            "{did_you_mean}écrivez le nom officiel, tel qu'il figure dans content/territory/",
        ),
        "en": (
            "{field}: « {value} » is not a municipality of the territory table",
            "{did_you_mean}write the official name, as in content/territory/",
        ),
    },
    Code.UNKNOWN_MRC: {
        "fr": (
            "{field} : « {value} » n'est pas une MRC ni un territoire équivalent de la table du territoire",
            "{did_you_mean}écrivez le nom officiel sans « MRC de » (liste : docs/territory.md)",
        ),
        "en": (
            "{field}: « {value} » is not an MRC or equivalent territory of the territory table",
            "{did_you_mean}write the official name without « MRC de » (list: docs/territory.md)",
        ),
    },
    Code.PLACE_OUTSIDE_REGIONS: {
        "fr": (
            "{field} : « {value} » est dans la région {found}, pas dans {regions}",
            "corrigez le nom, ou ajoutez la région {found} à la fiche",
        ),
        "en": (
            "{field}: « {value} » is in region {found}, not in {regions}",
            "correct the name, or add region {found} to the record",
        ),
    },
}

# Words a param names rather than spells out, per language.
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "string": "un texte",
        "integer": "un nombre entier",
        "number": "un nombre",
        "boolean": "true ou false",
        "list": "une liste",
        "mapping": "des champs « clé: valeur »",
        "translations": "un texte en deux langues (fr: et en:)",
        "date": "une date",
        "null": "vide",
        "missing": "manquant",
        "empty": "vide",
        "fr": "française",
        "en": "anglaise",
        "organisation": "organisme",
        "program": "programme",
        "region": "région",
        "and": "et",
    },
    "en": {
        "string": "text",
        "integer": "a whole number",
        "number": "a number",
        "boolean": "true or false",
        "list": "a list",
        "mapping": "« key: value » fields",
        "translations": "text in both languages (fr: and en:)",
        "date": "a date",
        "null": "empty",
        "missing": "missing",
        "empty": "empty",
        "fr": "French",
        "en": "English",
        "organisation": "organisation",
        "program": "program",
        "region": "region",
        "and": "and",
    },
}

TYPE_HINTS: dict[str, dict[str, str]] = {
    "fr": {
        "string": "écrivez du texte ; entre guillemets s'il contient « : » ou commence par un signe",
        "integer": "écrivez un nombre entier, sans guillemets",
        "number": "écrivez un nombre avec un point décimal, exemple : 46.02",
        "boolean": "écrivez true ou false",
        "list": "une liste s'écrit un élément par ligne, chacune commençant par « - »",
        "mapping": "écrivez les champs « clé: valeur » en retrait sous la clé",
        "translations": "écrivez fr: … et en: … en retrait sous la clé",
        "date": "écrivez la date AAAA-MM-JJ",
    },
    "en": {
        "string": "write text; quote it if it contains « : » or starts with a symbol",
        "integer": "write a whole number, without quotes",
        "number": "write a number with a decimal point, example: 46.02",
        "boolean": "write true or false",
        "list": "a list is written one item per line, each starting with « - »",
        "mapping": "write the « key: value » fields indented under the key",
        "translations": "write fr: … and en: … indented under the key",
        "date": "write the date as YYYY-MM-DD",
    },
}

DID_YOU_MEAN = {"fr": "vouliez-vous dire {choices} ? ", "en": "did you mean {choices}? "}
LIST_OF = {"fr": "{allowed}, ou une liste parmi : {list_of}", "en": "{allowed}, or a list of: {list_of}"}
QUOTE_HINT = {
    "fr": "lu comme un nombre : écrivez '{quoted}' entre guillemets ; ",
    "en": "read as a number: write '{quoted}' in quotes; ",
}

CLI: dict[str, dict[str, str]] = {
    "fr": {
        "count": "{count} erreur(s)",
        "valid": "Contenu valide : {regions} régions, {organisations} organismes, "
        "{advisors} conseillers, {programs} programmes",
        "no_content": "{root} : aucun dossier content/ ici ; indiquez la racine du dépôt avec --root",
        "bug": "Ceci est un bogue du générateur, pas une erreur de contenu : "
        "signalez-le avec la trace ci-dessus.",
        "wrote": "écrit : {path}",
        "schemas_ok": "schémas à jour ({count} fichiers)",
        "schemas_stale": "{path} n'est pas à jour : lancez python -m generator schemas",
        "reference_ok": "{path} est à jour",
        "reference_stale": "{path} n'est pas à jour : lancez python -m generator reference",
        "coverage_stale": "{path} n'est pas à jour : lancez python -m generator coverage",
    },
    "en": {
        "count": "{count} error(s)",
        "valid": "Content valid: {regions} regions, {organisations} organisations, "
        "{advisors} advisors, {programs} programs",
        "no_content": "{root}: no content/ folder here; point --root at the repository root",
        "bug": "This is a bug in the generator, not a content error: "
        "please report it with the traceback above.",
        "wrote": "wrote: {path}",
        "schemas_ok": "schemas up to date ({count} files)",
        "schemas_stale": "{path} is out of date: run python -m generator schemas",
        "reference_ok": "{path} is up to date",
        "reference_stale": "{path} is out of date: run python -m generator reference",
        "coverage_stale": "{path} is out of date: run python -m generator coverage",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in ("fr", "en") else "fr"


def _quoted_list(items: list[Any], lang: str) -> str:
    return ", ".join(f"« {item} »" for item in items)


def _prepare(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Turn a ContentError's values into the strings its templates expect."""
    words = WORDS[lang]
    out: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, list | tuple):
            out[key] = ", ".join(str(item) for item in value)
        elif key in ("expected", "found", "kind", "language", "state") and value in words:
            out[key] = words[value]
        else:
            out[key] = value
    suggestions = list(params.get("suggestions") or [])
    out["did_you_mean"] = (
        DID_YOU_MEAN[lang].format(choices=_quoted_list(suggestions, lang)) if suggestions else ""
    )
    expected = params.get("expected")
    out["type_hint"] = TYPE_HINTS[lang].get(str(expected), "") if expected else ""
    if params.get("list_of"):
        out["allowed"] = LIST_OF[lang].format(allowed=out["allowed"], list_of=out["list_of"])
    quoted = params.get("quoted")
    out["quote_hint"] = QUOTE_HINT[lang].format(quoted=quoted) if quoted else ""
    return out


def render_message(code: Code, params: Mapping[str, Any], lang: str = "fr") -> str:
    """The message for ``code`` in ``lang`` (``fr`` or ``en``), filled from ``params``."""
    lang = _lang(lang)
    template, _ = CATALOGUE[code][lang]
    return template.format(**_prepare(params, lang))


def render_hint(code: Code, params: Mapping[str, Any], lang: str = "fr") -> str | None:
    """The hint for ``code`` in ``lang``, or ``None`` when the rule has none."""
    lang = _lang(lang)
    _, template = CATALOGUE[code][lang]
    if template is None:
        return None
    return template.format(**_prepare(params, lang)) or None


def cli_text(key: str, lang: str = "fr", **params: Any) -> str:
    """One of the command line's sentences, in ``lang``."""
    return CLI[_lang(lang)][key].format(**params)
