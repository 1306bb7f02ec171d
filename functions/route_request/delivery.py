"""Send a recorded request's emails, one recipient at a time, remembering each.

Called by the SQS path (and inline by the local backend). Only deliveries still
``pending`` are sent, and each recipient's state is stored right after its send, so a
redelivered message sends only what is missing. A retryable error stops the round (the
queue retries later with a back-off); SES refusing to send at all (``SendingBlocked``) is
retried the same way and also emits the ``SendingBlocked`` metric an alarm watches; a
permanent error marks that recipient ``failed_permanent``, emits the
``PermanentDeliveryFailure`` metric and carries on.
Delivery is at-least-once: a crash between a send and its state update re-sends that one
email on the next attempt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import log
from .errors import PermanentMailError, RetryableMailError, SendingBlocked
from .messages import Sender, bounced_advisor_notice, compose
from .ports import Mailer
from .ses_events import ROLE_TAG, SUBMISSION_TAG, AddressProblem
from .store import RequestRecord, RequestStore
from .table import RoutingTable

PERMANENT_FAILURE_METRIC = "PermanentDeliveryFailure"
SENDING_BLOCKED_METRIC = "SendingBlocked"
# SQS allows a visibility timeout of at most 12 h counted from the receive: keep a margin
# for the time this invocation has already spent.
MAX_BACKOFF_SECONDS = 12 * 3600 - 300
BASE_BACKOFF_SECONDS = 60


@dataclass(frozen=True)
class DeliveryResult:
    outcome: Literal["done", "retry", "missing"]
    sent: tuple[str, ...] = ()
    failed: tuple[str, ...] = ()
    error_code: str | None = None


def backoff_seconds(receive_count: int) -> int:
    """Visibility delay before attempt ``receive_count + 1``: 60 s doubling, capped at 12 h
    (less a 5-minute margin: SQS's maximum visibility timeout), so retries span an hours-long SES outage."""
    exponent = max(0, receive_count - 1)
    if exponent >= 20:
        return MAX_BACKOFF_SECONDS
    return min(BASE_BACKOFF_SECONDS * 2**exponent, MAX_BACKOFF_SECONDS)


def deliver(
    submission_id: str,
    *,
    store: RequestStore,
    mailer: Mailer,
    table: RoutingTable,
    sender: Sender,
    now: int,
    metrics_namespace: str = "Relais",
) -> DeliveryResult:
    """Send the pending emails of ``submission_id``. Store errors propagate (retryable)."""
    record = store.get(submission_id)
    if record is None:
        log.event("delivery_missing_record")
        return DeliveryResult(outcome="missing")
    sent: list[str] = []
    failed: list[str] = []
    for outgoing in compose(record, table, sender, now=now):
        try:
            mailer.send(
                outgoing.message,
                recipient=outgoing.recipient,
                tags={SUBMISSION_TAG: submission_id, ROLE_TAG: outgoing.role},
            )
        except RetryableMailError as exc:
            if isinstance(exc, SendingBlocked):
                log.metric(
                    SENDING_BLOCKED_METRIC, metrics_namespace, reference=record.reference, error_code=exc.code
                )
            store.set_status(submission_id, record.settled_status(), now, attempts=record.attempts + 1)
            log.event(
                "delivery_retry",
                reference=record.reference,
                region=record.routing.region_code,
                recipient=outgoing.role,
                error_code=exc.code,
            )
            return DeliveryResult(
                outcome="retry", sent=tuple(sent), failed=tuple(failed), error_code=exc.code
            )
        except PermanentMailError as exc:
            store.set_delivery(submission_id, outgoing.role, "failed_permanent", now)
            record = record.with_delivery(outgoing.role, "failed_permanent", now)
            failed.append(outgoing.role)
            log.metric(
                PERMANENT_FAILURE_METRIC,
                metrics_namespace,
                reference=record.reference,
                recipient=outgoing.role,
                error_code=exc.code,
            )
            continue
        store.set_delivery(submission_id, outgoing.role, "sent", now)
        record = record.with_delivery(outgoing.role, "sent", now)
        sent.append(outgoing.role)
        log.event("delivery_sent", reference=record.reference, recipient=outgoing.role)
    if record.pending_notices():
        retry = _send_notices(record, store=store, mailer=mailer, table=table, sender=sender, now=now)
        if retry is not None:
            store.set_status(submission_id, record.settled_status(), now, attempts=record.attempts + 1)
            return DeliveryResult(outcome="retry", sent=tuple(sent), failed=tuple(failed), error_code=retry)
    status = record.settled_status()
    store.set_status(submission_id, status, now, attempts=record.attempts + 1)
    log.event("delivery_done", reference=record.reference, region=record.routing.region_code, status=status)
    return DeliveryResult(outcome="done", sent=tuple(sent), failed=tuple(failed))


def record_address_problem(
    problem: AddressProblem,
    *,
    store: RequestStore,
    mailer: Mailer,
    table: RoutingTable,
    sender: Sender,
    now: int,
    metrics_namespace: str = "Relais",
) -> dict[str, str]:
    """Mark the recipient bounced or complained, call the operators (the
    ``PermanentDeliveryFailure`` alarm) and, when an advisor's directory address bounced,
    ask the region's ERAC to pass the request on. Mail errors propagate: the event is
    retried (EventBridge invokes the function asynchronously, with retries)."""
    record = store.get(problem.submission_id)
    if record is None or problem.role not in record.deliveries:
        log.event("address_problem_unknown_request", status=problem.kind)
        return {"status": "missing"}
    store.set_delivery(problem.submission_id, problem.role, problem.kind, now)
    log.metric(
        PERMANENT_FAILURE_METRIC,
        metrics_namespace,
        reference=record.reference,
        recipient=problem.role,
        status=problem.kind,
        error_code=problem.subtype,
    )
    told = "operators"
    if problem.kind == "bounced" and problem.role == "advisor" and record.deliveries.get("erac") == "sent":
        notice = bounced_advisor_notice(record, table, sender)
        mailer.send(
            notice.message,
            recipient=notice.recipient,
            tags={SUBMISSION_TAG: problem.submission_id, ROLE_TAG: "erac"},
        )
        told = "erac"
    log.event("address_problem", reference=record.reference, recipient=problem.role, status=problem.kind)
    return {"status": problem.kind, "told": told}


def _send_notices(
    record: RequestRecord,
    *,
    store: RequestStore,
    mailer: Mailer,
    table: RoutingTable,
    sender: Sender,
    now: int,
) -> str | None:
    """Send the notices an action stored (``lifecycle.Notice``), each once; the error code
    of a retryable failure (the queue tries again later), else None."""
    from .notices import compose_notice  # only when an action asked for emails

    for notice_id in record.pending_notices():
        notice = record.notices[notice_id]
        outgoing = compose_notice(notice, record, table, sender, now)
        if outgoing is None:  # its recipient left the table: nobody to tell
            store.set_notice(record.submission_id, notice_id, "failed_permanent", now)
            log.event("notice_no_recipient", reference=record.reference, recipient=str(notice["kind"]))
            continue
        try:
            mailer.send(
                outgoing.message,
                recipient=outgoing.recipient,
                tags={SUBMISSION_TAG: record.submission_id, ROLE_TAG: outgoing.role},
            )
        except RetryableMailError as exc:
            log.event(
                "notice_retry", reference=record.reference, recipient=outgoing.role, error_code=exc.code
            )
            return exc.code
        except PermanentMailError as exc:
            store.set_notice(record.submission_id, notice_id, "failed_permanent", now)
            log.event(
                "notice_failed", reference=record.reference, recipient=outgoing.role, error_code=exc.code
            )
            continue
        store.set_notice(record.submission_id, notice_id, "sent", now)
        log.event("notice_sent", reference=record.reference, recipient=outgoing.role)
    return None
