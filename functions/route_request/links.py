"""Signed personal links: what an email's "take charge" or "status" link carries. Pure.

A token is ``<payload>.<signature>``, both base64url without padding. The payload is
``v1|<submission_id>|<recipient>|<action>|<expires_at>``: the request's random id, the
recipient's *id in the routing table* (an ERAC, an organisation or an advisor; ``requester``
for the status link), the action and an expiry in epoch seconds. No name, email, postal
code or text typed by anyone: a link forwarded or logged reveals nothing about the
business. The signature is HMAC-SHA256 over the payload with the link secret
(Secrets Manager in AWS, ``LINK_SECRET`` locally), compared in constant time
(https://docs.python.org/3/library/hmac.html#hmac.compare_digest).

:func:`read_link` answers one of :class:`ValidLink`, :class:`ForgedLink` (bad signature,
altered payload, unknown version or action) or :class:`ExpiredLink` (well signed, past its
expiry), so callers match on types. A replay of a valid link is harmless by design: actions
are idempotent (``lifecycle.transition``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from typing import Literal

Action = Literal["take", "transfer", "contact", "close", "status"]
ACTIONS: tuple[Action, ...] = ("take", "transfer", "contact", "close", "status")
VERSION = "v1"
LINK_DAYS = 30  # issue 11: links expire after 30 days
REQUESTER = "requester"


@dataclass(frozen=True)
class ValidLink:
    submission_id: str
    recipient: str
    action: Action
    expires_at: int


@dataclass(frozen=True)
class ForgedLink:
    reason: str  # safe to log: "signature", "format", "version", "action"


@dataclass(frozen=True)
class ExpiredLink:
    submission_id: str
    recipient: str
    action: Action
    expires_at: int


LinkCheck = ValidLink | ForgedLink | ExpiredLink


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()


def sign_link(
    secret: bytes, *, submission_id: str, recipient: str, action: Action, now: int, days: int = LINK_DAYS
) -> str:
    """The token for ``recipient`` to do ``action`` on ``submission_id``, valid ``days`` from ``now``."""
    if not secret:
        raise ValueError("the link secret is empty")
    for value in (submission_id, recipient):
        if "|" in value or not value:
            raise ValueError("ids in a link must be non-empty and without '|'")
    payload = f"{VERSION}|{submission_id}|{recipient}|{action}|{now + days * 86400}".encode()
    return f"{_b64(payload)}.{_b64(_signature(secret, payload))}"


def read_link(secret: bytes, token: str, *, now: int) -> LinkCheck:
    """Check ``token``'s signature first, then its content, then its expiry."""
    if not secret:
        raise ValueError("the link secret is empty")
    if token.count(".") != 1 or len(token) > 512:
        return ForgedLink("format")
    encoded_payload, encoded_signature = token.split(".")
    try:
        payload = _unb64(encoded_payload)
        signature = _unb64(encoded_signature)
    except (binascii.Error, ValueError):
        return ForgedLink("format")
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        return ForgedLink("signature")
    try:
        version, submission_id, recipient, action, expires = payload.decode("ascii").split("|")
        expires_at = int(expires)
    except (UnicodeDecodeError, ValueError):
        return ForgedLink("format")
    if version != VERSION:
        return ForgedLink("version")
    if action not in ACTIONS:
        return ForgedLink("action")
    checked_action: Action = action  # type: ignore[assignment]
    if now >= expires_at:
        return ExpiredLink(submission_id, recipient, checked_action, expires_at)
    return ValidLink(submission_id, recipient, checked_action, expires_at)
