"""The small HTML pages behind the emails' links. Pure: view values in, HTML text out.

No JavaScript, no external resource; every value is HTML-escaped. The pages show the
reference, the region, the stage and organisation names only: never what the business
typed, so a forwarded link shows nothing personal. The network's pages are in French with
an English version (``?lang=en``); the requester's status page is in their language.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .lifecycle import OUTCOMES

e = html.escape

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#1a1a1a}h1{font-size:1.5rem}button{font-size:1rem;padding:.6rem 1.2rem;"
    "background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer}"
    "label{display:block;margin-top:1rem;font-weight:600}select,textarea{width:100%;font-size:1rem}"
    ".note{background:#f3f6fa;border-left:4px solid #0b5394;padding:.5rem 1rem}"
    "ol.stages li[aria-current]{font-weight:700}ol.stages li.done{color:#555}"
    ".scroll{overflow-x:auto}svg{max-width:100%;height:auto}"
)

TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "stage": {
            "received": "reçue",
            "delivered": "transmise",
            "taken": "prise en charge",
            "contact_made": "contact établi",
            "closed": "close",
        },
        "outcome": dict(
            zip(
                OUTCOMES,
                (
                    "Accompagnée",
                    "Dirigée vers un programme",
                    "Dirigée vers une autre ressource",
                    "Sans suite",
                    "Entreprise injoignable",
                ),
                strict=True,
            )
        ),
        "title": {
            "take": "Prendre la demande en charge",
            "transfer": "Transférer la demande",
            "contact": "Indiquer que le contact est établi",
            "close": "Clore la demande",
        },
        "button": {
            "take": "Je prends la demande",
            "transfer": "Transférer",
            "contact": "Contact établi",
            "close": "Clore la demande",
        },
        "explain": {
            "take": "Les autres destinataires seront avisés que vous vous en occupez, "
            "et l'entreprise recevra une courte note.",
            "transfer": "Les nouveaux destinataires recevront la demande et son historique ; "
            "les précédents en seront avisés.",
            "contact": "L'entreprise et les autres destinataires en seront avisés.",
            "close": "Les autres destinataires en seront avisés.",
        },
        "done": {
            "take": "C'est fait : vous avez pris la demande en charge. Les autres destinataires et "
            "l'entreprise en sont avisés.",
            "transfer": "C'est fait : la demande est transférée. Les nouveaux destinataires l'ont reçue.",
            "contact": "C'est fait : le contact est noté. L'entreprise et les autres destinataires en sont "
            "avisés.",
            "close": "C'est fait : la demande est close.",
        },
        "already": "C'est déjà fait : rien n'a changé. Vous pouvez fermer cette page.",
        "refused": {
            "taken_by_other": "{who} a déjà pris cette demande en charge : inutile de communiquer avec "
            "l'entreprise, sauf si on vous le demande.",
            "not_holder": "Cette demande a été confiée à d'autres ({who}) : ce lien n'est plus valable pour "
            "vous.",
            "closed": "Cette demande est déjà close.",
            "bad_outcome": "Choisissez l'issue de la demande dans la liste.",
            "same_holders": "La demande est déjà entre ces mains : choisissez un autre destinataire.",
            "bad_reason": "Indiquez en quelques mots pourquoi vous transférez la demande (300 caractères au "
            "plus).",
            "bad_target": "Choisissez un destinataire dans la liste.",
        },
        "reference": "Référence",
        "region": "Région",
        "now": "État actuel",
        "holders": "Destinataires",
        "to": "Transférer à",
        "reason": "Raison (courte, sans renseignement personnel)",
        "outcome_label": "Issue",
        "regions": "L'ERAC d'une autre région",
        "advisors": "Un conseiller ou une conseillère",
        "orgs": "Un organisme",
        "forged": "Ce lien n'est pas valide",
        "forged_text": "Il a peut-être été copié en partie ou modifié. Rien n'a été changé. "
        "Utilisez le lien complet reçu par courriel.",
        "expired": "Ce lien a expiré",
        "expired_text": "Les liens des courriels de Relais sont valables 30 jours. Rien n'a été changé. "
        "Écrivez à l'équipe de Relais pour obtenir un nouveau lien.",
        "missing": "Cette demande n'existe plus",
        "missing_text": "Elle a été supprimée à la fin de sa durée de conservation. Rien n'a été changé.",
        "other_lang": ("English", "en"),
        "status_title": "Où en est votre demande",
        "status_taken": "Prise en charge par {who}.",
        "status_closed": "Close : {outcome}.",
        "status_private": "Cette page est personnelle : ne la partagez pas.",
    },
    "en": {
        "stage": {
            "received": "received",
            "delivered": "passed on",
            "taken": "taken in charge",
            "contact_made": "contact made",
            "closed": "closed",
        },
        "outcome": dict(
            zip(
                OUTCOMES,
                (
                    "Accompanied",
                    "Referred to a program",
                    "Referred to another resource",
                    "Not pursued",
                    "Business unreachable",
                ),
                strict=True,
            )
        ),
        "title": {
            "take": "Take this request in charge",
            "transfer": "Transfer this request",
            "contact": "Record that contact was made",
            "close": "Close this request",
        },
        "button": {
            "take": "I'll take it",
            "transfer": "Transfer",
            "contact": "Contact made",
            "close": "Close the request",
        },
        "explain": {
            "take": "The other recipients will be told you are handling it, and the business gets a short "
            "note.",
            "transfer": "The new recipients get the request and its history; the previous ones are told.",
            "contact": "The business and the other recipients will be told.",
            "close": "The other recipients will be told.",
        },
        "done": {
            "take": "Done: you have taken this request in charge. The other recipients and the business are "
            "told.",
            "transfer": "Done: the request is transferred. The new recipients have it.",
            "contact": "Done: contact is recorded. The business and the other recipients are told.",
            "close": "Done: the request is closed.",
        },
        "already": "Already done: nothing changed. You can close this page.",
        "refused": {
            "taken_by_other": "{who} has already taken this request in charge: no need to contact the "
            "business unless asked to.",
            "not_holder": "This request is now with others ({who}): this link no longer works for you.",
            "closed": "This request is already closed.",
            "bad_outcome": "Choose the request's outcome from the list.",
            "same_holders": "The request is already with them: choose another recipient.",
            "bad_reason": "Say in a few words why you transfer the request (at most 300 characters).",
            "bad_target": "Choose a recipient from the list.",
        },
        "reference": "Reference",
        "region": "Region",
        "now": "Current state",
        "holders": "Recipients",
        "to": "Transfer to",
        "reason": "Reason (short, no personal information)",
        "outcome_label": "Outcome",
        "regions": "Another region's ERAC",
        "advisors": "An advisor",
        "orgs": "An organisation",
        "forged": "This link is not valid",
        "forged_text": "It may have been copied in part or changed. Nothing was changed. "
        "Use the whole link from the email.",
        "expired": "This link has expired",
        "expired_text": "Links in Relais emails work for 30 days. Nothing was changed. "
        "Write to the Relais team for a new link.",
        "missing": "This request no longer exists",
        "missing_text": "It was deleted at the end of its retention period. Nothing was changed.",
        "other_lang": ("Français", "fr"),
        "status_title": "Where your request stands",
        "status_taken": "Taken in charge by {who}.",
        "status_closed": "Closed: {outcome}.",
        "status_private": "This page is personal: do not share it.",
    },
}


def page(lang: str, title: str, body: str, *, switch: str | None = None) -> str:
    """A whole page; ``switch`` is the query string of the other language's version."""
    other = ""
    if switch is not None:
        label, code = TEXT[lang]["other_lang"]
        other = f'<p><a href="?{e(switch)}" lang="{code}" hreflang="{code}">{e(label)}</a></p>'
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>{e(title)} — Relais</title><style>{STYLE}</style></head><body><main>"
        f"{other}<h1>{e(title)}</h1>{body}</main></body></html>\n"
    )


@dataclass(frozen=True)
class RequestView:
    reference: str
    region: str
    stage: str
    holders: tuple[str, ...]
    taken_by: str | None
    outcome: str | None


def _summary(view: RequestView, lang: str) -> str:
    t = TEXT[lang]
    stage = t["stage"][view.stage]
    return (
        f"<dl><dt>{e(t['reference'])}</dt><dd>{e(view.reference)}</dd>"
        f"<dt>{e(t['region'])}</dt><dd>{e(view.region)}</dd>"
        f"<dt>{e(t['now'])}</dt><dd>{e(stage)}"
        + (f" — {e(view.taken_by)}" if view.taken_by else "")
        + f"</dd><dt>{e(t['holders'])}</dt><dd>{e(', '.join(view.holders))}</dd></dl>"
    )


@dataclass(frozen=True)
class TransferChoices:
    regions: Sequence[tuple[str, str]]  # (value, label)
    advisors: Sequence[tuple[str, str]]
    organisations: Sequence[tuple[str, str]]


def confirm_page(
    action: str, view: RequestView, lang: str, *, choices: TransferChoices | None = None, message: str = ""
) -> str:
    """GET: what the button will do, and the button (a POST to the same address)."""
    t = TEXT[lang]
    fields = ""
    if action == "transfer" and choices is not None:
        groups = ""
        for label, options in (
            (t["regions"], choices.regions),
            (t["advisors"], choices.advisors),
            (t["orgs"], choices.organisations),
        ):
            if options:
                groups += (
                    f'<optgroup label="{e(label)}">'
                    + "".join(f'<option value="{e(v)}">{e(text)}</option>' for v, text in options)
                    + "</optgroup>"
                )
        fields = (
            f'<label for="to">{e(t["to"])}</label><select id="to" name="to" required>'
            f'<option value=""></option>{groups}</select>'
            f'<label for="reason">{e(t["reason"])}</label>'
            '<textarea id="reason" name="reason" rows="3" maxlength="300" required></textarea>'
        )
    elif action == "close":
        fields = (
            f'<label for="outcome">{e(t["outcome_label"])}</label>'
            '<select id="outcome" name="outcome" required>'
            '<option value=""></option>'
            + "".join(f'<option value="{o}">{e(t["outcome"][o])}</option>' for o in OUTCOMES)
            + "</select>"
        )
    notice = f'<p class="note" role="alert">{e(message)}</p>' if message else ""
    body = (
        notice
        + _summary(view, lang)
        + f"<p>{e(t['explain'][action])}</p>"
        + f'<form method="post" action="">{fields}'
        f'<p><button type="submit">{e(t["button"][action])}</button></p></form>'
    )
    return page(
        lang,
        f"{t['title'][action]} — {view.reference}",
        body,
        switch=f"lang={'fr' if lang == 'en' else 'en'}",
    )


def result_page(action: str, outcome: str, view: RequestView, lang: str, *, who: str = "") -> str:
    """POST: what happened (``done``, ``already`` or a refusal reason)."""
    t = TEXT[lang]
    if outcome == "done":
        text = t["done"][action]
    elif outcome == "already":
        text = t["already"]
    else:
        text = t["refused"][outcome].format(who=who)
    body = f'<p class="note" role="status">{e(str(text))}</p>' + _summary(view, lang)
    return page(lang, f"{t['title'][action]} — {view.reference}", body)


def problem_page(kind: str, lang: str) -> str:
    """A forged, expired or missing link: say so, change nothing."""
    t = TEXT[lang]
    return page(lang, str(t[kind]), f"<p>{e(str(t[kind + '_text']))}</p>")


def status_page(view: RequestView, lang: str, *, who: str = "") -> str:
    """The requester's page: the stages, the current one marked, and nothing else."""
    t = TEXT[lang]
    order = ["received", "taken", "contact_made", "closed"]
    current = "received" if view.stage == "delivered" else view.stage
    reached = order.index(current)
    items = ""
    for i, stage in enumerate(order):
        label = str(t["stage"][stage]).capitalize()
        if stage == "taken" and who and i <= reached:
            label = str(t["status_taken"]).format(who=who)
        if stage == "closed" and current == "closed" and view.outcome:
            label = str(t["status_closed"]).format(outcome=t["outcome"][view.outcome])
        attrs = ' aria-current="step"' if i == reached else (' class="done"' if i < reached else "")
        mark = "✓ " if i <= reached else ""
        items += f"<li{attrs}>{e(mark + label)}</li>"
    body = (
        f"<p>{e(t['reference'])} : {e(view.reference)}</p>"
        if lang == "fr"
        else f"<p>{e(t['reference'])}: {e(view.reference)}</p>"
    )
    body += f'<ol class="stages">{items}</ol><p><small>{e(str(t["status_private"]))}</small></p>'
    return page(lang, str(t["status_title"]), body)
