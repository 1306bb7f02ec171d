"""Apply the abuse limits to one request: count in the counter store, decide with
``limits.py``, return plain values ``intake.submit`` acts on.

* :func:`check_source` — the proof of work and the per-source limits: :class:`Allowed` or
  :class:`Limited` (answered 429, nothing recorded).
* :func:`plan_deliveries` — for an allowed request, each recipient's first delivery state:
  ``pending`` (sent now), ``digest`` (the recipient's cap is reached: sent in the daily
  digest), ``held`` (duplicate content: waits for an operator), ``skipped`` (a confirmation
  was already sent to this address today).

The counter store failing never refuses a request: the limits are skipped for it (logged),
since losing a genuine request is worse than letting one more through; API Gateway's
throttling and the function's reserved concurrency still bound the rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from . import log
from .counters import Counters
from .errors import StoreFailure, StoreUnavailable
from .limits import (
    Allowed,
    Limited,
    LimitPolicy,
    counter_key,
    decide,
    expiry,
    keyed_hash,
    normalise_description,
    normalise_email,
    over_cap,
    window_start,
)
from .proof_of_work import Rejected, verify
from .routing import Routing
from .validation import Request

RATE_LIMITED_METRIC = "RateLimited"
RECIPIENT_CAP_METRIC = "RecipientCapReached"
HELD_METRIC = "RequestHeld"
Confirmation = Literal["sent", "already_sent_today"]


@dataclass(frozen=True)
class AbuseConfig:
    secret: bytes
    policy: LimitPolicy = field(default_factory=LimitPolicy)
    pow_min_number: int = 50_000
    metrics_namespace: str = "Relais"


@dataclass(frozen=True)
class Source:
    """Where a request came from: the client address (API Gateway's ``sourceIp``) and the
    ``proof`` field the page sent (``None`` without JavaScript)."""

    client: str | None
    proof: object = None


@dataclass(frozen=True)
class Plan:
    deliveries: dict[str, str]
    confirmation: Confirmation
    held: bool


def _store_failed(exc: StoreUnavailable | StoreFailure, where: str) -> None:
    log.event("limits_unavailable", error_code=exc.code, where=where)


def check_source(
    request: Request, source: Source, *, counters: Counters, config: AbuseConfig, now: int
) -> Allowed | Limited:
    """Verify the proof of work, count this request against its client and email limits."""
    proof = False
    if source.proof not in (None, ""):
        checked = verify(source.proof, config.secret, now=now, min_number=config.pow_min_number)
        if isinstance(checked, Rejected):
            log.event("proof_rejected", error=checked.reason)
        else:
            try:
                proof = counters.claim(f"pow#{checked.challenge}", expires_at=checked.expires)
            except (StoreUnavailable, StoreFailure) as exc:
                _store_failed(exc, "proof")
                return Allowed()
            if not proof:
                log.event("proof_rejected", error="replayed")
    subjects = {
        "client": keyed_hash(config.secret, "client", source.client or "unknown"),
        "client_nopow": keyed_hash(config.secret, "client", source.client or "unknown"),
        "email": keyed_hash(config.secret, "email", normalise_email(request.email)),
    }
    counts = []
    try:
        for rule in config.policy.rules(proof=proof):
            key = counter_key(rule.scope, rule.window, subjects[rule.scope], now)
            count = counters.increment(key, expires_at=expiry(now, rule.window), ceiling=rule.limit + 1)
            counts.append((rule, count))
    except (StoreUnavailable, StoreFailure) as exc:
        _store_failed(exc, "source")
        return Allowed()
    decision = decide(counts, now)
    if isinstance(decision, Limited):
        log.metric(
            RATE_LIMITED_METRIC,
            config.metrics_namespace,
            status="rate_limited",
            error=f"{decision.scope}:{decision.window}",
            delay_seconds=decision.retry_after,
        )
    return decision


def plan_deliveries(
    request: Request,
    routing: Routing,
    source: Source,
    *,
    counters: Counters,
    config: AbuseConfig,
    now: int,
) -> Plan:
    """Each recipient's first delivery state for a request that passed :func:`check_source`."""
    policy = config.policy
    roles = {"erac": routing.erac, "requester": None}
    if routing.advisor:
        roles["advisor"] = routing.advisor
    if routing.first_line:
        roles["first_line"] = routing.first_line
    deliveries = {role: "pending" for role in roles}
    confirmation: Confirmation = "sent"
    try:
        if policy.duplicate_sources:
            text = keyed_hash(config.secret, "description", normalise_description(request.description))
            start = window_start(now, policy.duplicate_window)
            sources = counters.add_member(
                f"duplicate#{start}#{text}",
                keyed_hash(config.secret, "client", source.client or "unknown"),
                expires_at=start + 2 * policy.duplicate_window,
                ceiling=policy.duplicate_sources,
            )
            if sources >= policy.duplicate_sources:
                log.metric(HELD_METRIC, config.metrics_namespace, region=routing.region_code, count=sources)
                return Plan(deliveries=dict.fromkeys(roles, "held"), confirmation="sent", held=True)
        for role, recipient in roles.items():
            if recipient is None:
                continue
            counts = [
                (
                    counters.increment(
                        counter_key("recipient", window, recipient, now),
                        expires_at=expiry(now, window),
                        ceiling=cap + 1,
                    ),
                    cap,
                )
                for window, cap in policy.recipient_rules()
            ]
            if over_cap(counts):
                deliveries[role] = "digest"
                log.metric(
                    RECIPIENT_CAP_METRIC, config.metrics_namespace, region=routing.region_code, recipient=role
                )
        if policy.confirmations_per_day:
            sent = counters.increment(
                counter_key(
                    "confirmation",
                    "day",
                    keyed_hash(config.secret, "email", normalise_email(request.email)),
                    now,
                ),
                expires_at=expiry(now, "day"),
                ceiling=policy.confirmations_per_day + 1,
            )
            if sent > policy.confirmations_per_day:
                deliveries["requester"] = "skipped"
                confirmation = "already_sent_today"
    except (StoreUnavailable, StoreFailure) as exc:
        _store_failed(exc, "deliveries")
    return Plan(deliveries=deliveries, confirmation=confirmation, held=False)
