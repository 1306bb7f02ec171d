"""The request record and the store port (DynamoDB in AWS, SQLite locally, a dict in tests).

A record is written once, conditionally on its ``submission_id`` (so a retried POST never
creates a second request), *before* any email and before answering. Delivery then updates
one recipient's state at a time. Records are plain JSON-compatible dicts of str/int/bool
(DynamoDB rejects floats), built and read through :class:`RequestRecord`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal, Protocol

from .routing import Routing
from .validation import Request

if TYPE_CHECKING:
    from .lifecycle import State

# pending → sent now; digest → in the recipient's next digest (its daily cap was reached);
# held → waits for an operator (duplicate content), then pending or discarded; skipped → a
# confirmation already went to this address today; bounced / complained: SES's events after
# a send (ses_events.py), never mailed again.
DeliveryState = Literal[
    "pending", "sent", "failed_permanent", "digest", "held", "skipped", "discarded", "bounced", "complained"
]
WAITING: tuple[DeliveryState, ...] = ("pending", "digest", "held")
Status = Literal["received", "delivered", "failed", "discarded"]
ROLES = ("erac", "advisor", "first_line", "requester")


def body_hash(request: Request) -> str:
    """sha256 of the request's canonical content (same fields → same hash, JSON or form)."""
    canonical = json.dumps(request.canonical(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def reference_for(submission_id: str, year: int) -> str:
    """``REL-<year>-`` + 6 base32 characters derived from the submission id (stable on retry)."""
    digest = hashlib.sha256(submission_id.encode("utf-8")).digest()
    return f"REL-{year}-{base64.b32encode(digest).decode('ascii')[:6]}"


@dataclass(frozen=True)
class RequestRecord:
    submission_id: str
    reference: str
    body_hash: str
    status: Status
    lang: str
    consent_version: str
    created_at: int  # epoch seconds
    updated_at: int
    expires_at: int  # DynamoDB TTL attribute: deletion after the retention period
    request: Mapping[str, str]  # the validated fields (personal data: never logged)
    routing: Routing
    deliveries: Mapping[str, DeliveryState]
    queued: bool = False
    attempts: int = 0
    extra: Mapping[str, str] = field(default_factory=dict)
    # What happened after the first emails (``lifecycle.State.as_dict``); empty until the
    # first action, so the form post writes nothing more than before.
    lifecycle: Mapping[str, object] = field(default_factory=dict)
    # Emails an action asked for, by id: {"kind", "to", "about", "state", "at"}.
    notices: Mapping[str, Mapping[str, object]] = field(default_factory=dict)

    def state(self) -> State:
        """The request's :class:`lifecycle.State` (derived from the record until a first action)."""
        from .lifecycle import Event, Holders, State

        holders = Holders(self.routing.region_code, self.routing.erac, self.routing.advisor)
        data = self.lifecycle or {
            "stage": "received",
            "since": self.created_at,
            "history": [Event(self.created_at, "received", "system").as_dict()],
            "version": 0,
        }
        history = data.get("history") or []
        assert isinstance(history, list)
        if any(event.get("action") == "transfer" for event in history):
            # delivered again once the new holders' emails went out
            delivered = not any(
                n.get("kind") == "transferred_in" and n.get("state") == "pending"
                for n in self.notices.values()
            )
        else:
            delivered = self.deliveries.get("erac") == "sent"
        return State.from_dict(data, holders, delivered=delivered)

    def pending_notices(self) -> list[str]:
        return sorted(
            (nid for nid, notice in self.notices.items() if notice.get("state") == "pending"),
            key=lambda nid: tuple(int(x) if x.isdigit() else x for x in nid.split("-")),
        )

    def pending(self) -> list[str]:
        return [role for role in ROLES if self.deliveries.get(role) == "pending"]

    def settled_status(self) -> Status:
        if any(state in WAITING for state in self.deliveries.values()):
            return "received"
        if all(state in ("discarded", "skipped") for state in self.deliveries.values()):
            return "discarded"
        if any(state == "failed_permanent" for state in self.deliveries.values()):
            return "failed"
        return "delivered"

    def with_delivery(self, role: str, state: DeliveryState, now: int) -> RequestRecord:
        deliveries = dict(self.deliveries)
        deliveries[role] = state
        return replace(self, deliveries=deliveries, updated_at=now)

    def to_item(self) -> dict[str, object]:
        return {
            "submission_id": self.submission_id,
            "reference": self.reference,
            "body_hash": self.body_hash,
            "status": self.status,
            "lang": self.lang,
            "consent_version": self.consent_version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "expires_at": self.expires_at,
            "request": dict(self.request),
            "routing": self.routing.as_dict(),
            "deliveries": dict(self.deliveries),
            "queued": self.queued,
            "attempts": self.attempts,
            **({"lifecycle": dict(self.lifecycle)} if self.lifecycle else {}),
            **({"notices": {k: dict(v) for k, v in self.notices.items()}} if self.notices else {}),
        }

    @classmethod
    def from_item(cls, item: Mapping[str, object]) -> RequestRecord:
        request = item["request"]
        routing = item["routing"]
        deliveries = item["deliveries"]
        assert isinstance(request, dict) and isinstance(routing, dict) and isinstance(deliveries, dict)
        return cls(
            submission_id=str(item["submission_id"]),
            reference=str(item["reference"]),
            body_hash=str(item["body_hash"]),
            status=str(item["status"]),  # type: ignore[arg-type]
            lang=str(item["lang"]),
            consent_version=str(item["consent_version"]),
            created_at=int(item["created_at"]),  # type: ignore[call-overload]
            updated_at=int(item["updated_at"]),  # type: ignore[call-overload]
            expires_at=int(item["expires_at"]),  # type: ignore[call-overload]
            request={str(k): str(v) for k, v in request.items()},
            routing=Routing.from_dict(routing),
            deliveries={str(k): v for k, v in deliveries.items()},
            queued=bool(item.get("queued", False)),
            attempts=int(item.get("attempts", 0)),  # type: ignore[call-overload]
            lifecycle=_numbers(item.get("lifecycle") or {}),  # type: ignore[arg-type]
            notices=_notices(item.get("notices")),
        )


def _notices(value: object) -> dict[str, Mapping[str, object]]:
    if not isinstance(value, dict):
        return {}
    out: dict[str, Mapping[str, object]] = {}
    for key, notice in value.items():
        clean = _numbers(notice)
        assert isinstance(clean, dict)
        out[str(key)] = clean
    return out


def _numbers(value: object) -> object:
    """DynamoDB hands numbers back as Decimal: whole numbers become int again."""
    if isinstance(value, dict):
        return {str(k): _numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_numbers(v) for v in value]
    if value is not None and type(value).__name__ == "Decimal":
        return int(value)  # type: ignore[call-overload]
    return value


@dataclass(frozen=True)
class Change:
    """What an action stores: the new lifecycle, the routing (changed by a transfer) and
    the notices to send, written only if the stored version is still ``expected_version``."""

    lifecycle: Mapping[str, object]
    routing: Routing
    notices: Mapping[str, Mapping[str, object]]
    expected_version: int
    now: int


@dataclass(frozen=True)
class Summary:
    """What statistics and reminders read of a record: no personal data."""

    submission_id: str
    region: str
    created_at: int
    status: str
    erac_delivered: bool
    lifecycle: Mapping[str, object]
    updated_at: int = 0
    pending_notices: bool = False


@dataclass(frozen=True)
class Created:
    record: RequestRecord


@dataclass(frozen=True)
class AlreadyExists:
    existing: RequestRecord


CreateResult = Created | AlreadyExists


class RequestStore(Protocol):
    """Where requests are recorded. Raises StoreUnavailable / StoreFailure."""

    def create(self, record: RequestRecord) -> CreateResult:
        """Write ``record`` unless one with its submission_id exists (then return that one)."""
        ...

    def get(self, submission_id: str) -> RequestRecord | None: ...

    def mark_queued(self, submission_id: str, now: int) -> None: ...

    def set_delivery(self, submission_id: str, role: str, state: DeliveryState, now: int) -> None:
        """Record one recipient's delivery state (only that attribute changes)."""
        ...

    def set_status(
        self, submission_id: str, status: Status, now: int, *, attempts: int | None = None
    ) -> None: ...

    def waiting(self, state: DeliveryState) -> list[RequestRecord]:
        """Records with at least one recipient in ``state`` (``digest`` or ``held``)."""
        ...

    def stale(self, *, unqueued_before: int, untouched_before: int) -> list[str]:
        """Ids of ``received`` records never queued and created before ``unqueued_before``,
        or queued but not updated since ``untouched_before``."""
        ...

    def failed(self) -> list[str]:
        """Ids of ``failed`` records (a recipient marked ``failed_permanent``), for the
        operators' ``redeliver`` command."""
        ...

    def apply(self, submission_id: str, change: Change) -> bool:
        """Store ``change`` if the record's lifecycle version is still ``change.expected_version``;
        ``False`` when another action got there first (reload and decide again)."""
        ...

    def set_notice(self, submission_id: str, notice_id: str, state: DeliveryState, now: int) -> None:
        """Record one notice's delivery state (only that attribute changes)."""
        ...

    def summaries(self) -> list[Summary]:
        """Every record's :class:`Summary` (statistics, reminders)."""
        ...
