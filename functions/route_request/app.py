"""The composition root: settings → adapters → an :class:`App` the handler calls.

This is the only place AWS clients are created, and only for ``RELAIS_BACKEND=aws`` when
the caller did not pass them (Lambda). Tests and the devserver pass their own adapters or
the local backend. The routing table is read here, once per process.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import log
from .intake import IntakeConfig
from .ports import DeliveryQueue, Mailer
from .settings import Settings
from .store import RequestStore
from .table import RoutingTable, load_table

if TYPE_CHECKING:
    from .delivery import DeliveryResult
    from .messages import Sender


@dataclass
class App:
    settings: Settings
    table: RoutingTable
    store: RequestStore
    mailer: Mailer
    queue: DeliveryQueue
    clock: Callable[[], float] = field(default=time.time)

    @property
    def sender(self) -> Sender:
        from .messages import Sender  # delivery path only: keeps the email package off a cold form post

        return Sender(
            address=self.settings.sender_address,
            name=self.settings.sender_name,
            site_origin=self.settings.site_origin,
            sample_recipient=self.settings.sample_recipient,
        )

    @property
    def intake_config(self) -> IntakeConfig:
        return IntakeConfig(
            retention_days=self.settings.retention_days, min_fill_seconds=self.settings.min_fill_seconds
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


def build_app(
    settings: Settings,
    *,
    table: RoutingTable | None = None,
    dynamodb: Any = None,
    sesv2: Any = None,
    sqs: Any = None,
) -> App:
    """Wire the adapters named by ``settings.backend``; explicit arguments win."""
    log.configure(settings.log_level)
    routing_table = table if table is not None else load_table(settings.routing_table_path)
    if settings.backend == "aws":
        from .mail_ses import SesMailer
        from .queue_sqs import SqsQueue
        from .store_dynamodb import DynamoDbStore

        if dynamodb is None or sesv2 is None or sqs is None:
            import boto3  # only here, only for the deployed function

            dynamodb = dynamodb or boto3.client("dynamodb")
            sesv2 = sesv2 or boto3.client("sesv2")
            sqs = sqs or boto3.client("sqs")
        app = App(
            settings=settings,
            table=routing_table,
            store=DynamoDbStore(dynamodb, settings.table_name),
            mailer=SesMailer(
                sesv2, sender=settings.sender_address, configuration_set=settings.ses_configuration_set
            ),
            queue=SqsQueue(sqs, queue_url=settings.queue_url, dlq_arn=settings.dlq_arn),
        )
    else:
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
        )
        holder.append(app)
    log.event("app_ready", backend=settings.backend, table_version=routing_table.version)
    return app
