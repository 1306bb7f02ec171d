"""The composition root: settings → adapters → an :class:`App` the handler calls.

This is the only place AWS clients are created, and only for ``RELAIS_BACKEND=aws`` when
the caller did not pass them (Lambda). Tests and the devserver pass their own adapters or
the local backend. The routing table is read here, once per process.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import log
from .abuse import AbuseConfig
from .counters import Counters
from .intake import IntakeConfig
from .ports import DeliveryQueue, Mailer
from .settings import Settings, SettingsError
from .store import RequestStore
from .table import RoutingTable, load_table

if TYPE_CHECKING:
    from .delivery import DeliveryResult
    from .digest import DigestResult
    from .messages import Sender
    from .ses_events import AddressProblem


@dataclass
class App:
    settings: Settings
    table: RoutingTable
    store: RequestStore
    mailer: Mailer
    queue: DeliveryQueue
    clock: Callable[[], float] = field(default=time.time)
    # The abuse limits' counters and key; without them (unit tests of other behaviour,
    # benchmarks) no limit applies.
    counters: Counters | None = None
    secret: bytes = b""
    secretsmanager: Any = None  # aws: the client reading the link secret (made when first needed)
    _link_secret: bytes | None = field(default=None, repr=False)

    def link_secret(self) -> bytes:
        """The key signing personal links, read once (secrets_store.py)."""
        if self._link_secret is None:
            from .secrets_store import read_link_secret

            if (
                self.settings.backend == "aws"
                and not self.settings.link_secret
                and self.secretsmanager is None
            ):
                import boto3  # made on the action and delivery paths only: a form post never pays for it

                self.secretsmanager = boto3.client("secretsmanager")

            self._link_secret = read_link_secret(self.settings, client=self.secretsmanager)
        return self._link_secret

    @property
    def sender(self) -> Sender:
        from .messages import Sender  # delivery path only: keeps the email package off a cold form post

        return Sender(
            address=self.settings.sender_address,
            name=self.settings.sender_name,
            site_origin=self.settings.site_origin,
            sample_recipient=self.settings.sample_recipient,
            api_base=self.settings.api_base,
            link_secret=self.link_secret(),
            operators=self.settings.operators,
        )

    @property
    def intake_config(self) -> IntakeConfig:
        return IntakeConfig(
            retention_days=self.settings.retention_days,
            min_fill_seconds=self.settings.min_fill_seconds,
            abuse=self.abuse_config if self.counters is not None else None,
        )

    @property
    def abuse_config(self) -> AbuseConfig:
        return AbuseConfig(
            secret=self.secret,
            policy=self.settings.limit_policy,
            pow_min_number=self.settings.pow_max_number,
            metrics_namespace=self.settings.metrics_namespace,
        )

    def deliver(self, submission_id: str) -> DeliveryResult:
        from .delivery import deliver  # see ``sender``

        return deliver(
            submission_id,
            store=self.store,
            mailer=self.mailer,
            table=self.table,
            sender=self.sender,
            now=int(self.clock()),
            metrics_namespace=self.settings.metrics_namespace,
        )

    def send_digests(self) -> DigestResult:
        """One email per recipient past its cap with the requests waiting for it (digest.py)."""
        from .digest import send_digests  # see ``sender``

        return send_digests(
            store=self.store,
            mailer=self.mailer,
            table=self.table,
            sender=self.sender,
            now=int(self.clock()),
            metrics_namespace=self.settings.metrics_namespace,
        )

    def record_address_problem(self, problem: AddressProblem) -> dict[str, str]:
        from .delivery import record_address_problem  # see ``sender``

        return record_address_problem(
            problem,
            store=self.store,
            mailer=self.mailer,
            table=self.table,
            sender=self.sender,
            now=int(self.clock()),
            metrics_namespace=self.settings.metrics_namespace,
        )


def build_app(
    settings: Settings,
    *,
    table: RoutingTable | None = None,
    dynamodb: Any = None,
    sesv2: Any = None,
    sqs: Any = None,
    secretsmanager: Any = None,
) -> App:
    """Wire the adapters named by ``settings.backend``; explicit arguments win."""
    log.configure(settings.log_level)
    routing_table = table if table is not None else load_table(settings.routing_table_path)
    if settings.backend == "aws":
        from .counters_dynamodb import DynamoDbCounters
        from .mail_ses import SesMailer
        from .queue_sqs import SqsQueue
        from .store_dynamodb import DynamoDbStore

        if not settings.limits_table_name or not (settings.abuse_secret or settings.abuse_secret_arn):
            raise SettingsError(
                "the aws backend needs LIMITS_TABLE_NAME and ABUSE_SECRET_ARN (or ABUSE_SECRET)"
            )
        need_secret = not settings.abuse_secret and secretsmanager is None
        if dynamodb is None or sesv2 is None or sqs is None or need_secret:
            import boto3  # only here, only for the deployed function

            dynamodb = dynamodb or boto3.client("dynamodb")
            sesv2 = sesv2 or boto3.client("sesv2")
            sqs = sqs or boto3.client("sqs")
            if need_secret:
                secretsmanager = boto3.client("secretsmanager")
        secret = settings.abuse_secret or _read_secret(secretsmanager, settings.abuse_secret_arn)
        app = App(
            settings=settings,
            table=routing_table,
            store=DynamoDbStore(dynamodb, settings.table_name),
            mailer=SesMailer(
                sesv2, sender=settings.sender_address, configuration_set=settings.ses_configuration_set
            ),
            queue=SqsQueue(sqs, queue_url=settings.queue_url, dlq_arn=settings.dlq_arn),
            counters=DynamoDbCounters(dynamodb, settings.limits_table_name),
            secret=secret.encode("utf-8"),
            secretsmanager=secretsmanager,
        )
    else:
        from .counters_sqlite import SqliteCounters
        from .mail_outbox import OutboxMailer
        from .queue_inline import InlineQueue
        from .store_sqlite import SqliteStore

        holder: list[App] = []
        app = App(
            settings=settings,
            table=routing_table,
            store=SqliteStore(settings.sqlite_path),
            mailer=OutboxMailer(settings.outbox_dir),
            queue=InlineQueue(lambda submission_id: holder[0].deliver(submission_id)),
            counters=SqliteCounters(settings.sqlite_path),
            secret=(settings.abuse_secret or _local_secret(settings)).encode("utf-8"),
        )
        holder.append(app)
    log.event("app_ready", backend=settings.backend, table_version=routing_table.version)
    return app


def _read_secret(client: Any, arn: str) -> str:
    """The abuse key from Secrets Manager (once per process, at start-up)."""
    from .store_dynamodb import _translated  # botocore errors → StoreUnavailable / StoreFailure

    with _translated():
        return str(client.get_secret_value(SecretId=arn)["SecretString"])


def _local_secret(settings: Settings) -> str:
    """The local stack's abuse key: generated once into ``var/abuse.key`` (owner-only)."""
    path = settings.abuse_key_path
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="ascii") as handle:
            path.chmod(0o600)
            handle.write(secrets.token_hex(32))
    except FileExistsError:
        pass
    return path.read_text(encoding="ascii").strip()
