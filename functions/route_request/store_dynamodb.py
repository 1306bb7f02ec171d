"""The request store on DynamoDB (boto3 ``dynamodb`` client passed in, never built here).

* create: ``PutItem`` with ``attribute_not_exists(submission_id)``; on
  ``ConditionalCheckFailedException`` the existing item is read back (consistent read) so
  the caller can tell a replay (same body hash) from a conflict.
* per-recipient state: ``UpdateItem SET deliveries.#role = :state`` (one attribute only).
* stale: a ``Scan`` with a filter. Relais receives at most a few thousand requests a year
  and the TTL removes them after the retention period, so a scan every 15 minutes reads
  little; a sparse GSI on the status is the next step if that ever changes.

Error codes (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html):
throttling and server errors → :class:`StoreUnavailable` (retryable); the rest →
:class:`StoreFailure`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from .aws_errors import CONNECTION_ERRORS, error_code, http_status
from .errors import StoreFailure, StoreUnavailable
from .store import (
    AlreadyExists,
    Change,
    Created,
    CreateResult,
    DeliveryState,
    RequestRecord,
    Status,
    Summary,
    _numbers,
)

RETRYABLE_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
        "TransactionConflictException",
        "LimitExceededException",
    }
)

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()


def _to_attributes(item: dict[str, object]) -> dict[str, Any]:
    return {key: _serializer.serialize(value) for key, value in item.items()}


def _from_attributes(attributes: dict[str, Any]) -> dict[str, object]:
    return {key: _deserializer.deserialize(value) for key, value in attributes.items()}


@contextmanager
def _translated() -> Iterator[None]:
    try:
        yield
    except ClientError as exc:
        code = error_code(exc)
        if code in RETRYABLE_CODES or http_status(exc) >= 500:
            raise StoreUnavailable(code) from exc
        raise StoreFailure(code) from exc
    except CONNECTION_ERRORS as exc:
        raise StoreUnavailable(type(exc).__name__) from exc


class DynamoDbStore:
    def __init__(self, client: Any, table_name: str) -> None:
        if client is None:
            raise ValueError("DynamoDbStore needs a boto3 dynamodb client")
        if not table_name:
            raise ValueError("DynamoDbStore needs TABLE_NAME")
        self._client = client
        self._table = table_name

    def create(self, record: RequestRecord) -> CreateResult:
        try:
            with _translated():
                self._client.put_item(
                    TableName=self._table,
                    Item=_to_attributes(record.to_item()),
                    ConditionExpression="attribute_not_exists(submission_id)",
                )
        except StoreFailure as exc:
            if exc.code != "ConditionalCheckFailedException":
                raise
            existing = self.get(record.submission_id)
            if existing is None:  # deleted between the two calls (TTL): let the client retry
                raise StoreUnavailable("ConditionalCheckFailedException") from exc
            return AlreadyExists(existing)
        return Created(record)

    def get(self, submission_id: str) -> RequestRecord | None:
        with _translated():
            answer = self._client.get_item(
                TableName=self._table, Key={"submission_id": {"S": submission_id}}, ConsistentRead=True
            )
        item = answer.get("Item")
        return RequestRecord.from_item(_from_attributes(item)) if item else None

    def _update(
        self, submission_id: str, expression: str, names: dict[str, str], values: dict[str, object]
    ) -> None:
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "Key": {"submission_id": {"S": submission_id}},
            "UpdateExpression": expression,
            "ConditionExpression": "attribute_exists(submission_id)",
            "ExpressionAttributeValues": _to_attributes(values),
        }
        if names:
            kwargs["ExpressionAttributeNames"] = names
        with _translated():
            self._client.update_item(**kwargs)

    def mark_queued(self, submission_id: str, now: int) -> None:
        self._update(submission_id, "SET queued = :q, updated_at = :now", {}, {":q": True, ":now": now})

    def set_delivery(self, submission_id: str, role: str, state: DeliveryState, now: int) -> None:
        self._update(
            submission_id,
            "SET deliveries.#role = :state, updated_at = :now",
            {"#role": role},
            {":state": state, ":now": now},
        )

    def set_status(
        self, submission_id: str, status: Status, now: int, *, attempts: int | None = None
    ) -> None:
        expression = "SET #status = :status, updated_at = :now"
        values: dict[str, object] = {":status": status, ":now": now}
        if attempts is not None:
            expression += ", attempts = :attempts"
            values[":attempts"] = attempts
        self._update(submission_id, expression, {"#status": "status"}, values)

    def waiting(self, state: DeliveryState) -> list[RequestRecord]:
        """A filtered ``Scan`` (see the module docstring on scans): waiting requests are few."""
        records: list[RequestRecord] = []
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "FilterExpression": "deliveries.erac = :s OR deliveries.advisor = :s"
            " OR deliveries.requester = :s",
            "ExpressionAttributeValues": _to_attributes({":s": state}),
            "ConsistentRead": True,
        }
        while True:
            with _translated():
                page = self._client.scan(**kwargs)
            records.extend(RequestRecord.from_item(_from_attributes(item)) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return records
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def stale(self, *, unqueued_before: int, untouched_before: int) -> list[str]:
        return self._scan_ids(
            "#status = :received AND ((queued = :false AND created_at < :unq) "
            "OR (queued = :true AND updated_at < :untouched))",
            {
                ":received": "received",
                ":false": False,
                ":true": True,
                ":unq": unqueued_before,
                ":untouched": untouched_before,
            },
        )

    def failed(self) -> list[str]:
        return self._scan_ids("#status = :failed", {":failed": "failed"})

    def _scan_ids(self, condition: str, values: dict[str, object]) -> list[str]:
        """Ids of the records matching ``condition`` (``#status`` names the status attribute)."""
        ids: list[str] = []
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "ProjectionExpression": "submission_id",
            "FilterExpression": condition,
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": _to_attributes(values),
        }
        while True:
            with _translated():
                page = self._client.scan(**kwargs)
            ids.extend(item["submission_id"]["S"] for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return sorted(ids)
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def apply(self, submission_id: str, change: Change) -> bool:
        """``UpdateItem`` of ``lifecycle``, ``routing`` and the new notices, conditional on the
        stored ``lifecycle.version`` (optimistic locking: of two simultaneous "take charge",
        DynamoDB lets exactly one through, the other gets ConditionalCheckFailedException)."""
        values: dict[str, object] = {
            ":lc": dict(change.lifecycle),
            ":routing": change.routing.as_dict(),
            ":now": change.now,
        }
        names: dict[str, str] = {}
        sets = ["lifecycle = :lc", "routing = :routing", "updated_at = :now"]
        if change.expected_version == 0:
            # First action: no lifecycle and no notices map yet, written whole.
            condition = "attribute_exists(submission_id) AND attribute_not_exists(lifecycle)"
            values[":notices"] = {k: dict(v) for k, v in change.notices.items()}
            sets.append("notices = :notices")
        else:
            condition = "attribute_exists(submission_id) AND lifecycle.version = :expected"
            values[":expected"] = change.expected_version
            for i, (notice_id, notice) in enumerate(sorted(change.notices.items())):
                names[f"#n{i}"] = notice_id
                values[f":n{i}"] = dict(notice)
                sets.append(f"notices.#n{i} = :n{i}")
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "Key": {"submission_id": {"S": submission_id}},
            "UpdateExpression": "SET " + ", ".join(sets),
            "ConditionExpression": condition,
            "ExpressionAttributeValues": _to_attributes(values),
        }
        if names:
            kwargs["ExpressionAttributeNames"] = names
        try:
            with _translated():
                self._client.update_item(**kwargs)
        except StoreFailure as exc:
            if exc.code == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def set_notice(self, submission_id: str, notice_id: str, state: DeliveryState, now: int) -> None:
        self._update(
            submission_id,
            "SET notices.#id.#state = :state, updated_at = :now",
            {"#id": notice_id, "#state": "state"},
            {":state": state, ":now": now},
        )

    def summaries(self) -> list[Summary]:
        """A ``Scan`` projecting only the attributes statistics and reminders read (never
        ``request``): a few thousand small items a year, deleted by the TTL."""
        out: list[Summary] = []
        kwargs: dict[str, Any] = {
            "TableName": self._table,
            "ProjectionExpression": "submission_id, routing.region_code, created_at, updated_at, #status, "
            "deliveries.erac, lifecycle, notices",
            "ExpressionAttributeNames": {"#status": "status"},
        }
        while True:
            with _translated():
                page = self._client.scan(**kwargs)
            for attributes in page.get("Items", []):
                item = _from_attributes(attributes)
                routing = item.get("routing") or {}
                deliveries = item.get("deliveries") or {}
                assert isinstance(routing, dict) and isinstance(deliveries, dict)
                lifecycle = _numbers(item.get("lifecycle") or {})
                notices = item.get("notices") or {}
                assert isinstance(notices, dict)
                assert isinstance(lifecycle, dict)
                out.append(
                    Summary(
                        submission_id=str(item["submission_id"]),
                        region=str(routing.get("region_code", "")),
                        created_at=int(item["created_at"]),  # type: ignore[call-overload]
                        status=str(item.get("status", "")),
                        erac_delivered=deliveries.get("erac") == "sent",
                        lifecycle=lifecycle,
                        updated_at=int(item.get("updated_at", 0)),  # type: ignore[call-overload]
                        pending_notices=any(
                            isinstance(n, dict) and n.get("state") == "pending" for n in notices.values()
                        ),
                    )
                )
            if "LastEvaluatedKey" not in page:
                return out
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
