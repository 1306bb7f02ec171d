"""The operators' redeliver command: after a fix, failed requests are sent again, to the
failed recipients only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from functions.route_request.app import App, build_app
from functions.route_request.errors import PermanentMailError
from functions.route_request.handler import handle
from functions.route_request.redeliver import main, redeliver_failed
from functions.route_request.settings import Settings
from functions.route_request.table import RoutingTable

from .conftest import table_dict, valid_fields
from .fakes import FakeMailer, FakeStore
from .helpers import json_event, sqs_event

ROOT = Path(__file__).resolve().parents[2]
SID = "00000000-0000-0000-0000-00000000002a"


def failed_request(app: App, sid: str = SID, email: str = "camille@example.org") -> str:
    """A request whose ERAC email SES refused for good (as before causes were told apart)."""
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.store, FakeStore)
    app.mailer.failures["erac-montreal@example.org"] = [PermanentMailError("MessageRejected")]
    assert handle(json_event(valid_fields(submission_id=sid, email=email)), app)["statusCode"] == 202
    handle(sqs_event(sid), app)
    record = app.store.records[sid]
    assert record.status == "failed" and record.deliveries["erac"] == "failed_permanent"
    return record.reference


def test_redeliver_sends_the_failed_recipients_only(app: App) -> None:
    reference = failed_request(app)
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.store, FakeStore)
    before = app.mailer.recipients()
    done = redeliver_failed(app)
    assert [(d.reference, d.recipients, d.queued) for d in done] == [(reference, ("erac",), True)]
    assert (
        app.store.records[SID].status == "received" and app.store.records[SID].deliveries["erac"] == "pending"
    )
    # the queue delivers it: only the ERAC gets an email, nobody gets one twice
    handle(sqs_event(SID), app)
    assert app.mailer.recipients()[len(before) :] == ["erac-montreal@example.org"]
    assert app.store.records[SID].status == "delivered"
    assert redeliver_failed(app) == []  # nothing left to do


def test_dry_run_changes_nothing_and_references_select(app: App, capsys: pytest.CaptureFixture[str]) -> None:
    first = failed_request(app)
    other_sid = "00000000-0000-0000-0000-000000000007"
    second = failed_request(app, other_sid, "autre@example.org")
    assert isinstance(app.store, FakeStore)
    assert main(["--dry-run"], app=app) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {line["reference"] for line in lines} == {first, second}
    assert app.store.records[SID].status == "failed"
    assert main(["--reference", second], app=app) == 0
    assert app.store.records[other_sid].status == "received" and app.store.records[SID].status == "failed"
    assert main(["--reference", "REL-2026-NOPE00"], app=app) == 2
    assert "REL-2026-NOPE00 is not a failed request" in capsys.readouterr().err


def test_the_documented_command_runs_on_the_local_stack(tmp_path: Path) -> None:
    """`python -m functions.route_request.redeliver` as docs/function.md shows it, on var/."""
    table_path = tmp_path / "routing_table.json"
    table_path.write_text(json.dumps(table_dict()), encoding="utf-8")
    settings = Settings(var_dir=tmp_path / "var", routing_table_path=table_path)
    app = build_app(settings, table=RoutingTable.from_dict(table_dict()))
    # a request recorded as failed by an earlier version
    handle(json_event(valid_fields()), app)
    app.store.set_delivery(SID, "erac", "failed_permanent", 1)
    app.store.set_status(SID, "failed", 1)
    outbox = settings.outbox_dir
    sent_before = len(list(outbox.glob("*.eml")))
    env = {**os.environ, "RELAIS_VAR_DIR": str(settings.var_dir), "ROUTING_TABLE_PATH": str(table_path)}
    env.pop("RELAIS_BACKEND", None)
    proc = subprocess.run(
        [sys.executable, "-m", "functions.route_request.redeliver"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1])["recipients"] == ["erac"]
    assert len(list(outbox.glob("*.eml"))) == sent_before + 1
    assert app.store.get(SID).status == "delivered"  # type: ignore[union-attr]
    assert "camille" not in proc.stdout + proc.stderr
    docs = (ROOT / "docs" / "function.md").read_text(encoding="utf-8")
    assert "python -m functions.route_request.redeliver" in docs
