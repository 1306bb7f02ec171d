"""In-memory fakes of the ports: same contracts as the adapters, inspectable state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from email.message import EmailMessage

from functions.route_request.errors import RelaisError
from functions.route_request.store import (
    AlreadyExists,
    Change,
    Created,
    CreateResult,
    DeliveryState,
    RequestRecord,
    Status,
    Summary,
)


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class FakeStore:
    def __init__(self, fail_with: RelaisError | None = None) -> None:
        self.records: dict[str, RequestRecord] = {}
        self.fail_with = fail_with
        self.calls: list[str] = []

    def _check(self, op: str) -> None:
        self.calls.append(op)
        if self.fail_with is not None:
            raise self.fail_with

    def create(self, record: RequestRecord) -> CreateResult:
        self._check("create")
        if record.submission_id in self.records:
            return AlreadyExists(self.records[record.submission_id])
        self.records[record.submission_id] = record
        return Created(record)

    def get(self, submission_id: str) -> RequestRecord | None:
        self._check("get")
        return self.records.get(submission_id)

    def mark_queued(self, submission_id: str, now: int) -> None:
        self._check("mark_queued")
        self.records[submission_id] = replace(self.records[submission_id], queued=True, updated_at=now)

    def set_delivery(self, submission_id: str, role: str, state: DeliveryState, now: int) -> None:
        self._check("set_delivery")
        self.records[submission_id] = self.records[submission_id].with_delivery(role, state, now)

    def set_status(
        self, submission_id: str, status: Status, now: int, *, attempts: int | None = None
    ) -> None:
        self._check("set_status")
        record = replace(self.records[submission_id], status=status, updated_at=now)
        if attempts is not None:
            record = replace(record, attempts=attempts)
        self.records[submission_id] = record

    def failed(self) -> list[str]:
        self._check("failed")
        return sorted(r.submission_id for r in self.records.values() if r.status == "failed")

    def waiting(self, state: DeliveryState) -> list[RequestRecord]:
        self._check("waiting")
        return [r for r in self.records.values() if state in r.deliveries.values()]

    def stale(self, *, unqueued_before: int, untouched_before: int) -> list[str]:
        self._check("stale")
        return sorted(
            r.submission_id
            for r in self.records.values()
            if r.status == "received"
            and (
                (not r.queued and r.created_at < unqueued_before)
                or (r.queued and r.updated_at < untouched_before)
            )
        )

    def apply(self, submission_id: str, change: Change) -> bool:
        self._check("apply")
        record = self.records.get(submission_id)
        if record is None or int(record.lifecycle.get("version", 0)) != change.expected_version:  # type: ignore[call-overload]
            return False
        self.records[submission_id] = replace(
            record,
            lifecycle=dict(change.lifecycle),
            routing=change.routing,
            notices={**record.notices, **change.notices},
            updated_at=change.now,
        )
        return True

    def set_notice(self, submission_id: str, notice_id: str, state: DeliveryState, now: int) -> None:
        self._check("set_notice")
        record = self.records[submission_id]
        notices = {**record.notices, notice_id: {**record.notices[notice_id], "state": state}}
        self.records[submission_id] = replace(record, notices=notices, updated_at=now)

    def summaries(self) -> list[Summary]:
        self._check("summaries")
        return [
            Summary(
                submission_id=r.submission_id,
                region=r.routing.region_code,
                created_at=r.created_at,
                status=r.status,
                erac_delivered=r.deliveries.get("erac") == "sent",
                lifecycle=r.lifecycle,
                updated_at=r.updated_at,
                pending_notices=bool(r.pending_notices()),
            )
            for r in self.records.values()
        ]


class FakeMailer:
    """Records sent messages; ``failures`` maps a recipient address to an error to raise (once
    per entry in the list, then succeeds)."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, EmailMessage]] = []
        self.tags: list[dict[str, str]] = []
        self.failures: dict[str, list[RelaisError]] = {}

    def send(self, message: EmailMessage, *, recipient: str, tags: Mapping[str, str] | None = None) -> str:
        pending = self.failures.get(recipient)
        if pending:
            raise pending.pop(0)
        self.sent.append((recipient, message))
        self.tags.append(dict(tags or {}))
        return f"fake-{len(self.sent)}"

    def recipients(self) -> list[str]:
        return [r for r, _ in self.sent]


class FakeQueue:
    def __init__(self, fail_with: RelaisError | None = None) -> None:
        self.messages: list[str] = []
        self.visibility: list[tuple[str, int]] = []
        self.fail_with = fail_with
        self.redrives = 0

    def enqueue(self, submission_id: str) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.messages.append(submission_id)

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        self.visibility.append((receipt_handle, delay_seconds))

    def redrive_dead_letters(self) -> bool:
        self.redrives += 1
        return True


class FakeCounters:
    """The counter store in a dict (same contract as counters_sqlite / counters_dynamodb)."""

    def __init__(self, fail_with: RelaisError | None = None) -> None:
        self.counts: dict[str, int] = {}
        self.members: dict[str, set[str]] = {}
        self.claimed: set[str] = set()
        self.expiries: dict[str, int] = {}
        self.fail_with = fail_with

    def _check(self) -> None:
        if self.fail_with is not None:
            raise self.fail_with

    def increment(self, key: str, *, expires_at: int, ceiling: int = 1_000_000) -> int:
        self._check()
        self.expiries[key] = expires_at
        self.counts[key] = min(self.counts.get(key, 0) + 1, max(ceiling, self.counts.get(key, 0)))
        return self.counts[key]

    def add_member(self, key: str, member: str, *, expires_at: int, ceiling: int = 1_000_000) -> int:
        self._check()
        self.expiries[key] = expires_at
        members = self.members.setdefault(key, set())
        if len(members) < ceiling:
            members.add(member)
        return len(members)

    def claim(self, key: str, *, expires_at: int) -> bool:
        self._check()
        self.expiries[key] = expires_at
        if key in self.claimed:
            return False
        self.claimed.add(key)
        return True

    def keys(self) -> list[str]:
        return [*self.counts, *self.members, *self.claimed]
