"""Local "mail": each message becomes an ``.eml`` file in ``var/outbox/`` (open it in any
mail client). Used by the local backend and the devserver."""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from email.message import EmailMessage
from pathlib import Path


class OutboxMailer:
    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def send(self, message: EmailMessage, *, recipient: str, tags: Mapping[str, str] | None = None) -> str:
        self._directory.mkdir(parents=True, exist_ok=True)
        message_id = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        path = self._directory / f"{message_id}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(message.as_bytes())
        tmp.replace(path)  # readers never see half a file
        return message_id
