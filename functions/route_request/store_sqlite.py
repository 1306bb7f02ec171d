"""The request store on SQLite, for the local stack (one file under ``var/``).

Same contract as the DynamoDB store: conditional create (``INSERT … ON CONFLICT DO
NOTHING``), one recipient's state per update. A connection per call keeps it safe under
the devserver's threads.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from .errors import StoreUnavailable
from .store import (
    AlreadyExists,
    Change,
    Created,
    CreateResult,
    DeliveryState,
    RequestRecord,
    Status,
    Summary,
)

_SCHEMA = "CREATE TABLE IF NOT EXISTS requests (submission_id TEXT PRIMARY KEY, item TEXT NOT NULL)"


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """One ``IMMEDIATE`` transaction on the local database at ``path`` (committed on exit,
    rolled back on error); any SQLite error becomes :class:`StoreUnavailable`. Shared by
    every SQLite adapter of the local stack (requests, counters)."""
    try:
        db = sqlite3.connect(path, timeout=30, isolation_level="IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"sqlite:{type(exc).__name__}") from exc
    try:
        with db:
            yield db
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"sqlite:{type(exc).__name__}") from exc
    finally:
        db.close()


class SqliteStore:
    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(_SCHEMA)

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self._path)

    def create(self, record: RequestRecord) -> CreateResult:
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO requests (submission_id, item) VALUES (?, ?)"
                " ON CONFLICT (submission_id) DO NOTHING",
                (record.submission_id, json.dumps(record.to_item(), ensure_ascii=False)),
            )
            if cursor.rowcount == 1:
                return Created(record)
            row = db.execute(
                "SELECT item FROM requests WHERE submission_id = ?", (record.submission_id,)
            ).fetchone()
        return AlreadyExists(RequestRecord.from_item(json.loads(row[0])))

    def get(self, submission_id: str) -> RequestRecord | None:
        with self._connect() as db:
            row = db.execute("SELECT item FROM requests WHERE submission_id = ?", (submission_id,)).fetchone()
        return RequestRecord.from_item(json.loads(row[0])) if row else None

    def _change(
        self, submission_id: str, changes: dict[str, object], delivery: tuple[str, str] | None = None
    ) -> None:
        with self._connect() as db:
            row = db.execute("SELECT item FROM requests WHERE submission_id = ?", (submission_id,)).fetchone()
            if row is None:
                return
            item = json.loads(row[0])
            item.update(changes)
            if delivery is not None:
                item["deliveries"][delivery[0]] = delivery[1]
            db.execute(
                "UPDATE requests SET item = ? WHERE submission_id = ?",
                (json.dumps(item, ensure_ascii=False), submission_id),
            )

    def mark_queued(self, submission_id: str, now: int) -> None:
        self._change(submission_id, {"queued": True, "updated_at": now})

    def set_delivery(self, submission_id: str, role: str, state: DeliveryState, now: int) -> None:
        self._change(submission_id, {"updated_at": now}, (role, state))

    def set_status(
        self, submission_id: str, status: Status, now: int, *, attempts: int | None = None
    ) -> None:
        changes: dict[str, object] = {"status": status, "updated_at": now}
        if attempts is not None:
            changes["attempts"] = attempts
        self._change(submission_id, changes)

    def waiting(self, state: DeliveryState) -> list[RequestRecord]:
        with self._connect() as db:
            rows = db.execute("SELECT item FROM requests").fetchall()
        records = [RequestRecord.from_item(json.loads(text)) for (text,) in rows]
        return [r for r in records if state in r.deliveries.values()]

    def stale(self, *, unqueued_before: int, untouched_before: int) -> list[str]:
        with self._connect() as db:
            rows = db.execute("SELECT item FROM requests").fetchall()
        ids = []
        for (text,) in rows:
            item = json.loads(text)
            if item["status"] != "received":
                continue
            if (not item["queued"] and item["created_at"] < unqueued_before) or (
                item["queued"] and item["updated_at"] < untouched_before
            ):
                ids.append(item["submission_id"])
        return sorted(ids)

    def failed(self) -> list[str]:
        with self._connect() as db:
            rows = db.execute("SELECT item FROM requests").fetchall()
        return sorted(
            item["submission_id"]
            for item in map(json.loads, (r[0] for r in rows))
            if item["status"] == "failed"
        )

    def apply(self, submission_id: str, change: Change) -> bool:
        # BEGIN IMMEDIATE takes the write lock *before* the read (sqlite3's isolation_level
        # only begins a transaction at the first write): two actions on the same record are
        # serialised, and the second sees the first's version.
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT item FROM requests WHERE submission_id = ?", (submission_id,)).fetchone()
            if row is None:
                return False
            item = json.loads(row[0])
            if int((item.get("lifecycle") or {}).get("version", 0)) != change.expected_version:
                return False
            item["lifecycle"] = dict(change.lifecycle)
            item["routing"] = change.routing.as_dict()
            item.setdefault("notices", {}).update({k: dict(v) for k, v in change.notices.items()})
            item["updated_at"] = change.now
            db.execute(
                "UPDATE requests SET item = ? WHERE submission_id = ?",
                (json.dumps(item, ensure_ascii=False), submission_id),
            )
        return True

    def set_notice(self, submission_id: str, notice_id: str, state: DeliveryState, now: int) -> None:
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")  # read and write under one lock (see apply)
            row = db.execute("SELECT item FROM requests WHERE submission_id = ?", (submission_id,)).fetchone()
            if row is None:
                return
            item = json.loads(row[0])
            notice = item.get("notices", {}).get(notice_id)
            if notice is None:
                return
            notice["state"] = state
            item["updated_at"] = now
            db.execute(
                "UPDATE requests SET item = ? WHERE submission_id = ?",
                (json.dumps(item, ensure_ascii=False), submission_id),
            )

    def summaries(self) -> list[Summary]:
        with self._connect() as db:
            rows = db.execute("SELECT item FROM requests").fetchall()
        out = []
        for (text,) in rows:
            item = json.loads(text)
            out.append(
                Summary(
                    submission_id=item["submission_id"],
                    region=item["routing"]["region_code"],
                    created_at=int(item["created_at"]),
                    status=item["status"],
                    erac_delivered=item["deliveries"].get("erac") == "sent",
                    lifecycle=item.get("lifecycle") or {},
                    updated_at=int(item["updated_at"]),
                    pending_notices=any(
                        n.get("state") == "pending" for n in item.get("notices", {}).values()
                    ),
                )
            )
        return out
