"""API Gateway HTTP API (payload v2) in, HTTP answers out: the one place outcomes and
errors become status codes.

* ``application/json`` → JSON answers (docs/architecture.md "Responses").
* ``application/x-www-form-urlencoded`` (the form without JavaScript) → ``303 See Other``
  to ``{SITE_ORIGIN}/merci/?reference=…`` or ``{SITE_ORIGIN}/erreur/?status=…``, under
  ``/en/`` for English. Error pages get only codes in the query string (``status``,
  ``fields``, ``regions``), never what the requester typed.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode

from .intake import Accepted, Conflict, MustChooseRegion, NotInQuebec, Outcome, Unavailable
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
    if content_type not in (JSON_TYPE, "") and not content_type.endswith("+json"):
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
    return {
        "statusCode": 303,
        "headers": {
            "location": location,
            "cache-control": "no-store",
            "content-type": "text/plain; charset=utf-8",
        },
        "body": "",
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
            return _see_other(site_origin, lang, "merci", {"reference": result.reference})
        return _json(202, {"status": "accepted", "reference": result.reference, "region": result.region})
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


def internal_error(*, form: bool, fields: Mapping[str, object] | None, site_origin: str) -> dict[str, Any]:
    """The answer to a bug: 500, or the error page for a form post."""
    lang = request_lang(fields or {})
    if form:
        return _see_other(site_origin, lang, "erreur", {"status": "error"})
    return _json(500, {"status": "error"})
