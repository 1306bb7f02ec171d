"""The local "queue": delivery runs right away, in the same process (``RELAIS_BACKEND=local``)."""

from __future__ import annotations

from collections.abc import Callable

from . import log
from .errors import RelaisError


class InlineQueue:
    def __init__(self, deliver: Callable[[str], object]) -> None:
        self._deliver = deliver

    def enqueue(self, submission_id: str) -> None:
        try:
            self._deliver(submission_id)
        except RelaisError as exc:  # the record stays pending; the sweep retries it
            log.event("inline_delivery_failed", error_code=exc.code)

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        return None

    def redrive_dead_letters(self) -> bool:
        return False
