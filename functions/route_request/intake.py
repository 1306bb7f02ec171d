"""Take in one submitted form: validate → resolve region → pick advisor → record → queue.

Returns an outcome value; ``api.py`` turns outcomes into HTTP answers (the one place).
Order matters: the record is written (conditionally on ``submission_id``) before anything
is sent or answered; if that write fails the requester is told to try again and nothing
is sent. Before it, the abuse limits (``abuse.py``): a source over its limits is answered
:class:`RateLimited` and nothing is recorded; a request to a recipient past its daily cap,
or with a description many sources sent, is recorded but waits (digest, operators' hold).
Once recorded, a request is never lost: if queueing fails the record stays
``queued: false`` and the scheduled sweep queues it later. Only the post that created the
record queues it; a replay (same id, same content) gets the same answer and queues nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from . import log
from .abuse import AbuseConfig, Confirmation, Source, check_source, plan_deliveries
from .counters import Counters
from .errors import QueueUnavailable, StoreFailure, StoreUnavailable
from .limits import Limited
from .ports import DeliveryQueue
from .routing import (
    BadChoice,
    Candidate,
    ChooseRegion,
    OutsideQuebec,
    RegionFound,
    UnknownArea,
    resolve_region,
    route,
)
from .store import AlreadyExists, RequestRecord, RequestStore, body_hash, reference_for
from .table import RoutingTable
from .validation import Bot, Invalid, Lang, Request, message, validate

# Namespace for ids derived from the body when the page sent none (form posted without JS).
SUBMISSION_NAMESPACE = uuid.UUID("6f6c1c1e-5b0a-4d2e-9a57-52454c414953")


@dataclass(frozen=True)
class Accepted:
    reference: str
    region: str | None
    lang: Lang
    confirmation: Confirmation = "sent"


@dataclass(frozen=True)
class MustChooseRegion:
    candidates: tuple[Candidate, ...]
    lang: Lang


@dataclass(frozen=True)
class NotInQuebec:
    message: str
    lang: Lang


@dataclass(frozen=True)
class Conflict:
    lang: Lang


@dataclass(frozen=True)
class Unavailable:
    lang: Lang
    error_code: str


@dataclass(frozen=True)
class RateLimited:
    """Too many requests from this client or with this email address: try again later."""

    lang: Lang
    retry_after: int  # seconds


Outcome = Accepted | Invalid | MustChooseRegion | NotInQuebec | Conflict | Unavailable | RateLimited


@dataclass(frozen=True)
class IntakeConfig:
    retention_days: int = 730
    min_fill_seconds: int = 3
    abuse: AbuseConfig | None = None  # None: no limits (benchmarks, adapter tests)


def submit(
    fields: Mapping[str, object],
    *,
    table: RoutingTable,
    store: RequestStore,
    queue: DeliveryQueue,
    now_ms: int,
    config: IntakeConfig,
    counters: Counters | None = None,
    source: Source | None = None,
) -> Outcome:
    """Process one submission (JSON object or form fields) at time ``now_ms`` from ``source``;
    with ``counters`` and ``config.abuse``, under the abuse limits."""
    checked = validate(fields, now_ms=now_ms, min_fill_seconds=config.min_fill_seconds)
    now = now_ms // 1000
    year = datetime.fromtimestamp(now, UTC).year
    if isinstance(checked, Invalid):
        log.event(
            "request_invalid",
            status="invalid",
            count=len(checked.errors),
            error=",".join(sorted(checked.errors)),
        )
        return checked
    bot = isinstance(checked, Bot)
    request: Request = checked.request if isinstance(checked, Bot) else checked
    lang = request.lang

    found = resolve_region(
        request.postal_code,
        table,
        region_choice=request.region_choice,
        municipality=request.municipality,
        lang=lang,
    )
    if isinstance(found, OutsideQuebec):
        log.event("request_outside_quebec", status="outside_quebec")
        return NotInQuebec(message=found.message, lang=lang)
    if isinstance(found, UnknownArea):
        log.event("request_unknown_area", status="invalid", error="unknown_area")
        return Invalid(errors={"postal_code": message("postal_code", "unknown_area", lang)}, lang=lang)
    if isinstance(found, ChooseRegion):
        log.event("request_choose_region", status="choose_region", count=len(found.candidates))
        return MustChooseRegion(candidates=found.candidates, lang=lang)
    if isinstance(found, BadChoice):
        log.event("request_invalid", status="invalid", error=found.field)
        return Invalid(errors={found.field: message(found.field, "invalid", lang)}, lang=lang)
    assert isinstance(found, RegionFound)

    digest = body_hash(request)
    submission_id = request.submission_id or str(uuid.uuid5(SUBMISSION_NAMESPACE, digest))
    routing = route(
        request.postal_code,
        found.code,
        found.via,
        table,
        submission_id=submission_id,
        municipality=request.municipality,
        place=found.municipality,
        erac=found.erac,
    )
    if bot:
        # Answer exactly as this request would be answered; record and send nothing.
        log.event("bot_ignored", status="accepted", region=routing.region_code)
        return Accepted(reference=reference_for(submission_id, year), region=routing.region_code, lang=lang)
    # A replay (double click, the browser's retry) is answered from its record before any
    # counting, so it costs no limit and queues nothing.
    try:
        earlier = store.get(submission_id)
    except (StoreUnavailable, StoreFailure) as exc:
        log.event(
            "request_not_recorded", status="unavailable", error_code=exc.code, region=routing.region_code
        )
        return Unavailable(lang=lang, error_code=exc.code)
    if earlier is not None:
        return _replayed(earlier, digest, lang)
    deliveries: dict[str, str] = {"erac": "pending", "requester": "pending"}
    if routing.advisor:
        deliveries["advisor"] = "pending"
    if routing.first_line:
        deliveries["first_line"] = "pending"
    confirmation: Confirmation = "sent"
    if counters is not None and config.abuse is not None:
        where = source or Source(client=None)
        limited = check_source(request, where, counters=counters, config=config.abuse, now=now)
        if isinstance(limited, Limited):
            return RateLimited(lang=lang, retry_after=limited.retry_after)
        plan = plan_deliveries(request, routing, where, counters=counters, config=config.abuse, now=now)
        deliveries, confirmation = plan.deliveries, plan.confirmation
    record = RequestRecord(
        submission_id=submission_id,
        reference=reference_for(submission_id, year),
        body_hash=digest,
        status="received",
        lang=lang,
        consent_version=request.consent_version,
        created_at=now,
        updated_at=now,
        expires_at=now + config.retention_days * 86400,
        request=request.canonical(),
        routing=routing,
        deliveries=deliveries,  # type: ignore[arg-type]
        # Nothing to send now (every recipient waits for a digest or an operator): there is
        # nothing to queue, and the sweep must not take it for a request that missed its queue.
        queued="pending" not in deliveries.values(),
    )
    try:
        result = store.create(record)
    except (StoreUnavailable, StoreFailure) as exc:
        log.event(
            "request_not_recorded", status="unavailable", error_code=exc.code, region=routing.region_code
        )
        return Unavailable(lang=lang, error_code=exc.code)
    if isinstance(result, AlreadyExists):
        return _replayed(result.existing, digest, lang)

    log.event(
        "request_recorded",
        status="accepted",
        reference=record.reference,
        region=routing.region_code,
        lang=lang,
        count=sum(state != "pending" for state in deliveries.values()),
    )
    if record.pending():
        _enqueue(record, store=store, queue=queue, now=now)
    return Accepted(
        reference=record.reference, region=routing.region_code, lang=lang, confirmation=confirmation
    )


def _replayed(existing: RequestRecord, digest: str, lang: Lang) -> Conflict | Accepted:
    if existing.body_hash != digest:
        log.event("request_conflict", status="conflict", reference=existing.reference)
        return Conflict(lang=lang)
    log.event("request_replayed", status="accepted", reference=existing.reference, queued=existing.queued)
    # Never queued here, even when ``queued`` is still false: a double click arrives
    # while the first post is between its record and its queueing, and a second message
    # would mean a second delivery racing the first. A request left unqueued (queue
    # down, function stopped) is the sweep's to queue.
    return Accepted(reference=existing.reference, region=existing.routing.region_code, lang=lang)


def _enqueue(record: RequestRecord, *, store: RequestStore, queue: DeliveryQueue, now: int) -> None:
    """Queue for delivery and mark queued; on failure the sweep catches up (never raised)."""
    try:
        queue.enqueue(record.submission_id)
    except QueueUnavailable as exc:
        log.event("request_not_queued", reference=record.reference, error_code=exc.code)
        return
    try:
        store.mark_queued(record.submission_id, now)
    except (StoreUnavailable, StoreFailure) as exc:
        log.event("request_queued_flag_not_saved", reference=record.reference, error_code=exc.code)
