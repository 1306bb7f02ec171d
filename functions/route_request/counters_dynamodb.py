"""The counter store on DynamoDB: its own table (``LIMITS_TABLE_NAME``), key ``key``, TTL on
``expires_at`` (template.yaml ``LimitsTable``). The boto3 client is passed in.

* increment: ``UpdateItem ADD n :one`` with the condition ``attribute_not_exists(n) OR
  n < :ceiling``; a failed condition means the count already reached the ceiling (so the
  number stops growing once it shows the limit is exceeded).
* add_member: ``ADD members :set`` (a string set), ``size(members) < :ceiling``; the answer's
  set size is the number of distinct sources.
* claim: ``PutItem`` with ``attribute_not_exists(#key)``.

DynamoDB deletes expired items within days, not at once
(https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html):
nothing here depends on it, as every key names its window and a claim is only asked for
a challenge that has not expired.
"""

from __future__ import annotations

from typing import Any

from .counters import UNBOUNDED
from .errors import StoreFailure
from .store_dynamodb import _translated

_CONDITION_FAILED = "ConditionalCheckFailedException"


class DynamoDbCounters:
    def __init__(self, client: Any, table_name: str) -> None:
        if client is None:
            raise ValueError("DynamoDbCounters needs a boto3 dynamodb client")
        if not table_name:
            raise ValueError("DynamoDbCounters needs LIMITS_TABLE_NAME")
        self._client = client
        self._table = table_name

    def increment(self, key: str, *, expires_at: int, ceiling: int = UNBOUNDED) -> int:
        try:
            with _translated():
                answer = self._client.update_item(
                    TableName=self._table,
                    Key={"key": {"S": key}},
                    UpdateExpression="ADD n :one SET expires_at = :exp",
                    ConditionExpression="attribute_not_exists(n) OR n < :ceiling",
                    ExpressionAttributeValues={
                        ":one": {"N": "1"},
                        ":exp": {"N": str(expires_at)},
                        ":ceiling": {"N": str(ceiling)},
                    },
                    ReturnValues="UPDATED_NEW",
                )
        except StoreFailure as exc:
            if exc.code != _CONDITION_FAILED:
                raise
            return ceiling
        return int(answer["Attributes"]["n"]["N"])

    def add_member(self, key: str, member: str, *, expires_at: int, ceiling: int = UNBOUNDED) -> int:
        try:
            with _translated():
                answer = self._client.update_item(
                    TableName=self._table,
                    Key={"key": {"S": key}},
                    UpdateExpression="ADD members :member SET expires_at = :exp",
                    ConditionExpression="attribute_not_exists(members) OR size(members) < :ceiling"
                    " OR contains(members, :one)",
                    ExpressionAttributeValues={
                        ":member": {"SS": [member]},
                        ":one": {"S": member},
                        ":exp": {"N": str(expires_at)},
                        ":ceiling": {"N": str(ceiling)},
                    },
                    ReturnValues="ALL_NEW",
                )
        except StoreFailure as exc:
            if exc.code != _CONDITION_FAILED:
                raise
            return ceiling
        return len(answer["Attributes"]["members"]["SS"])

    def claim(self, key: str, *, expires_at: int) -> bool:
        try:
            with _translated():
                self._client.put_item(
                    TableName=self._table,
                    Item={"key": {"S": key}, "expires_at": {"N": str(expires_at)}},
                    ConditionExpression="attribute_not_exists(#key)",
                    ExpressionAttributeNames={"#key": "key"},
                )
        except StoreFailure as exc:
            if exc.code != _CONDITION_FAILED:
                raise
            return False
        return True
