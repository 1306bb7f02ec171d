"""The mail and queue ports (the store port is in ``store.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Mapping
    from email.message import EmailMessage


class Mailer(Protocol):
    """Sends one composed message. Raises RetryableMailError / PermanentMailError."""

    def send(self, message: EmailMessage, *, recipient: str, tags: Mapping[str, str] | None = None) -> str:
        """Send ``message`` to ``recipient``; returns the provider's message id. ``tags``
        (letters, digits, ``_`` and ``-``) come back with SES's bounce and complaint events."""
        ...


class DeliveryQueue(Protocol):
    """Hands a recorded request to delivery. Raises QueueUnavailable."""

    def enqueue(self, submission_id: str) -> None:
        """Queue the request for delivery; the message carries only the id."""
        ...

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        """Hide a received message for ``delay_seconds`` before its next delivery attempt."""
        ...

    def redrive_dead_letters(self) -> bool:
        """Move dead letters back to the queue; ``True`` if a move was started."""
        ...
