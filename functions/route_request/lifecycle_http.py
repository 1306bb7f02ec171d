"""The HTTP side of a request's life: the emails' links and the statistics.

Routes (API Gateway HTTP API v2 events; the devserver serves them under ``/api``):

* ``GET /a/{token}``: the confirmation page of an action. Never changes anything: mail
  scanners open links.
* ``POST /a/{token}``: the action (``actions.perform``), then a page saying what happened.
* ``GET /s/{token}``: the requester's status page, in their language.
* ``GET /stats``: monthly response-time statistics per region (JSON; ``?format=html``
  renders the table and chart without JavaScript).

A forged or altered token answers 403, an expired one 410, a request deleted after its
retention 404, each with a page that says so; nothing changes. Imported only for these
paths (``handler.handle_http``), so a form post's cold start does not load it.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from . import log
from .actions import Missing, perform, transfer_target
from .lifecycle import AlreadyDone, Close, Contact, Done, Refused, Take, Transfer
from .links import REQUESTER, ExpiredLink, ForgedLink, ValidLink, read_link
from .notices import actor_label, organisation_label
from .pages import RequestView, TransferChoices, confirm_page, problem_page, result_page, status_page
from .store import RequestRecord

if TYPE_CHECKING:
    from .app import App

MAX_FORM_BYTES = 4096
SECURITY_HEADERS = {
    "cache-control": "no-store",
    # the token is in the address: never send it on to another site
    "referrer-policy": "no-referrer",
    "x-robots-tag": "noindex, nofollow",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'",
}


def _html(status: int, body: str, extra: Mapping[str, str] | None = None) -> dict[str, Any]:
    headers = {"content-type": "text/html; charset=utf-8", **SECURITY_HEADERS, **(extra or {})}
    return {"statusCode": status, "headers": headers, "body": body}


def path_of(event: Mapping[str, Any]) -> str:
    """The route's path: ``/a/…`` on API Gateway's ``$default`` stage, ``/api/a/…`` from the dev server."""
    raw = str(event.get("rawPath") or event.get("requestContext", {}).get("http", {}).get("path", ""))
    return raw.removeprefix("/api")


def method_of(event: Mapping[str, Any]) -> str:
    return str(event.get("requestContext", {}).get("http", {}).get("method", "GET")).upper()


def is_lifecycle_path(path: str) -> bool:
    return path.startswith(("/a/", "/s/")) or path.rstrip("/") == "/stats"


def handle(event: Mapping[str, Any], app: App) -> dict[str, Any]:
    """Answer one request on a lifecycle route."""
    path = path_of(event)
    method = method_of(event)
    query = event.get("queryStringParameters") or {}
    lang = "en" if query.get("lang") == "en" else "fr"
    if path.rstrip("/") == "/stats":
        if method not in ("GET", "HEAD"):
            return _html(405, problem_page("forged", lang), {"allow": "GET"})
        from .stats_http import stats_response

        return stats_response(app, query)
    kind, _, token = path[1:].partition("/")
    if kind == "s":
        if method not in ("GET", "HEAD"):
            return _html(405, problem_page("forged", lang), {"allow": "GET"})
    elif method not in ("GET", "HEAD", "POST"):
        return _html(405, problem_page("forged", lang), {"allow": "GET, POST"})
    now = int(app.clock())
    link = read_link(app.link_secret(), token, now=now)
    if isinstance(link, ForgedLink):
        log.event("link_refused", error=link.reason, http_status=403)
        return _html(403, problem_page("forged", lang))
    if isinstance(link, ExpiredLink):
        log.event("link_refused", error="expired", http_status=410)
        return _html(410, problem_page("expired", lang))
    assert isinstance(link, ValidLink)
    if (kind == "s") != (link.action == "status") or (link.action == "status") != (
        link.recipient == REQUESTER
    ):
        log.event("link_refused", error="wrong_route", http_status=403)
        return _html(403, problem_page("forged", lang))
    if kind == "s":
        return _status(link, app)
    if method == "POST":
        return _act(link, event, app, lang, now)
    return _confirm(link, app, lang)


def _view(record: RequestRecord, app: App, lang: str) -> RequestView:
    state = record.state()
    table = app.table
    region = table.regions.get(state.holders.region)
    return RequestView(
        reference=record.reference,
        region=region.label(lang) if region else state.holders.region,
        stage=state.stage,
        holders=tuple(actor_label(h, table, lang) for h in state.holders.ids),
        taken_by=actor_label(state.taken_by, table, lang) if state.taken_by else None,
        outcome=state.outcome,
    )


def _choices(record: RequestRecord, app: App, lang: str) -> TransferChoices:
    table = app.table
    here = record.routing.region_code
    regions = sorted(
        (
            (f"region:{code}", f"{r.label(lang)} — {actor_label(r.erac, table, lang)}")
            for code, r in table.regions.items()
            if code != here
        ),
        key=lambda pair: pair[1],
    )
    advisors = sorted(
        (f"advisor:{a.id}", actor_label(a.id, table, lang))
        for a in table.advisors.values()
        if a.region == here and a.id != record.routing.advisor
    )
    org_ids = {a.organisation for a in table.advisors.values() if a.region == here}
    organisations = sorted(
        (f"org:{oid}", table.organisations[oid].label(lang))
        for oid in org_ids
        if oid in table.organisations and table.organisations[oid].email and oid != record.routing.erac
    )
    return TransferChoices(regions=regions, advisors=advisors, organisations=organisations)


def _load(link: ValidLink, app: App) -> RequestRecord | None:
    return app.store.get(link.submission_id)


def _confirm(link: ValidLink, app: App, lang: str) -> dict[str, Any]:
    record = _load(link, app)
    if record is None:
        return _html(404, problem_page("missing", lang))
    choices = _choices(record, app, lang) if link.action == "transfer" else None
    return _html(200, confirm_page(link.action, _view(record, app, lang), lang, choices=choices))


def _form(event: Mapping[str, Any]) -> dict[str, str]:
    raw = event.get("body") or ""
    if not isinstance(raw, str) or len(raw) > MAX_FORM_BYTES * 2:
        return {}
    try:
        body = base64.b64decode(raw) if event.get("isBase64Encoded") else raw.encode("utf-8")
        text = body[:MAX_FORM_BYTES].decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return {}
    return {k: v[0] for k, v in parse_qs(text, max_num_fields=10).items()}


def _act(link: ValidLink, event: Mapping[str, Any], app: App, lang: str, now: int) -> dict[str, Any]:
    record = _load(link, app)
    if record is None:
        return _html(404, problem_page("missing", lang))
    form = _form(event)
    action: Take | Contact | Close | Transfer
    if link.action == "take":
        action = Take()
    elif link.action == "contact":
        action = Contact()
    elif link.action == "close":
        action = Close(outcome=form.get("outcome", ""))
    else:
        target = transfer_target(form.get("to", ""), record, app.table)
        if target is None:
            page = confirm_page(
                "transfer",
                _view(record, app, lang),
                lang,
                choices=_choices(record, app, lang),
                message=_bad_target(lang),
            )
            return _html(422, page)
        action = Transfer(to=target, reason=form.get("reason", ""))
    result = perform(
        link.submission_id, action, link.recipient, store=app.store, queue=app.queue, table=app.table, now=now
    )
    if isinstance(result, Missing):
        return _html(404, problem_page("missing", lang))
    decision, current = result
    view = _view(current, app, lang)
    if isinstance(decision, Done):
        return _html(200, result_page(link.action, "done", view, lang))
    if isinstance(decision, AlreadyDone):
        log.event("action_already_done", reference=current.reference)
        return _html(200, result_page(link.action, "already", view, lang))
    assert isinstance(decision, Refused)
    log.event("action_refused", reference=current.reference, error=decision.reason, http_status=409)
    state = decision.state
    who = (
        actor_label(state.taken_by, app.table, lang)
        if decision.reason == "taken_by_other" and state.taken_by
        else ", ".join(actor_label(h, app.table, lang) for h in state.holders.ids)
    )
    status = 422 if decision.reason in ("bad_outcome", "bad_reason") else 409
    return _html(status, result_page(link.action, decision.reason, view, lang, who=who))


def _bad_target(lang: str) -> str:
    from .pages import TEXT

    return str(TEXT[lang]["refused"]["bad_target"])


def _status(link: ValidLink, app: App) -> dict[str, Any]:
    record = _load(link, app)
    if record is None:
        return _html(404, problem_page("missing", "fr"))
    lang = "en" if record.lang == "en" else "fr"
    state = record.state()
    who = organisation_label(state.taken_by, app.table, lang) if state.taken_by else ""
    return _html(200, status_page(_view(record, app, lang), lang, who=who))
