"""``python -m generator new program|advisor|organisation``: start a content file.

Asks an editor for the essentials (in French by default, ``--lang en`` for English),
checks every answer as it is typed against the same rule the model applies and asks
again with that rule when an answer does not fit, then writes
``content/<kind>s/<id>.yaml`` with every field present and explained by a French
comment (optional fields commented out). The file it writes passes model validation
as written; it never replaces an existing file.

Answers come from the keyboard, from standard input when it is not a terminal (one
answer a line, the way the tests drive it), or from ``--answers answers.json`` (an
object whose keys are the question keys below; lists may be JSON lists).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml
from pydantic import TypeAdapter, ValidationError

from generator.models import Advisor, Email, Fsa, Id, Model, Organisation, Program, Source
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

KINDS: dict[str, tuple[str, type[Model]]] = {
    # command word -> (content folder, model)
    "program": ("programs", Program),
    "organisation": ("organisations", Organisation),
    "advisor": ("advisors", Advisor),
}

Answers = dict[str, Any]


class BadAnswer(ValueError):
    """An answer that breaks a rule; the message is the rule, in the editor's language."""


class NoMoreAnswers(Exception):
    """Standard input or the answers file ran out before a required answer."""


@dataclass(frozen=True)
class Question:
    key: str
    prompt: dict[str, str]
    rule: dict[str, str]
    parse: Callable[[str, Answers, Path], Any]
    required: bool = True
    default: Callable[[Answers], str | None] = lambda answers: None
    asked: Callable[[Answers], bool] = lambda answers: True
    choices: tuple[str, ...] = field(default=())
    # an optional question whose parser still decides about an empty answer
    # (an ERAC's email is optional for other organisations, required for it)
    parse_empty: bool = False


def _lang(lang: str) -> str:
    return Language.EN.value if lang == Language.EN else Language.FR.value


# --- parsers: each turns a typed answer into a value or raises BadAnswer -------------


def _check(adapter: TypeAdapter[Any], value: str) -> str:
    try:
        adapter.validate_python(value)
    except ValidationError as exc:
        raise BadAnswer(value) from exc
    return value


_ID: TypeAdapter[str] = TypeAdapter(Id)
_FSA: TypeAdapter[str] = TypeAdapter(Fsa)
_EMAIL: TypeAdapter[str] = TypeAdapter(Email)


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]


def _parse_text(raw: str, answers: Answers, root: Path) -> str:
    if not raw.strip():
        raise BadAnswer(raw)
    return raw.strip()


def _new_id(folder: str) -> Callable[[str, Answers, Path], str]:
    def parse(raw: str, answers: Answers, root: Path) -> str:
        value = _check(_ID, raw.strip())
        if (root / "content" / folder / f"{value}.yaml").exists():
            raise BadAnswer(f"exists:content/{folder}/{value}.yaml")
        return value

    return parse


def _existing_organisation(raw: str, answers: Answers, root: Path) -> str:
    value = _check(_ID, raw.strip())
    folder = root / "content" / "organisations"
    if not (folder / f"{value}.yaml").exists():
        known = sorted(p.stem for p in folder.glob("*.yaml"))
        close = difflib.get_close_matches(value, known, n=3)
        raise BadAnswer("unknown:" + ", ".join(close))
    try:
        record = yaml.safe_load((folder / f"{value}.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return value  # `validate` will report that file; it is not this answer's fault
    if isinstance(record, dict) and not record.get("email"):
        raise BadAnswer(f"no-email:content/organisations/{value}.yaml")
    return value


def _region_code(raw: str) -> str:
    value = raw.strip()
    if value.isdigit() and len(value) == 1:
        value = "0" + value  # "4" is how people say Mauricie; the file wants "04"
    try:
        return RegionCode(value).value
    except ValueError as exc:
        raise BadAnswer(raw) from exc


def _parse_region(raw: str, answers: Answers, root: Path) -> str:
    return _region_code(raw)


def _parse_regions(raw: str, answers: Answers, root: Path) -> str | list[str]:
    if raw.strip().lower() in {"all", "tout", "toutes", "tout le québec"}:
        return "all"
    codes = [_region_code(part) for part in _split(raw)]
    if not codes:
        raise BadAnswer(raw)
    return sorted(set(codes))


def _one_of(values: Iterable[str]) -> Callable[[str, Answers, Path], str]:
    allowed = tuple(values)

    def parse(raw: str, answers: Answers, root: Path) -> str:
        value = raw.strip().lower()
        if value not in allowed:
            raise BadAnswer(raw)
        return value

    return parse


def _some_of(values: Iterable[str], *, at_least_one: bool) -> Callable[[str, Answers, Path], list[str]]:
    allowed = tuple(values)

    def parse(raw: str, answers: Answers, root: Path) -> list[str]:
        chosen = [part.lower() for part in _split(raw)]
        if (at_least_one and not chosen) or any(value not in allowed for value in chosen):
            raise BadAnswer(raw)
        return list(dict.fromkeys(chosen))

    return parse


def _parse_fsas(raw: str, answers: Answers, root: Path) -> list[str]:
    fsas = [_check(_FSA, part.upper().replace(" ", "")) for part in _split(raw)]
    return sorted(set(fsas))


def _parse_municipalities(raw: str, answers: Answers, root: Path) -> list[str]:
    names = _split(raw)
    if not names:
        raise BadAnswer(raw)
    return names


def _parse_source(raw: str, answers: Answers, root: Path) -> dict[str, str]:
    value = raw.strip()
    source = {"url": value} if value.startswith(("http://", "https://")) else {"seed": value}
    try:
        Source.model_validate(source)
    except ValidationError as exc:
        raise BadAnswer(raw) from exc
    return source


def _parse_organisation_email(raw: str, answers: Answers, root: Path) -> str | None:
    if not raw.strip():
        if answers.get("kind") == OrganisationKind.ERAC:
            raise BadAnswer("erac-email")  # the routing table sends every ERAC its region's requests
        return None
    return _check(_EMAIL, raw.strip())


def _parse_email(raw: str, answers: Answers, root: Path) -> str:
    value = _check(_EMAIL, raw.strip())
    if not answers.get("source") and not value.endswith("@example.org"):
        raise BadAnswer("sample-email")
    return value


# --- the questions -------------------------------------------------------------------

_ID_RULE = {
    "fr": "un identifiant : lettres minuscules sans accents, chiffres et traits d'union, sans espace, "
    "80 caractères au plus (ex. : programme-essor). Il devient le nom du fichier.",
    "en": "an id: lower-case letters without accents, digits and hyphens, no spaces, "
    "80 characters at most (e.g. programme-essor). It becomes the file name.",
}
_TEXT_RULE = {"fr": "obligatoire : ne peut pas être vide.", "en": "required: cannot be empty."}
_REGIONS_RULE = {
    "fr": "un ou plusieurs codes officiels de région séparés par des virgules, de 01 à 17 "
    "(ex. : 14, 15), ou « all » pour tout le Québec.",
    "en": "one or more official region codes separated by commas, 01 to 17 (e.g. 14, 15), "
    "or “all” for the whole of Québec.",
}
_ORG_RULE = {
    "fr": "l'identifiant d'une organisation qui existe déjà dans content/organisations/ "
    "(créez-la d'abord avec « python -m generator new organisation »).",
    "en": "the id of an organisation that already exists in content/organisations/ "
    "(create it first with “python -m generator new organisation”).",
}
_SOURCE_RULE = {
    "fr": "une adresse web complète (https://…) ou le nom d'un fichier de shared/seeds "
    "(ex. : 002_fd6d11168443032a.txt).",
    "en": "a full web address (https://…) or the name of a file in shared/seeds "
    "(e.g. 002_fd6d11168443032a.txt).",
}


def _choice_rule(values: Iterable[str], *, several: bool) -> dict[str, str]:
    listed = ", ".join(values)
    if several:
        return {
            "fr": f"une ou plusieurs valeurs séparées par des virgules, parmi : {listed}.",
            "en": f"one or more values separated by commas, among: {listed}.",
        }
    return {"fr": f"une valeur parmi : {listed}.", "en": f"one value among: {listed}."}


def _values(enum: Iterable[Any]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


def _choice_question(
    key: str, prompt: dict[str, str], enum: Iterable[Any], *, several: bool, default: str | None = None
) -> Question:
    """A question answered from a vocabulary: one value, or several separated by commas."""
    values = _values(enum)
    return Question(
        key,
        prompt,
        _choice_rule(values, several=several),
        _some_of(values, at_least_one=True) if several else _one_of(values),
        choices=values,
        default=lambda answers: default,
    )


def _names(folder: str, what_fr: str, what_en: str) -> list[Question]:
    return [
        Question(
            "id",
            {"fr": f"Identifiant {what_fr}", "en": f"Id of the {what_en}"},
            _ID_RULE,
            _new_id(folder),
        ),
        Question("name_fr", {"fr": "Nom en français", "en": "Name in French"}, _TEXT_RULE, _parse_text),
        Question("name_en", {"fr": "Nom en anglais", "en": "Name in English"}, _TEXT_RULE, _parse_text),
    ]


def questions(kind: str) -> list[Question]:
    """The questions asked for ``kind`` (``program``, ``organisation`` or ``advisor``), in order."""
    if kind == "program":
        return [
            *_names("programs", "du programme", "program"),
            Question(
                "summary_fr",
                {"fr": "Résumé en une phrase, en français", "en": "One-sentence summary in French"},
                _TEXT_RULE,
                _parse_text,
            ),
            Question(
                "summary_en",
                {"fr": "Résumé en une phrase, en anglais", "en": "One-sentence summary in English"},
                _TEXT_RULE,
                _parse_text,
            ),
            Question(
                "operator",
                {
                    "fr": "Organisation qui offre le programme (identifiant)",
                    "en": "Operating organisation (id)",
                },
                _ORG_RULE,
                _existing_organisation,
            ),
            _choice_question(
                "kinds", {"fr": "Types de programme", "en": "Program kinds"}, ProgramKind, several=True
            ),
            _choice_question(
                "audiences",
                {"fr": "Clientèles visées", "en": "Audiences"},
                Audience,
                several=True,
                default="sme",
            ),
            Question(
                "regions",
                {"fr": "Régions (codes, ou all)", "en": "Regions (codes, or all)"},
                _REGIONS_RULE,
                _parse_regions,
                default=lambda answers: "all",
            ),
            _choice_question(
                "status", {"fr": "Statut", "en": "Status"}, ProgramStatus, several=False, default="open"
            ),
            Question("source", {"fr": "Source", "en": "Source"}, _SOURCE_RULE, _parse_source),
        ]
    if kind == "organisation":
        return [
            *_names("organisations", "de l'organisation", "organisation"),
            _choice_question(
                "kind",
                {"fr": "Type d'organisation", "en": "Kind of organisation"},
                OrganisationKind,
                several=False,
            ),
            Question(
                "regions",
                {"fr": "Régions desservies (codes, ou all)", "en": "Regions served (codes, or all)"},
                _REGIONS_RULE,
                _parse_regions,
            ),
            Question(
                "email",
                {"fr": "Courriel général de l'organisme", "en": "Organisation's general email"},
                {
                    "fr": "une adresse courriel valide (ex. : info@organisme.qc.ca), obligatoire pour une "
                    "ERAC et pour l'employeur d'un·e conseiller·ère ; une adresse @example.org fait de "
                    "la fiche un exemple (sample: true).",
                    "en": "a valid email address (e.g. info@organisme.qc.ca), required for an ERAC and "
                    "for an advisor's employer; an @example.org address makes the record a sample "
                    "(sample: true).",
                },
                _parse_organisation_email,
                required=False,
                parse_empty=True,
            ),
            Question("source", {"fr": "Source", "en": "Source"}, _SOURCE_RULE, _parse_source),
        ]
    if kind == "advisor":
        return [
            Question(
                "id",
                {"fr": "Identifiant du·de la conseiller·ère", "en": "Id of the advisor"},
                _ID_RULE,
                _new_id("advisors"),
            ),
            Question(
                "name",
                {"fr": "Nom complet (ou nom d'exemple)", "en": "Full name (or a sample name)"},
                _TEXT_RULE,
                _parse_text,
            ),
            Question(
                "organisation",
                {"fr": "Organisation employeuse (identifiant)", "en": "Employing organisation (id)"},
                _ORG_RULE,
                _existing_organisation,
            ),
            Question(
                "region",
                {"fr": "Région (code officiel)", "en": "Region (official code)"},
                {
                    "fr": "un code officiel de région, de 01 à 17 (ex. : 14 pour Lanaudière).",
                    "en": "one official region code, 01 to 17 (e.g. 14 for Lanaudière).",
                },
                _parse_region,
            ),
            Question(
                "fsas",
                {
                    "fr": "RTA desservies (3 premiers caractères du code postal, séparés par des virgules)",
                    "en": "FSAs served (first 3 characters of the postal code, separated by commas)",
                },
                {
                    "fr": "des RTA séparées par des virgules : G, H ou J, un chiffre, une lettre "
                    "(ex. : J6E, J6K), ou rien pour nommer des municipalités à la place.",
                    "en": "FSAs separated by commas: G, H or J, a digit, a letter (e.g. J6E, J6K), "
                    "or nothing to name municipalities instead.",
                },
                _parse_fsas,
                required=False,
            ),
            Question(
                "municipalities",
                {"fr": "Municipalités desservies", "en": "Municipalities served"},
                {
                    "fr": "au moins une municipalité (séparées par des virgules) "
                    "quand aucune RTA n'est donnée.",
                    "en": "at least one municipality (separated by commas) when no FSA is given.",
                },
                _parse_municipalities,
                asked=lambda answers: not answers.get("fsas"),
            ),
            _choice_question(
                "languages",
                {"fr": "Langues de service", "en": "Languages of service"},
                Language,
                several=True,
                default="fr",
            ),
            _choice_question(
                "attested",
                {"fr": "Attestation de conseiller·ère en innovation", "en": "Innovation-advisor attestation"},
                Attestation,
                several=False,
                default="in_progress",
            ),
            Question(
                "source",
                {
                    "fr": "Source qui nomme cette personne (vide = fiche d'exemple)",
                    "en": "Source naming this person (empty = sample record)",
                },
                _SOURCE_RULE,
                _parse_source,
                required=False,
            ),
            Question(
                "email",
                {"fr": "Courriel", "en": "Email"},
                {
                    "fr": "une adresse courriel valide (ex. : nom@organisme.qc.ca) ; sans source, "
                    "la fiche est un exemple et l'adresse doit finir par @example.org.",
                    "en": "a valid email address (e.g. name@organisme.qc.ca); without a source the "
                    "record is a sample and the address must end with @example.org.",
                },
                _parse_email,
                default=lambda answers: None if answers.get("source") else f"{answers['id']}@example.org",
            ),
        ]
    raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")


# --- messages ------------------------------------------------------------------------

_MESSAGES = {
    "bad": {
        "fr": "Réponse refusée : « {value} ». Attendu : {rule}",
        "en": "Answer refused: “{value}”. Expected: {rule}",
    },
    "exists": {
        "fr": "{path} existe déjà : choisissez un autre identifiant "
        "(une fiche existante n'est jamais remplacée).",
        "en": "{path} already exists: choose another id (an existing record is never replaced).",
    },
    "unknown_org": {
        "fr": "Aucune organisation « {value} » dans content/organisations/.",
        "en": "No organisation “{value}” in content/organisations/.",
    },
    "did_you_mean": {"fr": " Vouliez-vous dire : {names} ?", "en": " Did you mean: {names}?"},
    "sample_email": {
        "fr": "Sans source, la fiche est un exemple : le courriel doit finir par @example.org.",
        "en": "Without a source the record is a sample: the email must end with @example.org.",
    },
    "erac_email": {
        "fr": "Une ERAC reçoit les demandes de sa région : son courriel est obligatoire "
        "(une adresse @example.org en attendant le vrai, la fiche devient alors un exemple).",
        "en": "An ERAC receives its region's requests: its email is required "
        "(an @example.org address until the real one is known; the record is then a sample).",
    },
    "no_email": {
        "fr": "Cet organisme n'a pas de courriel, or les demandes passent par lui : ajoutez "
        "email: à {path}, ou choisissez un autre organisme.",
        "en": "This organisation has no email, yet requests go through it: add email: to {path}, "
        "or choose another organisation.",
    },
    "missing": {
        "fr": "Réponse manquante pour « {key} » ({prompt}) : rien n'a été écrit.",
        "en": "No answer for “{key}” ({prompt}): nothing was written.",
    },
    "written": {
        "fr": "Fiche créée : {path}\nComplétez-la (les champs facultatifs sont en commentaire), "
        "puis vérifiez-la avec « python -m generator validate ».",
        "en": "Record created: {path}\nComplete it (optional fields are commented out), "
        "then check it with “python -m generator validate”.",
    },
    "intro": {
        "fr": "Nouvelle fiche ({kind}) : répondez aux questions ; [valeur] = réponse par défaut (Entrée).",
        "en": "New record ({kind}): answer the questions; [value] = default answer (Enter).",
    },
    "expected": {"fr": "Attendu : {rule}", "en": "Expected: {rule}"},
    "choices": {"fr": "  choix : {choices}", "en": "  choices: {choices}"},
    "optional": {"fr": " (facultatif)", "en": " (optional)"},
    "unknown_key": {
        "fr": "Clé inconnue dans le fichier de réponses : {keys} (clés permises : {allowed}).",
        "en": "Unknown key in the answers file: {keys} (allowed keys: {allowed}).",
    },
}


_KIND_LABELS = {
    "program": {"fr": "programme", "en": "program"},
    "organisation": {"fr": "organisme", "en": "organisation"},
    "advisor": {"fr": "conseiller·ère", "en": "advisor"},
}


def _say(name: str, lang: str, **values: str) -> str:
    return _MESSAGES[name][lang].format(**values)


def _refusal(question: Question, raw: str, error: BadAnswer, lang: str) -> str:
    detail = str(error)
    if detail.startswith("exists:"):
        return _say("exists", lang, path=detail.removeprefix("exists:"))
    if detail.startswith("unknown:"):
        message = _say("unknown_org", lang, value=raw.strip())
        close = detail.removeprefix("unknown:")
        if close:
            message += _say("did_you_mean", lang, names=close)
        return message + " " + _say("expected", lang, rule=question.rule[lang])
    if detail == "sample-email":
        return _say("sample_email", lang)
    if detail == "erac-email":
        return _say("erac_email", lang)
    if detail.startswith("no-email:"):
        return _say("no_email", lang, path=detail.removeprefix("no-email:"))
    return _say("bad", lang, value=raw.strip(), rule=question.rule[lang])


# --- asking --------------------------------------------------------------------------


class Prompter:
    """Reads answers one line at a time (keyboard or piped standard input), re-asking
    a question until its answer fits the rule."""

    def __init__(self, stdin: TextIO, stdout: TextIO, lang: str) -> None:
        self.stdin, self.stdout, self.lang = stdin, stdout, lang

    def _readline(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            self.stdout.write("\n")
            raise NoMoreAnswers
        if not self.stdin.isatty():
            self.stdout.write(line if line.endswith("\n") else line + "\n")  # echo piped answers
        return line.rstrip("\r\n")

    def ask(self, question: Question, answers: Answers, root: Path) -> Any:
        default = question.default(answers)
        if question.choices:
            self.stdout.write(_say("choices", self.lang, choices=", ".join(question.choices)) + "\n")
        while True:
            suffix = f" [{default}]" if default else ""
            if not question.required and not default:
                suffix = _say("optional", self.lang)
            try:
                # French typography puts a space before the colon; English does not
                colon = ": " if self.lang == "en" else " : "
                raw = self._readline(f"{question.prompt[self.lang]}{suffix}{colon}")
            except NoMoreAnswers:
                raise NoMoreAnswers(question.key) from None
            if not raw.strip():
                if default:
                    raw = default
                elif not question.required and not question.parse_empty:
                    return None
            try:
                return question.parse(raw, answers, root)
            except BadAnswer as error:
                self.stdout.write(_refusal(question, raw, error, self.lang) + "\n")


def collect_interactively(kind: str, root: Path, prompter: Prompter) -> Answers:
    """Ask every question of ``kind`` through ``prompter``; raises NoMoreAnswers(key)
    when input ends before a required answer."""
    answers: Answers = {}
    for question in questions(kind):
        if question.asked(answers):
            answers[question.key] = prompter.ask(question, answers, root)
    return answers


def collect_from_mapping(
    kind: str, root: Path, given: dict[str, Any], lang: str
) -> tuple[Answers, list[str]]:
    """Check answers given all at once (``--answers`` file). Returns the parsed answers
    and the list of refusals (empty when every answer fits)."""
    answers: Answers = {}
    problems: list[str] = []
    asked = questions(kind)
    unknown = sorted(set(given) - {q.key for q in asked})
    if unknown:
        allowed = ", ".join(q.key for q in asked)
        problems.append(_say("unknown_key", lang, keys=", ".join(unknown), allowed=allowed))
    for question in asked:
        if not question.asked(answers):
            continue
        value = given.get(question.key)
        raw = (
            ", ".join(str(v) for v in value)
            if isinstance(value, list)
            else ("" if value is None else str(value))
        )
        if not raw.strip():
            default = question.default(answers)
            if default:
                raw = default
            elif question.parse_empty:
                pass  # the parser decides (an ERAC's email)
            elif not question.required:
                answers[question.key] = None
                continue
            else:
                problems.append(
                    f"{question.key}: "
                    + _say("missing", lang, key=question.key, prompt=question.prompt[lang])
                )
                continue
        try:
            answers[question.key] = question.parse(raw, answers, root)
        except BadAnswer as error:
            problems.append(f"{question.key}: " + _refusal(question, raw, error, lang))
    return answers, problems


# --- writing the file ----------------------------------------------------------------


def _scalar(value: str) -> str:
    """A YAML scalar: plain when it reads back as the same string, double-quoted otherwise
    ("01" stays a string, "Café : bon" does not become a mapping)."""
    try:
        plain_ok = yaml.safe_load(value) == value and "\n" not in value and value == value.strip()
    except yaml.YAMLError:
        plain_ok = False
    return value if plain_ok and value else json.dumps(value, ensure_ascii=False)


def _list(name: str, values: list[str], indent: str = "") -> list[str]:
    return [f"{indent}{name}:", *(f"{indent}  - {_scalar(v)}" for v in values)]


def _text(name: str, fr: str, en: str, indent: str = "") -> list[str]:
    return [f"{indent}{name}:", f"{indent}  fr: {_scalar(fr)}", f"{indent}  en: {_scalar(en)}"]


def _regions(value: str | list[str]) -> list[str]:
    return [f"regions: {value}"] if value == "all" else _list("regions", list(value))


def _sources(source: dict[str, str] | None) -> list[str]:
    if not source:
        return [
            "# Sources : le document ou la page publique qui nomme cette personne. Sans source,",
            "# la fiche reste un exemple (sample: true) et le site l'affiche comme tel.",
            "# sources:",
            "#   - url: https://www.exemple.qc.ca/equipe",
            "#     title: Notre équipe",
        ]
    key, value = next(iter(source.items()))
    other = "url: https://…" if key == "seed" else "seed: 002_fd6d11168443032a.txt"
    return [
        "# Sources : d'où viennent ces informations. Un fichier de shared/seeds (seed)",
        "# et/ou une page web publique (url) ; title et note sont facultatifs.",
        "sources:",
        f"  - {key}: {_scalar(value)}",
        f"    # {other}",
        "    # title: Titre de la page ou du document",
        "    # note: Précision utile (page, section, date de consultation)",
    ]


def _header(kind: str, folder: str, what: str) -> list[str]:
    return [
        f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json",
        f"# {what}",
        f"# Le nom du fichier est l'identifiant : content/{folder}/<id>.yaml. Les lignes qui",
        "# commencent par « # » sont des commentaires ; enlevez le « # » d'un champ facultatif",
        "# pour le remplir. Vérifiez avec : python -m generator validate",
        "",
    ]


def render_program(a: Answers) -> str:
    """The YAML text of a new program file from checked answers."""
    lines = [
        *_header(
            "program",
            "programs",
            "Programme : programme, initiative, action du plan d'IQ ou projet de l'OTN.",
        ),
        "# Identifiant : minuscules, chiffres et traits d'union ; identique au nom du fichier.",
        f"id: {a['id']}",
        "# Nom public, en français et en anglais (les deux sont obligatoires).",
        *_text("name", a["name_fr"], a["name_en"]),
        "# Résumé affiché sur la page du programme, dans les deux langues.",
        *_text("summary", a["summary_fr"], a["summary_en"]),
        "# Organisation qui offre le programme : identifiant d'un fichier de content/organisations/.",
        f"operator: {a['operator']}",
        "# Bailleurs de fonds (identifiants d'organisations), s'il y en a.",
        "# funders:",
        "#   - investissement-quebec",
        "# Programme parent, par exemple « otn » pour un projet de l'OTN.",
        "# parent: otn",
        f"# Types de programme ({', '.join(_values(ProgramKind))}).",
        *_list("kinds", a["kinds"]),
        f"# Clientèles visées ({', '.join(_values(Audience))}).",
        *_list("audiences", a["audiences"]),
        "# Régions : « all » pour tout le Québec, sinon la liste des codes officiels (01 à 17).",
        *_regions(a["regions"]),
        "# Montants (en dollars, sans espace ni symbole) ; per_year: true pour un montant annuel.",
        "# amounts:",
        "#   - label:",
        "#       fr: Aide maximale",
        "#       en: Maximum assistance",
        "#     amount: 50000",
        "#     per_year: false",
        "# Indicateurs et cibles publiés par le programme.",
        "# indicators:",
        "#   - indicator:",
        "#       fr: Entreprises accompagnées",
        "#       en: Businesses supported",
        "#     target:",
        "#       fr: 100 par année",
        "#       en: 100 a year",
        "# Dates au format AAAA-MM-JJ (annonce, début, fin) ; chacune est facultative.",
        "# dates:",
        "#   announced: 2024-01-31",
        "#   start: 2024-04-01",
        "#   end: 2027-03-31",
        f"# Statut ({', '.join(_values(ProgramStatus))}).",
        f"status: {a['status']}",
        "# Page web officielle du programme.",
        "# website: https://www.exemple.qc.ca/programme",
        *_sources(a["source"]),
    ]
    return "\n".join(lines) + "\n"


def render_organisation(a: Answers) -> str:
    """The YAML text of a new organisation file from checked answers."""
    sample = str(a.get("email") or "").endswith("@example.org")
    lines = [
        *_header(
            "organisation",
            "organisations",
            "Organisation : ERAC, MRC, SADC, CLD, pôle, bailleur de fonds, réseau, centre de recherche…",
        ),
        "# Identifiant : minuscules, chiffres et traits d'union ; identique au nom du fichier.",
        f"id: {a['id']}",
        f"# Type d'organisation ({', '.join(_values(OrganisationKind))}).",
        f"kind: {a['kind']}",
        "# Nom public, en français et en anglais (les deux sont obligatoires).",
        *_text("name", a["name_fr"], a["name_en"]),
        "# Description courte, dans les deux langues.",
        "# description:",
        "#   fr: Ce que fait l'organisation, en une ou deux phrases.",
        "#   en: What the organisation does, in one or two sentences.",
        "# Régions desservies : « all » pour tout le Québec, sinon les codes officiels (01 à 17).",
        *_regions(a["regions"]),
        "# Adresse postale ; city est obligatoire si l'adresse est donnée.",
        "# address:",
        "#   street: 123, rue Principale",
        "#   city: Joliette",
        "#   postal_code: J6E 1A1",
        "# Site web et téléphone (ex. : 450 365-9218 p. 201).",
        "# website: https://www.exemple.qc.ca",
        "# phone: 450 555-0100",
        "# Territoire desservi par un organisme de première ligne (noms officiels).",
        "# serves:",
        "#   mrcs: [Joliette]",
        "#   municipalities: [Saint-Jacques]",
        "# Courriel général : obligatoire pour une ERAC et pour l'employeur d'un·e conseiller·ère,",
        "# car les demandes y sont envoyées.",
        f"email: {_scalar(a['email'])}" if a.get("email") else "# email: info@exemple.qc.ca",
        "# true quand une information reste à confirmer auprès de l'organisation.",
        f"to_confirm: {'true' if sample else 'false'}",
        "# true pour une fiche d'exemple (courriel sous @example.org), affichée comme telle.",
        f"sample: {'true' if sample else 'false'}",
        *_sources(a["source"]),
    ]
    return "\n".join(lines) + "\n"


def render_advisor(a: Answers) -> str:
    """The YAML text of a new advisor file from checked answers."""
    sample = not a.get("source")
    fsas = a.get("fsas") or []
    municipalities = a.get("municipalities") or []
    serves = ["serves:"]
    serves += ["  fsas:", *(f"    - {f}" for f in fsas)] if fsas else ["  # fsas:", "  #   - J6E"]
    serves += (
        ["  municipalities:", *(f"    - {_scalar(m)}" for m in municipalities)]
        if municipalities
        else ["  # municipalities:", "  #   - Joliette"]
    )
    lines = [
        *_header("advisor", "advisors", "Conseiller·ère en innovation."),
        "# Identifiant : minuscules, chiffres et traits d'union ; identique au nom du fichier.",
        f"id: {a['id']}",
        "# Nom complet, tel qu'affiché sur le site.",
        f"name: {_scalar(a['name'])}",
        "# Titre du poste, dans les deux langues.",
        "# title:",
        "#   fr: Conseillère en innovation",
        "#   en: Innovation advisor",
        "# Organisation employeuse : identifiant d'un fichier de content/organisations/.",
        "# Pour déplacer la personne vers une autre MRC, changez organisation, region et serves.",
        f"organisation: {a['organisation']}",
        "# Région administrative (code officiel 01 à 17).",
        f"region: {_scalar(a['region'])}",
        "# Territoire desservi : RTA (3 premiers caractères du code postal) et/ou municipalités.",
        "# Les demandes dont le code postal tombe ici sont acheminées à cette personne.",
        *serves,
        f"# Langues de service ({', '.join(_values(Language))}).",
        *_list("languages", a["languages"]),
        f"# Expertises ({', '.join(_values(Expertise))}).",
        "# expertise:",
        "#   - digital",
        "# Courriel où arrivent les demandes.",
        f"email: {_scalar(a['email'])}",
        "# Téléphone (ex. : 450 365-9218 p. 201).",
        "# phone: 450 555-0100",
        f"# Attestation de conseiller·ère en innovation ({', '.join(_values(Attestation))}).",
        f"attested: {a['attested']}",
        "# Position du bureau (sert à choisir la personne la plus proche).",
        "# location:",
        "#   lat: 46.02",
        "#   lon: -73.44",
        "# true pour une fiche d'exemple : courriel sous @example.org, affichée comme exemple.",
        f"sample: {'true' if sample else 'false'}",
        *_sources(a.get("source")),
    ]
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Answers], str]] = {
    "program": render_program,
    "organisation": render_organisation,
    "advisor": render_advisor,
}


def render(kind: str, answers: Answers) -> str:
    """The YAML text for ``kind`` from checked answers. Checks that the text passes
    model validation: a failure here is a bug in this module, not the editor's."""
    text = RENDERERS[kind](answers)
    KINDS[kind][1].model_validate(yaml.safe_load(text))
    return text


def write_record(kind: str, answers: Answers, root: Path) -> Path:
    """Write ``content/<kind>s/<id>.yaml`` under ``root``; FileExistsError if it exists."""
    folder = root / "content" / KINDS[kind][0]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{answers['id']}.yaml"
    text = render(kind, answers)
    with path.open("x", encoding="utf-8") as out:  # "x": never replace an existing record
        out.write(text)
    return path


# --- command line --------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser, default_root: Path = Path(".")) -> None:
    """The arguments of ``python -m generator new``."""
    parser.add_argument("kind", choices=list(KINDS), help="program, organisation or advisor")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the questions (fr)")
    parser.add_argument("--root", type=Path, default=default_root, help="project root holding content/")
    parser.add_argument(
        "--answers",
        type=Path,
        help="JSON file of answers by question key, instead of asking (for scripts)",
    )


def run(args: argparse.Namespace, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run ``new`` with parsed arguments; returns the exit status (0 written, 1 refused)."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    lang = _lang(args.lang)
    root: Path = args.root
    kind: str = args.kind
    if args.answers:
        try:
            given = json.loads(args.answers.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            print(f"{args.answers}: {exc}", file=sys.stderr)
            return 1
        if not isinstance(given, dict):
            print(f"{args.answers}: expected a JSON object", file=sys.stderr)
            return 1
        answers, problems = collect_from_mapping(kind, root, given, lang)
        if problems:
            for problem in problems:
                print(f"{args.answers}: {problem}", file=sys.stderr)
            return 1
    else:
        label = _KIND_LABELS[kind][lang]
        stdout.write(_say("intro", lang, kind=label) + "\n")
        try:
            answers = collect_interactively(kind, root, Prompter(stdin, stdout, lang))
        except NoMoreAnswers as end:
            key = str(end.args[0]) if end.args else "?"
            prompt = next((q.prompt[lang] for q in questions(kind) if q.key == key), key)
            print(_say("missing", lang, key=key, prompt=prompt), file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            stdout.write("\n")
            return 1
    try:
        path = write_record(kind, answers, root)
    except FileExistsError:
        path_text = f"content/{KINDS[kind][0]}/{answers['id']}.yaml"
        print(_say("exists", lang, path=path_text), file=sys.stderr)
        return 1
    try:
        shown = path.relative_to(root)
    except ValueError:
        shown = path
    stdout.write(_say("written", lang, path=str(shown)) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator new", description=__doc__.split("\n")[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
