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
``LIMITS_TABLE_NAME``       DynamoDB table of the abuse counters (``aws`` backend; key ``key``, TTL
                            ``expires_at``). Locally they live in the requests' SQLite file.
``ABUSE_SECRET_ARN``        Secrets Manager secret (``aws`` backend) holding the key that hashes
                            client addresses, emails and descriptions in counter keys and signs
                            proof-of-work challenges; read once at start-up.
``ABUSE_SECRET``            The same key given directly (tests, the local stack). Unset locally:
                            generated once into ``RELAIS_VAR_DIR/abuse.key``.
``LIMIT_CLIENT_PER_MINUTE`` Requests one client address may send with a valid proof of work, per
``LIMIT_CLIENT_PER_HOUR``   minute, hour and UTC day (fixed windows). Defaults 5, 20, 50. Over a
``LIMIT_CLIENT_PER_DAY``    limit the answer is 429 with ``Retry-After``; 0 = no limit.
``LIMIT_NOPOW_PER_MINUTE``  The same without a valid proof of work (the form without JavaScript,
``LIMIT_NOPOW_PER_HOUR``    scripts): stricter. Defaults 2, 6, 12.
``LIMIT_NOPOW_PER_DAY``
``LIMIT_EMAIL_PER_MINUTE``  Requests with one typed email address, whatever the client, per
``LIMIT_EMAIL_PER_HOUR``    minute, hour and day. Defaults 2, 5, 10.
``LIMIT_EMAIL_PER_DAY``
``RECIPIENT_HOURLY_CAP``    Requests emailed one by one to one ERAC or advisor per hour and per
``RECIPIENT_DAILY_CAP``     UTC day; further requests are recorded and sent in one daily digest
                            (``{"task": "digest"}``), and the ``RecipientCapReached`` metric
                            alerts the operators. Defaults 10 and 20; 0 = no cap.
``CONFIRMATIONS_PER_DAY``   Confirmation emails to one typed address per UTC day; later requests
                            go through without one. Default 1.
``DUPLICATE_SOURCES``       The same description from this many client addresses within
``DUPLICATE_WINDOW_MINUTES`` minutes is held for the operators' review (the third and later are
                            held, by default: 3 sources, 10 minutes); 0 sources = never held.
``POW_MAX_NUMBER``          Difficulty of the proof of work: the page tries about half this many
                            SHA-256 hashes. Challenges signed with a lower difficulty are refused
                            as too easy. Default 100000.
``POW_EXPIRES_MINUTES``     Minutes a challenge stays valid. Default 30.
``API_ORIGIN``              Base URL of the function's HTTP API, where the emails' personal links
                            point (``{API_ORIGIN}/a/<token>``, ``/s/<token>``) and the statistics
                            are served (``/stats``). Default ``{SITE_ORIGIN}/api`` (the devserver's
                            one origin).
``LINK_SECRET``             The key signing personal links (HMAC-SHA256), for the ``local`` backend;
                            unset, the devserver keeps a random one in ``RELAIS_VAR_DIR/link-secret``.
``LINK_SECRET_ARN``         ``aws`` backend: the Secrets Manager secret holding that key, read on
                            the action and delivery paths only (never on a form post).
``OPERATORS_ADDRESS``       The network operators' mailbox, which receives escalations. Default
                            ``SAMPLE_RECIPIENT``, else ``SENDER_ADDRESS``.
``REMINDER_BUSINESS_DAYS``  A request nobody took after this many business days reminds its ERAC.
                            Default 2.
``ESCALATION_BUSINESS_DAYS`` ...and after this many, goes to the operators. Default 5.
``EXTRA_HOLIDAYS``          More closed days than Québec's statutory holidays, ``YYYY-MM-DD``
                            comma-separated (functions/route_request/workdays.py).
``METRICS_NAMESPACE``       CloudWatch namespace of the embedded-metric log lines. Default ``Relais``.
``LOG_LEVEL``               Default ``INFO``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from .limits import LimitPolicy

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
    limits_table_name: str = ""
    abuse_secret_arn: str = ""
    abuse_secret: str = ""
    limit_client_per_minute: int = 5
    limit_client_per_hour: int = 20
    limit_client_per_day: int = 50
    limit_nopow_per_minute: int = 2
    limit_nopow_per_hour: int = 6
    limit_nopow_per_day: int = 12
    limit_email_per_minute: int = 2
    limit_email_per_hour: int = 5
    limit_email_per_day: int = 10
    recipient_hourly_cap: int = 10
    recipient_daily_cap: int = 20
    confirmations_per_day: int = 1
    duplicate_sources: int = 3
    duplicate_window_minutes: int = 10
    pow_max_number: int = 100_000
    pow_expires_minutes: int = 30
    metrics_namespace: str = "Relais"
    log_level: str = "INFO"
    api_origin: str = ""
    link_secret: str = ""
    link_secret_arn: str = ""
    operators_address: str = ""
    reminder_business_days: int = 2
    escalation_business_days: int = 5
    extra_holidays: str = ""

    @property
    def api_base(self) -> str:
        return (self.api_origin or f"{self.site_origin}/api").rstrip("/")

    @property
    def operators(self) -> str:
        return self.operators_address or self.sample_recipient or self.sender_address

    @property
    def limit_policy(self) -> LimitPolicy:
        return LimitPolicy(
            client_per_minute=self.limit_client_per_minute,
            client_per_hour=self.limit_client_per_hour,
            client_per_day=self.limit_client_per_day,
            nopow_per_minute=self.limit_nopow_per_minute,
            nopow_per_hour=self.limit_nopow_per_hour,
            nopow_per_day=self.limit_nopow_per_day,
            email_per_minute=self.limit_email_per_minute,
            email_per_hour=self.limit_email_per_hour,
            email_per_day=self.limit_email_per_day,
            recipient_per_hour=self.recipient_hourly_cap,
            recipient_per_day=self.recipient_daily_cap,
            confirmations_per_day=self.confirmations_per_day,
            duplicate_sources=self.duplicate_sources,
            duplicate_window=max(1, self.duplicate_window_minutes) * 60,
        )

    @property
    def outbox_dir(self) -> Path:
        return self.var_dir / "outbox"

    @property
    def sqlite_path(self) -> Path:
        return self.var_dir / "requests.sqlite3"

    @property
    def abuse_key_path(self) -> Path:
        return self.var_dir / "abuse.key"

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
            limits_table_name=env.get("LIMITS_TABLE_NAME", default.limits_table_name),
            abuse_secret_arn=env.get("ABUSE_SECRET_ARN", default.abuse_secret_arn),
            abuse_secret=env.get("ABUSE_SECRET", default.abuse_secret),
            limit_client_per_minute=_int(env, "LIMIT_CLIENT_PER_MINUTE", default.limit_client_per_minute),
            limit_client_per_hour=_int(env, "LIMIT_CLIENT_PER_HOUR", default.limit_client_per_hour),
            limit_client_per_day=_int(env, "LIMIT_CLIENT_PER_DAY", default.limit_client_per_day),
            limit_nopow_per_minute=_int(env, "LIMIT_NOPOW_PER_MINUTE", default.limit_nopow_per_minute),
            limit_nopow_per_hour=_int(env, "LIMIT_NOPOW_PER_HOUR", default.limit_nopow_per_hour),
            limit_nopow_per_day=_int(env, "LIMIT_NOPOW_PER_DAY", default.limit_nopow_per_day),
            limit_email_per_minute=_int(env, "LIMIT_EMAIL_PER_MINUTE", default.limit_email_per_minute),
            limit_email_per_hour=_int(env, "LIMIT_EMAIL_PER_HOUR", default.limit_email_per_hour),
            limit_email_per_day=_int(env, "LIMIT_EMAIL_PER_DAY", default.limit_email_per_day),
            recipient_hourly_cap=_int(env, "RECIPIENT_HOURLY_CAP", default.recipient_hourly_cap),
            recipient_daily_cap=_int(env, "RECIPIENT_DAILY_CAP", default.recipient_daily_cap),
            confirmations_per_day=_int(env, "CONFIRMATIONS_PER_DAY", default.confirmations_per_day),
            duplicate_sources=_int(env, "DUPLICATE_SOURCES", default.duplicate_sources),
            duplicate_window_minutes=_int(env, "DUPLICATE_WINDOW_MINUTES", default.duplicate_window_minutes),
            pow_max_number=_int(env, "POW_MAX_NUMBER", default.pow_max_number),
            pow_expires_minutes=_int(env, "POW_EXPIRES_MINUTES", default.pow_expires_minutes),
            metrics_namespace=env.get("METRICS_NAMESPACE", default.metrics_namespace),
            log_level=env.get("LOG_LEVEL", default.log_level),
            api_origin=env.get("API_ORIGIN", default.api_origin).rstrip("/"),
            link_secret=env.get("LINK_SECRET", default.link_secret),
            link_secret_arn=env.get("LINK_SECRET_ARN", default.link_secret_arn),
            operators_address=env.get("OPERATORS_ADDRESS", default.operators_address),
            reminder_business_days=_int(env, "REMINDER_BUSINESS_DAYS", default.reminder_business_days),
            escalation_business_days=_int(env, "ESCALATION_BUSINESS_DAYS", default.escalation_business_days),
            extra_holidays=env.get("EXTRA_HOLIDAYS", default.extra_holidays),
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
