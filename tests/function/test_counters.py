"""The counter store's two adapters keep the same contract: SQLite (local, concurrent
devserver threads) and DynamoDB (moto): increment up to a ceiling, distinct members, claims."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from functions.route_request.counters_dynamodb import DynamoDbCounters
from functions.route_request.counters_sqlite import SqliteCounters

from .fakes import FakeCounters

FAR = 4_000_000_000  # an expiry in 2096: nothing is purged during the test


@pytest.fixture
def dynamodb_counters(monkeypatch: pytest.MonkeyPatch) -> Iterator[DynamoDbCounters]:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = boto3.client("dynamodb", region_name="ca-central-1")
        client.create_table(
            TableName="limits",
            KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        yield DynamoDbCounters(client, "limits")


@pytest.fixture(params=["sqlite", "dynamodb", "fake"])
def counters(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    if request.param == "sqlite":
        return SqliteCounters(tmp_path / "requests.sqlite3")
    if request.param == "dynamodb":
        return request.getfixturevalue("dynamodb_counters")
    return FakeCounters()


def test_increment_counts_up_to_its_ceiling(counters: Any) -> None:
    assert [counters.increment("k", expires_at=FAR, ceiling=3) for _ in range(5)] == [1, 2, 3, 3, 3]
    assert counters.increment("other", expires_at=FAR) == 1


def test_members_are_counted_once_each(counters: Any) -> None:
    counts = [counters.add_member("d", m, expires_at=FAR, ceiling=3) for m in ("a", "b", "a", "c", "d")]
    assert counts == [1, 2, 2, 3, 3]


def test_a_claim_succeeds_once(counters: Any) -> None:
    assert counters.claim("pow#x", expires_at=FAR) is True
    assert counters.claim("pow#x", expires_at=FAR) is False
    assert counters.claim("pow#y", expires_at=FAR) is True


def test_dynamodb_items_carry_their_ttl(dynamodb_counters: DynamoDbCounters) -> None:
    dynamodb_counters.increment("k", expires_at=1234)
    item = dynamodb_counters._client.get_item(TableName="limits", Key={"key": {"S": "k"}})["Item"]
    assert item["expires_at"] == {"N": "1234"} and item["n"] == {"N": "1"}


def test_sqlite_counts_exactly_under_concurrent_threads(tmp_path: Path) -> None:
    counters = SqliteCounters(tmp_path / "requests.sqlite3")
    results: list[int] = []
    lock = threading.Lock()

    def hit() -> None:
        for _ in range(10):
            value = counters.increment("busy", expires_at=FAR)
            with lock:
                results.append(value)

    threads = [threading.Thread(target=hit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(1, 81))


def test_sqlite_deletes_expired_counters(tmp_path: Path) -> None:
    counters = SqliteCounters(tmp_path / "requests.sqlite3")
    counters.increment("old", expires_at=1)  # long expired
    counters.claim("pow#old", expires_at=1)
    assert counters.increment("old", expires_at=FAR) == 1  # purged, then counted afresh
    assert counters.claim("pow#old", expires_at=FAR) is True
