"""API Gateway HTTP API (payload v2) in, HTTP answers out: the one place outcomes and
errors become status codes.

* ``application/json`` → JSON answers (docs/architecture.md "Responses").
* no ``Content-Type``, or any other → 415; a method other than POST → 405 with ``Allow: POST``.
  Fields the function does not read are ignored: never validated, recorded nor mailed (a
  form deployed with a new field before the function must not lose requests).
* ``application/x-www-form-urlencoded`` (the form without JavaScript) → ``303 See Other``
  to ``{SITE_ORIGIN}/merci/?reference=…`` or ``{SITE_ORIGIN}/erreur/?status=…``, under
  ``/en/`` for English. Error pages get only codes in the query string (``status``,
  ``fields``, ``regions``), never what the requester typed.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode

from .intake import Accepted, Conflict, MustChooseRegion, NotInQuebec, Outcome, RateLimited, Unavailable
from .limits import retry_minutes
from .validation import Invalid, Lang, message, request_lang

FORM = "application/x-www-form-urlencoded"
JSON_TYPE = "application/json"
MAX_FORM_FIELDS = 50


@dataclass(frozen=True)
class Submission:
    fields: dict[str, object]
    form: bool


@dataclass(frozen=True)
class BodyProblem:
    """The body cannot be read: 400 unreadable, 413 too large, 415 unknown type, 405 wrong method."""

    http_status: Literal[400, 405, 413, 415]
    form: bool
    lang: Lang


def _headers(event: Mapping[str, Any]) -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (event.get("headers") or {}).items()}


def _hint_lang(event: Mapping[str, Any]) -> Lang:
    """Language for answers about an unreadable body: ``?lang=en`` on the form's action."""
    query = event.get("queryStringParameters") or {}
    return "en" if query.get("lang") == "en" else "fr"


def parse_event(event: Mapping[str, Any], *, max_body_bytes: int) -> Submission | BodyProblem:
    """The submitted fields of an API Gateway v2 event, or why they cannot be read."""
    headers = _headers(event)
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    form = content_type == FORM
    lang = _hint_lang(event)
    method = str(event.get("requestContext", {}).get("http", {}).get("method", "POST")).upper()
    if method != "POST":
        return BodyProblem(405, form, lang)
    raw = event.get("body") or ""
    if not isinstance(raw, str):
        return BodyProblem(400, form, lang)
    # Base64 inflates by 4/3: refuse before decoding anything oversized.
    if len(raw) > max_body_bytes * 4 // 3 + 4:
        return BodyProblem(413, form, lang)
    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(raw, validate=True)
        except (binascii.Error, ValueError):
            return BodyProblem(400, form, lang)
    else:
        body = raw.encode("utf-8", errors="surrogatepass")
    if len(body) > max_body_bytes:
        return BodyProblem(413, form, lang)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return BodyProblem(400, form, lang)
    if form:
        try:
            parsed = parse_qs(
                text,
                keep_blank_values=True,
                strict_parsing=False,
                errors="strict",
                max_num_fields=MAX_FORM_FIELDS,
            )
        except (ValueError, UnicodeDecodeError):
            return BodyProblem(400, True, lang)
        return Submission(fields={key: values[0] for key, values in parsed.items()}, form=True)
    # No Content-Type, or one we do not read, is 415 (OWASP ASVS 4.0.3 V13.1.5): a body is
    # never guessed to be JSON.
    if content_type != JSON_TYPE and not content_type.endswith("+json"):
        return BodyProblem(415, False, lang)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        # ValueError covers JSONDecodeError and an integer longer than Python converts
        # (sys.get_int_max_str_digits(), 4,300 digits), which the body cap leaves room for.
        return BodyProblem(400, False, lang)
    if not isinstance(data, dict):
        return BodyProblem(400, False, lang)
    return Submission(fields=data, form=False)


def _json(status: int, body: Mapping[str, object], extra: Mapping[str, str] | None = None) -> dict[str, Any]:
    headers = {"content-type": "application/json; charset=utf-8", "cache-control": "no-store"}
    headers.update(extra or {})
    return {"statusCode": status, "headers": headers, "body": json.dumps(body, ensure_ascii=False)}


def _see_other(site_origin: str, lang: Lang, page: str, query: Mapping[str, str]) -> dict[str, Any]:
    prefix = "/en" if lang == "en" else ""
    location = f"{site_origin}{prefix}/{page}/?{urlencode(query)}"
    if page == "erreur":
        # The cause's section as the fragment: without JavaScript the error page shows only
        # the section that is the :target (site_src/docs/assets/relais.css). RFC 9110 §10.2.2
        # allows a fragment in Location.
        location += f"#{query['status']}"
    return {
        "statusCode": 303,
        "headers": {
            "location": location,
            "cache-control": "no-store",
            "content-type": "text/plain; charset=utf-8",
        },
        "body": "",
    }


_KEPT = {
    "fr": "vos réponses sont conservées dans le formulaire",
    "en": "your answers are kept in the form",
}
_KEPT_BACK = {
    "fr": "revenez au formulaire avec le bouton Précédent du navigateur : vos réponses y sont conservées",
    "en": "go back to the form with your browser's Back button: your answers are still there",
}


def rate_limited_message(retry_after: int, lang: Lang, *, back_button: bool = False) -> str:
    """When to try again, in the requester's language (minutes; hours past 90 minutes)."""
    minutes = retry_minutes(retry_after)
    if minutes > 90:
        count, unit = -(-minutes // 60), {"fr": "heure", "en": "hour"}[lang]
    else:
        count, unit = minutes, "minute"
    wait = f"{count} {unit}{'s' if count > 1 else ''}"
    kept = (_KEPT_BACK if back_button else _KEPT)[lang]
    if lang == "en":
        return (
            "Too many requests have been sent from your connection or with this email address. "
            f"Try again in {wait}; {kept}."
        )
    return (
        "Trop de demandes ont été envoyées depuis votre connexion ou avec ce courriel. "
        f"Réessayez dans {wait} ; {kept}."
    )


_LIMITED_PAGE = {
    "fr": ("Trop de demandes", "Revenir au formulaire", "/demande/"),
    "en": ("Too many requests", "Back to the form", "/en/demande/"),
}


def _limited_page(site_origin: str, retry_after: int, lang: Lang) -> dict[str, Any]:
    """The form without JavaScript gets the 429 itself, as a small page: the browser's Back
    button returns to the form with what was typed, and the page can say how long to wait."""
    title, back, path = _LIMITED_PAGE[lang]
    text = html.escape(rate_limited_message(retry_after, lang, back_button=True))
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} — Relais</title></head><body><main><h1>{title}</h1><p>{text}</p>"
        f'<p><a href="{html.escape(site_origin + path)}">{back}</a></p></main></body></html>'
    )
    return {
        "statusCode": 429,
        "headers": {
            "content-type": "text/html; charset=utf-8",
            "cache-control": "no-store",
            "retry-after": str(retry_after),
        },
        "body": page,
    }


def respond(result: Outcome | BodyProblem, *, form: bool, site_origin: str) -> dict[str, Any]:
    """The HTTP answer (API Gateway v2 shape) for ``result``."""
    if isinstance(result, BodyProblem):
        kind = "too_long" if result.http_status == 413 else "invalid"
        if result.form:
            status = "too_large" if result.http_status == 413 else "invalid"
            return _see_other(site_origin, result.lang, "erreur", {"status": status, "fields": "body"})
        extra = {"allow": "POST"} if result.http_status == 405 else None
        return _json(
            result.http_status,
            {"status": "invalid", "errors": {"body": message("body", kind, result.lang)}},
            extra,
        )
    lang = result.lang
    if isinstance(result, Accepted):
        if form:
            query = {"reference": result.reference}
            if result.confirmation != "sent":
                query["confirmation"] = result.confirmation
            return _see_other(site_origin, lang, "merci", query)
        return _json(
            202,
            {
                "status": "accepted",
                "reference": result.reference,
                "region": result.region,
                "confirmation": result.confirmation,
            },
        )
    if isinstance(result, RateLimited):
        if form:
            return _limited_page(site_origin, result.retry_after, lang)
        return _json(
            429,
            {
                "status": "rate_limited",
                "retry_after": result.retry_after,
                "message": rate_limited_message(result.retry_after, lang),
            },
            {"retry-after": str(result.retry_after)},
        )
    if isinstance(result, Invalid):
        if form:
            return _see_other(
                site_origin, lang, "erreur", {"status": "invalid", "fields": ",".join(sorted(result.errors))}
            )
        return _json(422, {"status": "invalid", "errors": result.errors})
    if isinstance(result, MustChooseRegion):
        if form:
            regions = ",".join(c.code for c in result.candidates)
            return _see_other(site_origin, lang, "erreur", {"status": "choose_region", "regions": regions})
        return _json(422, {"status": "choose_region", "candidates": [c.as_dict() for c in result.candidates]})
    if isinstance(result, NotInQuebec):
        if form:
            return _see_other(site_origin, lang, "erreur", {"status": "outside_quebec"})
        return _json(422, {"status": "outside_quebec", "message": result.message})
    if isinstance(result, Conflict):
        if form:
            return _see_other(site_origin, lang, "erreur", {"status": "conflict"})
        return _json(409, {"status": "conflict"})
    if isinstance(result, Unavailable):
        if form:
            return _see_other(site_origin, lang, "erreur", {"status": "unavailable"})
        return _json(503, {"status": "unavailable"}, {"retry-after": "30"})
    raise TypeError(f"no HTTP answer for {type(result).__name__}")


def challenge_response(challenge: Mapping[str, object] | None) -> dict[str, Any]:
    """``GET /challenge``: the challenge as JSON, never cached; any other method: 405."""
    if challenge is None:
        return _json(405, {"status": "invalid"}, {"allow": "GET"})
    return _json(200, dict(challenge))


def internal_error(*, form: bool, fields: Mapping[str, object] | None, site_origin: str) -> dict[str, Any]:
    """The answer to a bug: 500, or the error page for a form post."""
    lang = request_lang(fields or {})
    if form:
        return _see_other(site_origin, lang, "erreur", {"status": "error"})
    return _json(500, {"status": "error"})
