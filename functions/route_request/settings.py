"""Every environment variable the function reads, in one place.

Read once at start-up into a frozen :class:`Settings` passed down to the code that needs
it; an explicit argument (tests, the devserver) beats the environment. Each variable is
also declared in ``template.yaml`` (``Environment.Variables``) and in ``docs/function.md``.

``RELAIS_BACKEND``          ``aws`` (DynamoDB, SES v2, SQS) or ``local`` (SQLite under
                            ``RELAIS_VAR_DIR``, ``.eml`` files in ``RELAIS_VAR_DIR/outbox``,
                            delivery inline right after the record). Default ``local`` so that
                            nothing ever talks to AWS by accident.
``SITE_ORIGIN``             Origin of the public site, e.g. ``https://relais.quebec``; form posts
                            are redirected (303) to ``{SITE_ORIGIN}/merci/`` or ``/erreur/``.
                            Default ``http://127.0.0.1:8000``.
``SENDER_ADDRESS``          ``From`` address of every email; must belong to the verified SES
                            identity. Default ``relais@example.org``.
``SENDER_NAME``             Display name of the sender. Default ``Relais``.
``SAMPLE_RECIPIENT``        Where mail for a sample record (``sample: true``, an ``example.org``
                            address in content/) is really sent: the operators' mailbox, so such
                            a request still reaches a person. Unset: sent to the sample address
                            itself (right for the local outbox; required by template.yaml).
``SES_CONFIGURATION_SET``   SES configuration set given with every send (bounce/complaint events).
``TABLE_NAME``              DynamoDB table of requests (``aws`` backend).
``QUEUE_URL``               SQS delivery queue URL (``aws`` backend).
``DLQ_ARN``                 ARN of the dead-letter queue, for the scheduled redrive.
``RETENTION_DAYS``          Days a request is kept before DynamoDB's TTL deletes it. Default 730
                            (24 months, as stated on the privacy page ``/confidentialite/``).
``ROUTING_TABLE_PATH``      Path of the routing table; default ``routing_table.json`` beside this
                            module (the generator's build output shipped in the package).
``RELAIS_VAR_DIR``          Local state directory (``local`` backend). Default ``var``.
``MAX_BODY_BYTES``          Larger request bodies get 413. Default 16384.
``MIN_FILL_SECONDS``        A form sent sooner than this after ``started_at`` is treated as a bot.
                            Default 3.
``SWEEP_AFTER_MINUTES``     The scheduled sweep re-queues a recorded request that was never queued
                            after this many minutes. Default 15.
``SWEEP_STALE_HOURS``       ...and a queued request still pending, untouched for this many hours
                            (longer than the longest queue back-off, 12 h). Default 26.
``METRICS_NAMESPACE``       CloudWatch namespace of the embedded-metric log lines. Default ``Relais``.
``LOG_LEVEL``               Default ``INFO``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_ROUTING_TABLE = PACKAGE_DIR / "routing_table.json"

Backend = Literal["aws", "local"]


class SettingsError(ValueError):
    """An environment variable holds a value the function cannot use."""


@dataclass(frozen=True)
class Settings:
    backend: Backend = "local"
    site_origin: str = "http://127.0.0.1:8000"
    sender_address: str = "relais@example.org"
    sender_name: str = "Relais"
    sample_recipient: str | None = None
    ses_configuration_set: str = ""
    table_name: str = ""
    queue_url: str = ""
    dlq_arn: str = ""
    retention_days: int = 730
    routing_table_path: Path = field(default=DEFAULT_ROUTING_TABLE)
    var_dir: Path = field(default=Path("var"))
    max_body_bytes: int = 16384
    min_fill_seconds: int = 3
    sweep_after_minutes: int = 15
    sweep_stale_hours: int = 26
    metrics_namespace: str = "Relais"
    log_level: str = "INFO"

    @property
    def outbox_dir(self) -> Path:
        return self.var_dir / "outbox"

    @property
    def sqlite_path(self) -> Path:
        return self.var_dir / "requests.sqlite3"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Settings from ``environ`` (default ``os.environ``); unset variables take the defaults."""
        env = os.environ if environ is None else environ
        default = cls()
        backend = env.get("RELAIS_BACKEND", default.backend)
        if backend not in ("aws", "local"):
            raise SettingsError(f"RELAIS_BACKEND must be 'aws' or 'local', not {backend!r}")
        return cls(
            backend=backend,  # type: ignore[arg-type]
            site_origin=env.get("SITE_ORIGIN", default.site_origin).rstrip("/"),
            sender_address=env.get("SENDER_ADDRESS", default.sender_address),
            sender_name=env.get("SENDER_NAME", default.sender_name),
            sample_recipient=env.get("SAMPLE_RECIPIENT") or None,
            ses_configuration_set=env.get("SES_CONFIGURATION_SET", default.ses_configuration_set),
            table_name=env.get("TABLE_NAME", default.table_name),
            queue_url=env.get("QUEUE_URL", default.queue_url),
            dlq_arn=env.get("DLQ_ARN", default.dlq_arn),
            retention_days=_int(env, "RETENTION_DAYS", default.retention_days),
            routing_table_path=Path(env.get("ROUTING_TABLE_PATH", str(default.routing_table_path))),
            var_dir=Path(env.get("RELAIS_VAR_DIR", str(default.var_dir))),
            max_body_bytes=_int(env, "MAX_BODY_BYTES", default.max_body_bytes),
            min_fill_seconds=_int(env, "MIN_FILL_SECONDS", default.min_fill_seconds),
            sweep_after_minutes=_int(env, "SWEEP_AFTER_MINUTES", default.sweep_after_minutes),
            sweep_stale_hours=_int(env, "SWEEP_STALE_HOURS", default.sweep_stale_hours),
            metrics_namespace=env.get("METRICS_NAMESPACE", default.metrics_namespace),
            log_level=env.get("LOG_LEVEL", default.log_level),
        )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if value < 0:
        raise SettingsError(f"{name} must not be negative, not {value}")
    return value
