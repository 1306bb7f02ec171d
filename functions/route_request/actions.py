"""Carry out one decision of ``lifecycle.transition`` on a stored request: load → decide →
store (conditionally on the version) → queue the notices' delivery.

Two recipients clicking "take charge" at the same moment both load version *n*; the store
lets one write version *n+1*, the other's conditional write fails, it loads again and the
transition now answers :class:`lifecycle.Refused` ``taken_by_other``: one wins, the other
is told who. The notices are stored with the state, in the same write, and delivered by the
queue (at least once, like the first emails), so an action never loses its emails.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import log
from .errors import QueueUnavailable, StoreUnavailable
from .lifecycle import Action, Decision, Done, Holders, Transfer, transition
from .notices import actor_label
from .ports import DeliveryQueue
from .postal import normalise_postal_code
from .routing import Routing, route
from .store import Change, RequestRecord, RequestStore
from .table import RoutingTable

MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Missing:
    """No such request (never existed, or deleted after the retention period)."""


def perform(
    submission_id: str,
    action: Action,
    actor: str,
    *,
    store: RequestStore,
    queue: DeliveryQueue,
    table: RoutingTable,
    now: int,
) -> tuple[Decision, RequestRecord] | Missing:
    """Apply ``action`` by ``actor``; the decision and the record it was made on (reloaded
    after a lost race). Store errors propagate."""
    for _ in range(MAX_ATTEMPTS):
        record = store.get(submission_id)
        if record is None:
            return Missing()
        state = record.state()
        decision = transition(state, action, actor, now)
        if not isinstance(decision, Done):
            return decision, record
        new = decision.state
        notices = {
            f"{new.version}-{i}-{n.kind}": {
                "kind": n.kind,
                "to": n.to,
                "about": n.about,
                "state": "pending",
                "at": now,
            }
            for i, n in enumerate(decision.notices)
        }
        routing = record.routing
        if isinstance(action, Transfer):
            routing = transferred_routing(record, action, actor, table)
        change = Change(
            lifecycle=new.as_dict(),
            routing=routing,
            notices=notices,
            expected_version=state.version,
            now=now,
        )
        if store.apply(submission_id, change):
            log.event(
                "request_" + new.history[-1].action, reference=record.reference, region=routing.region_code
            )
            if notices:
                try:
                    queue.enqueue(submission_id)
                except QueueUnavailable as exc:  # the sweep queues pending notices later
                    log.event("notices_not_queued", reference=record.reference, error_code=exc.code)
            updated = store.get(submission_id) or record
            return decision, updated
        log.event("action_race_lost", reference=record.reference)
    raise StoreUnavailable("ActionConflict")


def transfer_target(value: str, record: RequestRecord, table: RoutingTable) -> Holders | None:
    """The holders a transfer form's ``to`` names, or None if it names nothing valid:

    * ``region:<code>``: that region's ERAC and the advisor nearest the business there
      (the routing table's own :func:`routing.route`, as for a new request);
    * ``advisor:<id>``: that advisor, with their region's ERAC;
    * ``org:<id>``: that organisation, with the current region's ERAC."""
    kind, _, ident = value.partition(":")
    if kind == "region" and ident in table.regions:
        postal = normalise_postal_code(record.request.get("postal_code", ""))
        if postal is None:
            return Holders(ident, table.regions[ident].erac, None)
        routed = route(
            postal,
            ident,
            "choice",
            table,
            submission_id=record.submission_id,
            municipality=record.request.get("municipality") or None,
        )
        return Holders(ident, routed.erac, routed.advisor)
    if kind == "advisor" and ident in table.advisors:
        region = table.advisors[ident].region
        return Holders(region, table.regions[region].erac, ident)
    if kind == "org" and ident in table.organisations and table.organisations[ident].email:
        region = record.routing.region_code
        erac = table.regions[region].erac
        return Holders(region, erac, None if ident == erac else ident)
    return None


def transferred_routing(record: RequestRecord, action: Transfer, actor: str, table: RoutingTable) -> Routing:
    """The record's routing after a transfer: new region, ERAC and advisor, and why."""
    to = action.to
    reason = " ".join(action.reason.split())
    return Routing(
        region_code=to.region,
        region_slug=table.regions[to.region].slug,
        erac=to.erac,
        advisor=to.advisor,
        reason={
            "fr": f"Transférée par {actor_label(actor, table, 'fr')} : {reason}",
            "en": f"Transferred by {actor_label(actor, table, 'en')}: {reason}",
        },
        informed=to.ids,
    )
