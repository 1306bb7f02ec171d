"""SQLite store and .eml outbox: the local backend behaves like the AWS one."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from functions.route_request.app import build_app
from functions.route_request.handler import handle
from functions.route_request.settings import Settings
from functions.route_request.store import AlreadyExists
from functions.route_request.store_sqlite import SqliteStore
from functions.route_request.table import RoutingTable

from .conftest import NOW, valid_fields
from .fakes import FakeClock
from .helpers import body, json_event

SID = "00000000-0000-0000-0000-00000000002a"


def test_local_backend_records_and_delivers_inline(tmp_path: Path, table: RoutingTable) -> None:
    settings = Settings(backend="local", var_dir=tmp_path / "var", site_origin="http://127.0.0.1:8000")
    app = build_app(settings, table=table)
    app.clock = FakeClock(NOW)
    response = handle(json_event(valid_fields()), app)
    assert response["statusCode"] == 202
    store = app.store
    assert isinstance(store, SqliteStore)
    record = store.get(SID)
    assert record is not None and record.status == "delivered" and record.queued
    assert record.reference == body(response)["reference"]
    assert isinstance(store.create(record), AlreadyExists)
    emls = sorted((tmp_path / "var" / "outbox").glob("*.eml"))
    assert len(emls) == 3
    msg = email.message_from_bytes(emls[0].read_bytes(), policy=email.policy.default)
    assert record.reference in str(msg["Subject"])
    assert handle(json_event(valid_fields()), app)["statusCode"] == 202  # replay: nothing new
    assert len(list((tmp_path / "var" / "outbox").glob("*.eml"))) == 3


def test_sqlite_stale(tmp_path: Path, table: RoutingTable) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    from functions.route_request.intake import IntakeConfig, submit

    from .fakes import FakeQueue

    queue = FakeQueue(fail_with=None)
    queue.enqueue = lambda submission_id: None  # type: ignore[method-assign]
    submit(
        valid_fields(), table=table, store=store, queue=queue, now_ms=int(NOW * 1000), config=IntakeConfig()
    )
    assert store.stale(unqueued_before=int(NOW) + 1, untouched_before=int(NOW) + 1) == [SID]
    store.set_delivery(SID, "erac", "sent", int(NOW))
    store.set_status(SID, "delivered", int(NOW))
    assert store.stale(unqueued_before=int(NOW) + 1, untouched_before=int(NOW) + 1) == []
    record = store.get(SID)
    assert record is not None and record.deliveries["erac"] == "sent"
