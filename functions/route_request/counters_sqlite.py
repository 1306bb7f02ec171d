"""The counter store on SQLite (local stack): a ``counters`` table beside the requests.

Each call is one ``IMMEDIATE`` transaction, so concurrent devserver threads count exactly.
Expired rows are deleted as new ones are written (SQLite has no TTL of its own).
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import AbstractContextManager
from pathlib import Path

from .counters import UNBOUNDED
from .store_sqlite import connect

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS counters"
    " (key TEXT PRIMARY KEY, n INTEGER NOT NULL, expires_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS counter_members (key TEXT NOT NULL, member TEXT NOT NULL,"
    " expires_at INTEGER NOT NULL, PRIMARY KEY (key, member))",
    "CREATE INDEX IF NOT EXISTS counters_expiry ON counters (expires_at)",
    "CREATE INDEX IF NOT EXISTS counter_members_expiry ON counter_members (expires_at)",
)


class SqliteCounters:
    def __init__(self, path: Path) -> None:
        self._path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            for statement in _SCHEMA:
                db.execute(statement)

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self._path)

    @staticmethod
    def _purge(db: sqlite3.Connection) -> None:
        # The wall clock only decides housekeeping, never a count: keys carry their window.
        now = int(time.time())
        db.execute("DELETE FROM counters WHERE expires_at < ?", (now,))
        db.execute("DELETE FROM counter_members WHERE expires_at < ?", (now,))

    def increment(self, key: str, *, expires_at: int, ceiling: int = UNBOUNDED) -> int:
        with self._connect() as db:
            self._purge(db)
            db.execute(
                "INSERT INTO counters (key, n, expires_at) VALUES (?, 1, ?)"
                " ON CONFLICT (key) DO UPDATE SET n = n + 1 WHERE n < ?",
                (key, expires_at, ceiling),
            )
            row = db.execute("SELECT n FROM counters WHERE key = ?", (key,)).fetchone()
        return int(row[0])

    def add_member(self, key: str, member: str, *, expires_at: int, ceiling: int = UNBOUNDED) -> int:
        with self._connect() as db:
            self._purge(db)
            (count,) = db.execute("SELECT COUNT(*) FROM counter_members WHERE key = ?", (key,)).fetchone()
            if count < ceiling:
                db.execute(
                    "INSERT INTO counter_members (key, member, expires_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (key, member) DO NOTHING",
                    (key, member, expires_at),
                )
            (count,) = db.execute("SELECT COUNT(*) FROM counter_members WHERE key = ?", (key,)).fetchone()
        return int(count)

    def claim(self, key: str, *, expires_at: int) -> bool:
        with self._connect() as db:
            self._purge(db)
            cursor = db.execute(
                "INSERT INTO counters (key, n, expires_at) VALUES (?, 1, ?) ON CONFLICT (key) DO NOTHING",
                (key, expires_at),
            )
            return cursor.rowcount == 1
