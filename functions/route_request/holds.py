"""Requests held for the operators' review (duplicate content, ``abuse.plan_deliveries``):
list them, release one (its emails go out as if it had just arrived) or discard one (it
stays recorded, marked ``discarded``, until the retention period deletes it).

Used by ``python -m functions.route_request.operate held | release REF | discard REF``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import log
from .errors import QueueUnavailable
from .ports import DeliveryQueue
from .store import RequestRecord, RequestStore


def held(store: RequestStore) -> list[RequestRecord]:
    """Every request with a recipient still ``held``, oldest first."""
    return sorted(store.waiting("held"), key=lambda r: (r.created_at, r.reference))


@dataclass(frozen=True)
class Decided:
    record: RequestRecord
    queued: bool = True


@dataclass(frozen=True)
class NotHeld:
    reference: str


def _find(store: RequestStore, reference: str) -> RequestRecord | None:
    return next((r for r in held(store) if r.reference == reference.strip().upper()), None)


def release(store: RequestStore, queue: DeliveryQueue, reference: str, *, now: int) -> Decided | NotHeld:
    """Send a held request: its held recipients become ``pending`` and it is queued."""
    record = _find(store, reference)
    if record is None:
        return NotHeld(reference)
    for role, state in record.deliveries.items():
        if state == "held":
            store.set_delivery(record.submission_id, role, "pending", now)
    queued = True
    try:
        queue.enqueue(record.submission_id)
        store.mark_queued(record.submission_id, now)
    except QueueUnavailable as exc:  # the sweep queues it later: it is pending now
        log.event("release_not_queued", reference=record.reference, error_code=exc.code)
        queued = False
    log.event("request_released", reference=record.reference, region=record.routing.region_code)
    return Decided(store.get(record.submission_id) or record, queued=queued)


def discard(store: RequestStore, reference: str, *, now: int) -> Decided | NotHeld:
    """Send nothing for a held request; it stays recorded as ``discarded``."""
    record = _find(store, reference)
    if record is None:
        return NotHeld(reference)
    for role, state in record.deliveries.items():
        if state == "held":
            store.set_delivery(record.submission_id, role, "discarded", now)
    store.set_status(record.submission_id, "discarded", now)
    log.event("request_discarded", reference=record.reference, region=record.routing.region_code)
    return Decided(store.get(record.submission_id) or record, queued=False)


Decision = Literal["release", "discard"]
