"""Compose the emails an action asked for (``lifecycle.Notice``). Pure: values in, messages out.

* to the network (French): "X has taken this request", "contact made", "closed", a
  transfer's full request with its history for the new holders and a short word for the
  previous ones, the ERAC's reminder (with the request and its action links), the
  operators' escalation (reference, region, ERAC and history only);
* to the requester, in their language: a short note at ``taken`` and ``contact_made`` with
  their private status link; it names the organisation and never repeats what they typed.
"""

from __future__ import annotations

from collections.abc import Mapping

from .lifecycle import OUTCOMES, State
from .messages import Outgoing, Sender, _address, _build, _relay, status_links
from .store import RequestRecord
from .table import RoutingTable
from .workdays import local_time

OUTCOME_LABELS = {
    "fr": dict(
        zip(
            OUTCOMES,
            (
                "accompagnée",
                "dirigée vers un programme",
                "dirigée vers une autre ressource",
                "sans suite",
                "entreprise injoignable",
            ),
            strict=True,
        )
    ),
    "en": dict(
        zip(
            OUTCOMES,
            (
                "accompanied",
                "referred to a program",
                "referred to another resource",
                "not pursued",
                "unreachable",
            ),
            strict=True,
        )
    ),
}


def actor_label(actor: str, table: RoutingTable, lang: str = "fr") -> str:
    """An organisation's name, or an advisor's name with their organisation's."""
    org = table.organisations.get(actor)
    if org is not None:
        return org.label(lang)
    advisor = table.advisors.get(actor)
    if advisor is not None:
        home = table.organisations.get(advisor.organisation)
        return advisor.name + (f" ({home.label(lang)})" if home else "")
    return "Relais" if actor == "system" else actor


def organisation_label(actor: str, table: RoutingTable, lang: str) -> str:
    """What the requester is told: the organisation, never a person's name."""
    advisor = table.advisors.get(actor)
    if advisor is not None:
        actor = advisor.organisation
    org = table.organisations.get(actor)
    return org.label(lang) if org is not None else "Relais"


def contact_of(actor: str, table: RoutingTable) -> tuple[str, str, bool, bool] | None:
    """(name, email, sample, relay) of a holder, an organisation or an advisor."""
    org = table.organisations.get(actor)
    if org is not None and org.email:
        return org.label("fr"), org.email, org.sample, org.relay
    advisor = table.advisors.get(actor)
    if advisor is not None:
        return advisor.name, advisor.email, advisor.sample, False
    return None


def _when(epoch: int) -> str:
    return local_time(epoch).strftime("%Y-%m-%d %H:%M")


def history_lines(state: State, table: RoutingTable) -> list[str]:
    """The history in French, one line per event, for the network's emails."""
    words = {
        "received": "reçue",
        "take": "prise en charge par",
        "contact": "contact établi par",
        "close": "close par",
        "transfer": "transférée par",
        "reminder": "rappel envoyé à l'ERAC",
        "escalation": "signalée aux responsables du réseau",
    }
    lines = []
    for event in state.history:
        line = f"- {_when(event.at)} : {words.get(event.action, event.action)}"
        if event.actor != "system":
            line += f" {actor_label(event.actor, table)}"
        if event.to:
            line += " à " + ", ".join(actor_label(x, table) for x in event.to.split(","))
        if event.reason:
            line += f" — raison : {event.reason}"
        if event.outcome:
            line += f" — issue : {OUTCOME_LABELS['fr'].get(event.outcome, event.outcome)}"
        lines.append(line)
    return lines


def compose_notice(
    notice: Mapping[str, object], record: RequestRecord, table: RoutingTable, sender: Sender, now: int
) -> Outgoing | None:
    """The email for one stored notice, or None when its recipient is no longer in the table."""
    kind = str(notice["kind"])
    to = str(notice["to"])
    about = str(notice.get("about", "system"))
    state = record.state()
    region = table.regions[record.routing.region_code].label("fr")
    who = actor_label(about, table)
    ref = record.reference
    if to == "requester":
        return _requester_note(kind, about, record, table, sender, now)
    if to == "operators":
        erac = actor_label(state.holders.erac, table)
        text = [
            f"La demande {ref} ({region}) n'a été prise en charge par personne après "
            f"plusieurs jours ouvrables. L'ERAC ({erac}) a reçu un rappel.",
            "Historique :",
            *history_lines(state, table),
        ]
        return _short_notice(
            kind,
            name="Responsables Relais",
            recipient=sender.operators,
            subject=f"Relais — demande {ref} sans prise en charge ({region})",
            intro=["Bonjour,", *text],
            record=record,
            table=table,
            sender=sender,
        )
    contact = contact_of(to, table)
    if contact is None:
        return None
    name, email, sample, relay = contact
    full_request = kind in ("transferred_in", "reminder")
    subjects = {
        "taken": f"Relais — demande {ref} prise en charge par {who}",
        "contact_made": f"Relais — demande {ref} : contact établi",
        "closed": f"Relais — demande {ref} close",
        "transferred_in": f"Relais — demande {ref} transférée vers vous ({region})",
        "transferred_out": f"Relais — demande {ref} transférée",
        "reminder": f"Relais — rappel : demande {ref} en attente de prise en charge ({region})",
    }
    outcome = OUTCOME_LABELS["fr"].get(state.outcome or "", "")
    last_transfer = next((e for e in reversed(state.history) if e.action == "transfer"), None)
    lines = {
        "taken": [
            f"{who} a pris en charge cette demande : inutile de communiquer aussi avec l'entreprise, "
            "sauf si on vous le demande."
        ],
        "contact_made": [f"{who} indique que le contact avec l'entreprise est établi."],
        "closed": [f"{who} a clos cette demande (issue : {outcome})."],
        "transferred_in": [
            f"{who} vous transfère cette demande"
            + (f" (raison : {last_transfer.reason})" if last_transfer and last_transfer.reason else "")
            + ". Répondez directement à ce courriel pour joindre la personne-ressource."
        ],
        "transferred_out": [
            f"{who} a transféré cette demande à "
            + ", ".join(actor_label(x, table) for x in state.holders.ids)
            + (f" (raison : {last_transfer.reason})" if last_transfer and last_transfer.reason else "")
            + ". Vous n'avez plus à y donner suite."
        ],
        "reminder": [
            "Cette demande attend toujours une prise en charge. Si elle ne relève pas de vous, "
            "transférez-la avec le lien ci-dessous."
        ],
    }.get(kind)
    if lines is None:
        return None
    extra = ["Historique :", *history_lines(state, table)]
    if full_request:
        return _relay(
            f"notice-{kind}",
            name=name,
            email=email,
            sample=sample,
            relay=relay,
            subject=subjects[kind],
            lines=lines,
            record=record,
            table=table,
            sender=sender,
            links=sender.action_links(record.submission_id, to, now),
            extra=extra,
        )
    redirect = sender.route_to(email, sample=sample, relay=relay)
    return _short_notice(
        kind,
        name=name,
        recipient=redirect.to,
        subject=redirect.subject(subjects[kind]),
        intro=[*redirect.notice(name), "Bonjour,", *lines],
        record=record,
        table=table,
        sender=sender,
        extra=extra,
    )


def _short_notice(
    kind: str,
    *,
    name: str,
    recipient: str,
    subject: str,
    intro: list[str],
    record: RequestRecord,
    table: RoutingTable,
    sender: Sender,
    extra: list[str] | None = None,
) -> Outgoing:
    """A French notice without the request's details (its first email carried them)."""
    msg = _build(
        sender=sender,
        to=_address(name, recipient),
        subject=subject,
        intro=intro,
        record=record,
        table=table,
        lang="fr",
        reply_to=None,
        closing=[],
        include_request=False,
        extra=extra,
    )
    return Outgoing(role=f"notice-{kind}", recipient=recipient, message=msg)


def _requester_note(
    kind: str, about: str, record: RequestRecord, table: RoutingTable, sender: Sender, now: int
) -> Outgoing | None:
    lang = "en" if record.lang == "en" else "fr"
    org = organisation_label(about, table, lang)
    ref = record.reference
    if kind == "requester_taken":
        subject = (
            f"Relais — your request {ref} has been taken in charge"
            if lang == "en"
            else f"Relais — votre demande {ref} est prise en charge"
        )
        line = (
            f"{org} has taken your request in charge and will contact you."
            if lang == "en"
            else f"{org} a pris votre demande en charge et communiquera avec vous."
        )
    elif kind == "requester_contact":
        subject = (
            f"Relais — your request {ref}: contact made"
            if lang == "en"
            else f"Relais — votre demande {ref} : contact établi"
        )
        line = (
            f"{org} tells us they have been in touch with you."
            if lang == "en"
            else f"{org} nous indique avoir communiqué avec vous."
        )
    else:
        return None
    closing = (
        ["This message does not repeat what you wrote in your request."]
        if lang == "en"
        else ["Ce courriel ne reprend pas le contenu de votre demande."]
    )
    msg = _build(
        sender=sender,
        to=_address("", record.request["email"]),
        subject=subject,
        intro=["Hello," if lang == "en" else "Bonjour,", line],
        record=record,
        table=table,
        lang=lang,
        reply_to=None,
        closing=closing,
        include_request=False,
        links=status_links(record, sender, now),
    )
    return Outgoing(role=f"notice-{kind}", recipient=record.request["email"], message=msg)
