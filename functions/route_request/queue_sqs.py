"""The delivery queue on Amazon SQS (boto3 ``sqs`` client passed in, never built here).

Messages carry only ``{"submission_id": …}``: personal data stays in the table. A retry
back-off is a ``ChangeMessageVisibility`` on the received message; the scheduled redrive
moves the dead-letter queue back with ``StartMessageMoveTask`` (destination defaults to
the original source queue:
https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_StartMessageMoveTask.html).
"""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError

from . import log
from .aws_errors import CONNECTION_ERRORS, error_code, http_status
from .errors import QueueUnavailable

# SQS's limit is 12 h from the receive, so a little less than that from now.
MAX_VISIBILITY_SECONDS = 43200 - 300


class SqsQueue:
    def __init__(self, client: Any, *, queue_url: str, dlq_arn: str = "") -> None:
        if client is None:
            raise ValueError("SqsQueue needs a boto3 sqs client")
        if not queue_url:
            raise ValueError("SqsQueue needs QUEUE_URL")
        self._client = client
        self._queue_url = queue_url
        self._dlq_arn = dlq_arn

    def _call(self, operation: str, **kwargs: Any) -> Any:
        try:
            return getattr(self._client, operation)(**kwargs)
        except ClientError as exc:
            raise QueueUnavailable(error_code(exc)) from exc
        except CONNECTION_ERRORS as exc:
            raise QueueUnavailable(type(exc).__name__) from exc

    def enqueue(self, submission_id: str) -> None:
        self._call(
            "send_message", QueueUrl=self._queue_url, MessageBody=json.dumps({"submission_id": submission_id})
        )

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        self._call(
            "change_message_visibility",
            QueueUrl=self._queue_url,
            ReceiptHandle=receipt_handle,
            VisibilityTimeout=max(0, min(delay_seconds, MAX_VISIBILITY_SECONDS)),
        )

    def redrive_dead_letters(self) -> bool:
        if not self._dlq_arn:
            return False
        try:
            self._client.start_message_move_task(SourceArn=self._dlq_arn)
        except ClientError as exc:
            # A move already running (or an empty queue) is refused with a 4xx: nothing to do.
            if http_status(exc) >= 500:
                raise QueueUnavailable(error_code(exc)) from exc
            log.event("redrive_not_started", error_code=error_code(exc))
            return False
        except CONNECTION_ERRORS as exc:
            raise QueueUnavailable(type(exc).__name__) from exc
        return True
