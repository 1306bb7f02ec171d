"""Validate a submitted form into a :class:`Request`, or per-field errors in the
requester's language. Pure: no I/O, the clock is an argument.

Fields (docs/architecture.md): submission_id, business_name, contact_name, email, phone
(optional), postal_code, description, lang, consent, consent_version, region_choice
(optional), municipality (optional, only with a split postal area), started_at, website
(honeypot).

Bots: a non-empty honeypot ``website`` or a form sent less than ``min_fill_seconds`` after
``started_at`` gives :class:`Bot` once every field is valid (bad fields give :class:`Invalid`
as for anyone). The handler answers it exactly as that request would be answered (so the
bot learns nothing) but records nothing and sends nothing. ``started_at`` absent
(no JavaScript) is not checked.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .postal import PostalCode, normalise_postal_code

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")

# Upper bounds on every field: the whole body is also capped (settings.max_body_bytes).
MAX_LENGTH = {
    "business_name": 200,
    "contact_name": 120,
    "email": 254,
    "phone": 40,
    "postal_code": 12,
    "description": 4000,
    "consent_version": 40,
    "municipality": 120,
}

_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
_PHONE = re.compile(r"^[0-9+().\-\s]+(?:\s*(?:x|ext\.?|poste)\s*[0-9]{1,6})?$", re.IGNORECASE)
_VERSION = re.compile(r"^[A-Za-z0-9._-]+$")
_REGION_CODE = re.compile(r"^(0[1-9]|1[0-7])$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_CONTROL_KEEP_NEWLINES = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]+")
# A lone surrogate (``"\\ud800"`` escaped in JSON) is no character: UTF-8 cannot encode it,
# so it could be neither hashed, stored nor mailed.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Characters that change how text reads without being seen: bidirectional marks, embeddings,
# overrides and isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), zero-width
# space and joiners (U+200B-U+200D), word joiner and invisible operators (U+2060-U+2064),
# deprecated format controls (U+206A-U+206F), the zero-width no-break space (U+FEFF), the soft
# hyphen, the Mongolian vowel separator, interlinear annotations, shorthand and musical format
# controls, tag characters: every Unicode "Cf" (format) character except the visible prepended
# signs of Arabic, Syriac and Kaithi and the Egyptian hieroglyph controls; plus the combining
# grapheme joiner and the Hangul fillers, which render as nothing. A right-to-left override in
# a name shows "Jean\u202eadmin" reversed in the recipient's mail client (the "Trojan Source"
# trick, CVE-2021-42574; Unicode TR #36, section 2). Names and other single-line fields refuse
# them (they reach the Reply-To display name and the subject); the description loses them.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
_ACCEPTED_CONSENT = frozenset({"yes", "oui", "true", "on", "1"})

MESSAGES: dict[str, dict[str, dict[Lang, str]]] = {
    "business_name": {
        "invalid": {"fr": "Nom d'entreprise non valide.", "en": "Invalid business name."},
        "required": {"fr": "Indiquez le nom de l'entreprise.", "en": "Enter the business name."},
        "too_long": {
            "fr": "Le nom de l'entreprise est trop long (200 caractères au plus).",
            "en": "The business name is too long (200 characters at most).",
        },
    },
    "contact_name": {
        "invalid": {"fr": "Nom non valide.", "en": "Invalid name."},
        "required": {"fr": "Indiquez votre nom.", "en": "Enter your name."},
        "too_long": {
            "fr": "Le nom est trop long (120 caractères au plus).",
            "en": "The name is too long (120 characters at most).",
        },
    },
    "email": {
        "invalid": {
            "fr": "Indiquez un courriel valide, par exemple nom@entreprise.ca.",
            "en": "Enter a valid email address, such as name@business.ca.",
        },
        "required": {"fr": "Indiquez votre courriel.", "en": "Enter your email address."},
        "too_long": {"fr": "Le courriel est trop long.", "en": "The email address is too long."},
    },
    "phone": {
        "invalid": {
            "fr": "Indiquez un numéro de téléphone valide, par exemple 514 555-0123.",
            "en": "Enter a valid phone number, such as 514 555-0123.",
        },
        "required": {"fr": "Indiquez un numéro de téléphone.", "en": "Enter a phone number."},
        "too_long": {"fr": "Le numéro de téléphone est trop long.", "en": "The phone number is too long."},
    },
    "postal_code": {
        "invalid": {
            "fr": "Indiquez un code postal valide, par exemple H2X 1Y4.",
            "en": "Enter a valid postal code, such as H2X 1Y4.",
        },
        "required": {
            "fr": "Indiquez le code postal de l'entreprise.",
            "en": "Enter the business's postal code.",
        },
        "unknown_area": {
            "fr": "Ce code postal du Québec n'est pas encore dans notre répertoire. "
            "Choisissez votre région sur la page des régions pour joindre son équipe.",
            "en": "This Québec postal code is not in our directory yet. "
            "Pick your region on the regions page to reach its team.",
        },
    },
    "description": {
        "invalid": {"fr": "Description non valide.", "en": "Invalid description."},
        "required": {"fr": "Décrivez brièvement votre besoin.", "en": "Briefly describe what you need."},
        "too_long": {
            "fr": "La description est trop longue (4 000 caractères au plus).",
            "en": "The description is too long (4,000 characters at most).",
        },
    },
    "lang": {
        "invalid": {"fr": "Langue non prise en charge : fr ou en.", "en": "Unsupported language: fr or en."},
    },
    "consent": {
        "invalid": {
            "fr": "Vous devez accepter l'énoncé de confidentialité pour envoyer la demande.",
            "en": "You must accept the privacy statement to send the request.",
        },
    },
    "consent_version": {
        "invalid": {
            "fr": "Version de l'énoncé de confidentialité non valide; rechargez la page.",
            "en": "Invalid privacy statement version; reload the page.",
        },
        "required": {
            "fr": "Version de l'énoncé de confidentialité manquante; rechargez la page.",
            "en": "Privacy statement version missing; reload the page.",
        },
    },
    "region_choice": {
        "invalid": {
            "fr": "Choisissez une des régions proposées pour ce code postal.",
            "en": "Choose one of the regions offered for this postal code.",
        },
    },
    "municipality": {
        "invalid": {"fr": "Municipalité non valide.", "en": "Invalid municipality."},
        "required": {"fr": "Indiquez la municipalité.", "en": "Enter the municipality."},
        "too_long": {"fr": "Nom de municipalité trop long.", "en": "Municipality name too long."},
    },
    "submission_id": {
        "invalid": {
            "fr": "Identifiant de formulaire non valide; rechargez la page.",
            "en": "Invalid form identifier; reload the page.",
        },
        "required": {
            "fr": "Identifiant de formulaire manquant; rechargez la page.",
            "en": "Missing form identifier; reload the page.",
        },
    },
    "body": {
        "invalid": {
            "fr": "La demande n'a pas pu être lue; réessayez depuis le formulaire.",
            "en": "The request could not be read; try again from the form.",
        },
        "required": {
            "fr": "La demande est vide; réessayez depuis le formulaire.",
            "en": "The request is empty; try again from the form.",
        },
        "too_long": {
            "fr": "La demande est trop volumineuse; raccourcissez la description.",
            "en": "The request is too large; shorten the description.",
        },
    },
}


INVISIBLE_MESSAGE: dict[Lang, str] = {
    "fr": "Ce champ contient un caractère invisible ou qui inverse le sens du texte "
    "(souvent collé avec le texte); retapez-le.",
    "en": "This field contains an invisible or text-direction character "
    "(often pasted along with the text); type it again.",
}


def message(field: str, kind: str, lang: Lang) -> str:
    """The error message for ``field`` and ``kind`` in ``lang``; a field that says the same
    thing whatever went wrong has only its ``invalid`` message."""
    messages = MESSAGES[field]
    return messages.get(kind, messages["invalid"])[lang]


@dataclass(frozen=True)
class Request:
    """A validated request. ``submission_id`` is ``None`` when the page did not send one."""

    business_name: str
    contact_name: str
    email: str
    phone: str
    postal_code: PostalCode
    description: str
    lang: Lang
    consent_version: str
    region_choice: str | None = None
    municipality: str | None = None
    submission_id: str | None = None

    def canonical(self) -> dict[str, str]:
        """The content that identifies this request (hashed for idempotency; no id, no timing)."""
        return {
            "business_name": self.business_name,
            "contact_name": self.contact_name,
            "email": self.email,
            "phone": self.phone,
            "postal_code": self.postal_code.value,
            "description": self.description,
            "lang": self.lang,
            "consent_version": self.consent_version,
            "region_choice": self.region_choice or "",
            "municipality": self.municipality or "",
        }


@dataclass(frozen=True)
class Invalid:
    errors: dict[str, str]
    lang: Lang


@dataclass(frozen=True)
class Bot:
    """A valid-looking request sent by a bot: answered as ``request`` would be, never recorded."""

    request: Request

    @property
    def lang(self) -> Lang:
        return self.request.lang


Validation = Request | Invalid | Bot


def request_lang(fields: Mapping[str, object]) -> Lang:
    """The language to answer in: ``lang`` if supported, else French."""
    raw = fields.get("lang")
    return raw if raw in LANGS else "fr"  # type: ignore[return-value]


def validate(fields: Mapping[str, object], *, now_ms: int, min_fill_seconds: int = 3) -> Validation:
    """Check every field of ``fields`` (JSON values or form strings) at time ``now_ms``.

    Returns a :class:`Request`, :class:`Invalid` with one message per bad field in the
    requester's language (French when ``lang`` is missing or unsupported), or :class:`Bot`.
    """
    lang = request_lang(fields)
    errors: dict[str, str] = {}

    def text(name: str, *, required: bool, multiline: bool = False) -> str:
        raw = fields.get(name)
        if raw is None:
            raw = ""
        if not isinstance(raw, str) or _SURROGATE.search(raw):
            errors[name] = message(name, "invalid", lang)
            return ""
        if multiline:
            raw = _INVISIBLE.sub("", raw)
        elif _INVISIBLE.search(raw):
            errors[name] = INVISIBLE_MESSAGE[lang]
            return ""
        cleaned = _clean(raw, multiline=multiline)
        if not cleaned:
            if required:
                errors[name] = message(name, "required", lang)
            return ""
        if len(cleaned) > MAX_LENGTH[name]:
            errors[name] = message(name, "too_long", lang)
            return ""
        return cleaned

    submission_id = _submission_id(fields.get("submission_id"))
    if submission_id is False:
        errors["submission_id"] = message("submission_id", "invalid", lang)

    raw_lang = fields.get("lang")
    if raw_lang not in (None, "") and raw_lang not in LANGS:
        errors["lang"] = message("lang", "invalid", lang)

    business_name = text("business_name", required=True)
    contact_name = text("contact_name", required=True)
    email = text("email", required=True)
    if email and not _valid_email(email):
        errors["email"] = message("email", "invalid", lang)
    phone = text("phone", required=False)
    if phone and not (_PHONE.match(phone) and sum(c.isdigit() for c in phone) >= 7):
        errors["phone"] = message("phone", "invalid", lang)
    raw_postal = text("postal_code", required=True)
    postal = normalise_postal_code(raw_postal) if raw_postal else None
    if raw_postal and postal is None:
        errors["postal_code"] = message("postal_code", "invalid", lang)
    description = text("description", required=True, multiline=True)

    consent = fields.get("consent")
    if not _consented(consent):
        errors["consent"] = message("consent", "required", lang)
    consent_version = text("consent_version", required=True)
    if consent_version and not _VERSION.match(consent_version):
        errors["consent_version"] = message("consent_version", "invalid", lang)

    region_choice = text_or_none(fields.get("region_choice"))
    if region_choice is not None and not _REGION_CODE.match(region_choice):
        errors["region_choice"] = message("region_choice", "invalid", lang)
    municipality = text("municipality", required=False) or None

    if errors or postal is None:
        return Invalid(errors=errors, lang=lang)
    request = Request(
        business_name=business_name,
        contact_name=contact_name,
        email=email,
        phone=phone,
        postal_code=postal,
        description=description,
        lang=lang,
        consent_version=consent_version,
        region_choice=region_choice,
        municipality=municipality,
        submission_id=submission_id or None,
    )
    # A bot is told exactly what a person sending the same fields would be (errors
    # included), so the answer never shows that it was caught.
    if _is_bot(fields, now_ms=now_ms, min_fill_seconds=min_fill_seconds):
        return Bot(request=request)
    return request


def text_or_none(raw: object) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str):
        return "invalid"
    cleaned = raw.strip()
    return cleaned or None


def _clean(raw: str, *, multiline: bool) -> str:
    """Strip; single-line fields lose every control character (CR/LF included)."""
    if multiline:
        return _CONTROL_KEEP_NEWLINES.sub(" ", raw.replace("\r\n", "\n").replace("\r", "\n")).strip()
    return " ".join(_CONTROL.sub(" ", raw).split())


def _valid_email(email: str) -> bool:
    local, _, _domain = email.partition("@")
    # "=?" opens an RFC 2047 encoded word: the pattern allows it in a local part, but the
    # email package refuses such an address in a header, so no message to or about the
    # requester could ever be built.
    return len(local) <= 64 and "=?" not in email and bool(_EMAIL.match(email))


def _consented(value: object) -> bool:
    if value is True:
        return True
    return isinstance(value, str) and value.strip().lower() in _ACCEPTED_CONSENT


def _submission_id(raw: object) -> str | None | Literal[False]:
    """A canonical UUID string, ``None`` if absent, ``False`` if present but not a UUID."""
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str) or len(raw) > 64:
        return False
    try:
        return str(uuid.UUID(raw.strip()))
    except ValueError:
        return False


def _is_bot(fields: Mapping[str, object], *, now_ms: int, min_fill_seconds: int) -> bool:
    honeypot = fields.get("website")
    if honeypot not in (None, "") and not (isinstance(honeypot, str) and not honeypot.strip()):
        return True
    started = fields.get("started_at")
    if isinstance(started, bool) or started in (None, ""):
        return False
    try:
        started_ms = int(str(started).strip())
    except ValueError:
        return False  # unreadable timing is not evidence of a bot
    elapsed = now_ms - started_ms
    return 0 <= elapsed < min_fill_seconds * 1000
