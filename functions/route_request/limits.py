"""Abuse limits: which counters a request touches, and what their counts decide. Pure:
the clock and the counts are arguments; the counter store (``counters.py``) only counts.

Rules, in the order they are applied by ``intake.submit``:

1. **Per source** (429 when over): the client address and the typed email address each
   have a limit per minute, hour and day (fixed windows aligned on UTC). A client that did
   not send a valid proof of work (the form without JavaScript, or a script) gets the
   stricter ``nopow`` limits. Over any limit → :class:`Limited` with the number of seconds
   until the exceeded window ends (the ``Retry-After``).
2. **Duplicate content**: the same description (case and spacing ignored) sent from
   ``duplicate_sources`` different client addresses within ``duplicate_window`` seconds is
   held for the operators' review (recorded, not delivered).
3. **Per recipient** (never 429: a flood must not lock genuine businesses out of their
   region): past ``recipient_per_hour`` or ``recipient_per_day`` requests to one ERAC or
   advisor, further requests are recorded and wait for the daily digest email.
4. **Confirmation**: at most ``confirmations_per_day`` confirmation emails per typed
   address per UTC day; later requests still go through, without a confirmation.

Every subject (client address, email, description) enters a counter key only as a keyed
hash (HMAC-SHA-256 with the function's secret, truncated to 128 bits): the store never
holds an address in clear, and a hash cannot be reversed by trying every IPv4 address
without the key. Counter items expire (``expires_at``, DynamoDB TTL) one window after the
window they count, so a client address's hash is gone after at most two days.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Scope = Literal["client", "client_nopow", "email"]
WINDOWS: dict[str, int] = {"minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class Rule:
    scope: Scope
    window: str  # a key of WINDOWS
    limit: int  # the most requests allowed in one window; 0 = no limit

    @property
    def seconds(self) -> int:
        return WINDOWS[self.window]


@dataclass(frozen=True)
class LimitPolicy:
    """Every limit, from ``settings.py`` (see its docstring for the environment variables)."""

    client_per_minute: int = 5
    client_per_hour: int = 20
    client_per_day: int = 50
    nopow_per_minute: int = 2
    nopow_per_hour: int = 6
    nopow_per_day: int = 12
    email_per_minute: int = 2
    email_per_hour: int = 5
    email_per_day: int = 10
    recipient_per_hour: int = 10
    recipient_per_day: int = 20
    confirmations_per_day: int = 1
    duplicate_sources: int = 3
    duplicate_window: int = 600

    def rules(self, *, proof: bool) -> tuple[Rule, ...]:
        """The per-source rules for a request with (``proof``) or without a valid proof of work."""
        client: tuple[Rule, ...] = (
            (
                Rule("client", "minute", self.client_per_minute),
                Rule("client", "hour", self.client_per_hour),
                Rule("client", "day", self.client_per_day),
            )
            if proof
            else (
                Rule("client_nopow", "minute", self.nopow_per_minute),
                Rule("client_nopow", "hour", self.nopow_per_hour),
                Rule("client_nopow", "day", self.nopow_per_day),
            )
        )
        email = (
            Rule("email", "minute", self.email_per_minute),
            Rule("email", "hour", self.email_per_hour),
            Rule("email", "day", self.email_per_day),
        )
        return tuple(rule for rule in (*client, *email) if rule.limit > 0)

    def recipient_rules(self) -> tuple[tuple[str, int], ...]:
        """(window, cap) pairs for one recipient; 0 = no cap."""
        pairs = (("hour", self.recipient_per_hour), ("day", self.recipient_per_day))
        return tuple(pair for pair in pairs if pair[1] > 0)


def keyed_hash(secret: bytes, kind: str, value: str) -> str:
    """HMAC-SHA-256 of ``value`` (``kind`` separates the namespaces), 32 hex characters."""
    return hmac.new(secret, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()[:32]


def normalise_email(email: str) -> str:
    return email.strip().lower()


def normalise_description(text: str) -> str:
    """Case and spacing do not make a description different."""
    return " ".join(text.casefold().split())


def window_start(now: int, seconds: int) -> int:
    return now - now % seconds


def window_end(now: int, seconds: int) -> int:
    return window_start(now, seconds) + seconds


def counter_key(kind: str, window: str, subject: str, now: int) -> str:
    """``<kind>#<window>#<window start>#<hashed subject>``: one counter per window."""
    return f"{kind}#{window}#{window_start(now, WINDOWS[window])}#{subject}"


def expiry(now: int, window: str) -> int:
    """When a counter of ``window`` may be deleted: one whole window after its end."""
    return window_end(now, WINDOWS[window]) + WINDOWS[window]


@dataclass(frozen=True)
class Allowed:
    pass


@dataclass(frozen=True)
class Limited:
    scope: Scope
    window: str
    retry_after: int  # seconds until the exceeded window ends (at least 1)


def decide(counts: Sequence[tuple[Rule, int]], now: int) -> Allowed | Limited:
    """``counts`` pairs each rule with its count *including* this request. Over any limit:
    the one whose window ends last (waiting less would only meet the same refusal)."""
    over = [rule for rule, count in counts if rule.limit and count > rule.limit]
    if not over:
        return Allowed()
    worst = max(over, key=lambda rule: window_end(now, rule.seconds))
    return Limited(
        scope=worst.scope, window=worst.window, retry_after=max(1, window_end(now, worst.seconds) - now)
    )


def over_cap(counts: Sequence[tuple[int, int]]) -> bool:
    """``(count including this request, cap)`` pairs: true when any cap is exceeded."""
    return any(cap and count > cap for count, cap in counts)


def retry_minutes(seconds: int) -> int:
    return max(1, math.ceil(seconds / 60))
