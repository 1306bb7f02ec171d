"""The counter store port: short-lived counters for the abuse limits (``limits.py``).

Kept apart from the request store: its items hold only keyed hashes and expire within two
days (``expires_at``), while requests are kept for the retention period. DynamoDB in AWS
(``counters_dynamodb.py``, its own table with TTL), SQLite locally
(``counters_sqlite.py``), a dict in tests. Raises StoreUnavailable / StoreFailure.
"""

from __future__ import annotations

from typing import Protocol

# A count never needs to go past this: it only has to show that a limit is exceeded.
UNBOUNDED = 1_000_000


class Counters(Protocol):
    def increment(self, key: str, *, expires_at: int, ceiling: int = UNBOUNDED) -> int:
        """Add one to ``key`` unless it already reached ``ceiling``; the count afterwards
        (``ceiling`` when it had already reached it)."""
        ...

    def add_member(self, key: str, member: str, *, expires_at: int, ceiling: int = UNBOUNDED) -> int:
        """Add ``member`` to the set ``key`` (until it holds ``ceiling`` members); the number of
        distinct members afterwards."""
        ...

    def claim(self, key: str, *, expires_at: int) -> bool:
        """``True`` the first time ``key`` is claimed, ``False`` ever after (until it expires)."""
        ...
