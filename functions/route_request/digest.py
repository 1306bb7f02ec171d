"""The daily digest: requests recorded past a recipient's cap (delivery ``digest``), sent to
that recipient in one email instead of one each, so an inbox cannot be flooded and no
request is lost.

Run by the schedule ``{"task": "digest"}`` (template.yaml ``Digest``, once a day; schedule.py) or by
``python -m functions.route_request.operate digest``. Each recipient (an ERAC or an
advisor, by its id in the routing table) gets one message listing every waiting request in
full, as the single emails would have shown them; each request's state becomes ``sent``
after the send. A retryable SES error leaves them waiting for the next run; a permanent
one marks them ``failed_permanent`` (and emits the metric its alarm watches).
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP

from . import log
from .errors import PermanentMailError, RetryableMailError
from .messages import LABELS, Outgoing, Sender, _address, _details, display_name_safe, header_safe
from .ports import Mailer
from .store import RequestRecord, RequestStore
from .table import RoutingTable

DIGEST_ROLES = ("erac", "advisor")
PERMANENT_FAILURE_METRIC = "PermanentDeliveryFailure"


def recipient_of(record: RequestRecord, role: str) -> str | None:
    """The routing table id of ``role``'s recipient for ``record``."""
    return record.routing.erac if role == "erac" else record.routing.advisor


def compose_digest(
    role: str, recipient_id: str, records: list[RequestRecord], table: RoutingTable, sender: Sender
) -> Outgoing:
    """One French message to one recipient with every request in ``records`` (oldest first)."""
    if role == "erac":
        organisation = table.organisations[recipient_id]
        name, email, sample = organisation.label("fr"), organisation.email, organisation.sample
        redirect = sender.route_to(email, sample=sample, relay=organisation.relay)
    else:
        advisor = table.advisors[recipient_id]
        name, email = advisor.name, advisor.email
        redirect = sender.route_to(email, sample=advisor.sample)
    records = sorted(records, key=lambda r: (r.created_at, r.reference))
    count = len(records)
    subject = redirect.subject(f"Relais — résumé : {count} demande{'s' if count > 1 else ''}")
    labels = LABELS["fr"]
    intro = [
        *redirect.notice(name),
        "Bonjour,",
        f"Vous avez reçu beaucoup de demandes par Relais depuis un jour : pour ne pas inonder votre "
        f"boîte, les {count} suivantes sont regroupées dans ce résumé. Chacune est complète ; "
        "répondez à la personne-ressource à l'adresse indiquée.",
    ]
    text = [*intro, ""]
    e = html.escape
    parts = [f"<p>{e(line)}</p>" for line in intro]
    for record in records:
        region = table.regions[record.routing.region_code].label("fr")
        details = _details(record, "fr", table)
        description = record.request.get("description", "")
        text += [
            "—" * 20,
            f"{labels['reference']} : {record.reference}",
            f"{labels['region']} : {region}",
            *[f"{label} : {value}" for label, value in details],
            f"{labels['description']} :",
            description,
            "",
        ]
        rows = "".join(
            f'<tr><th scope="row">{e(label)}</th><td>{e(value)}</td></tr>' for label, value in details
        )
        parts.append(
            f"<h2>{e(record.reference)} — {e(region)}</h2><table>{rows}</table>"
            f"<h3>{e(labels['description'])}</h3><p>{e(description).replace(chr(10), '<br>')}</p>"
        )
    closing = f"Traitement des renseignements personnels : {sender.site_origin}/confidentialite/"
    text.append(closing)
    parts.append(f"<p>{e(closing)}</p>")
    msg = EmailMessage(policy=SMTP)
    msg["From"] = _address(sender.name, sender.address)
    msg["To"] = _address(display_name_safe(name), redirect.to)
    msg["Subject"] = header_safe(subject)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content("\n".join(text) + "\n")
    msg.add_alternative(
        f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{e(subject)}</title></head>'
        f"<body>{''.join(parts)}</body></html>\n",
        subtype="html",
    )
    msg["Content-Language"] = "fr"
    return Outgoing(role=role, recipient=redirect.to, message=msg)


@dataclass(frozen=True)
class DigestResult:
    digests: int  # emails sent
    requests: int  # requests they carried
    waiting: int  # requests left for the next run (a retryable error)


def send_digests(
    *,
    store: RequestStore,
    mailer: Mailer,
    table: RoutingTable,
    sender: Sender,
    now: int,
    metrics_namespace: str = "Relais",
) -> DigestResult:
    """Send one digest per recipient with requests waiting; store each request's new state."""
    groups: dict[tuple[str, str], list[RequestRecord]] = defaultdict(list)
    for record in store.waiting("digest"):
        for role in DIGEST_ROLES:
            recipient = recipient_of(record, role)
            if record.deliveries.get(role) == "digest" and recipient:
                groups[(role, recipient)].append(record)
    digests = carried = waiting = 0
    for (role, recipient), records in sorted(groups.items()):
        outgoing = compose_digest(role, recipient, records, table, sender)
        try:
            mailer.send(outgoing.message, recipient=outgoing.recipient)
        except RetryableMailError as exc:
            waiting += len(records)
            log.event("digest_retry", recipient=role, count=len(records), error_code=exc.code)
            continue
        except PermanentMailError as exc:
            state = "failed_permanent"
            log.metric(PERMANENT_FAILURE_METRIC, metrics_namespace, recipient=role, error_code=exc.code)
        else:
            state = "sent"
            digests += 1
            carried += len(records)
        for record in records:
            store.set_delivery(record.submission_id, role, state, now)  # type: ignore[arg-type]
            updated = store.get(record.submission_id)
            if updated is not None:
                store.set_status(record.submission_id, updated.settled_status(), now)
        log.event("digest_sent" if state == "sent" else "digest_failed", recipient=role, count=len(records))
    log.event("digest_done", count=digests)
    return DigestResult(digests=digests, requests=carried, waiting=waiting)
