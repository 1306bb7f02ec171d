"""Past a recipient's cap, requests wait and go out in one digest (nothing lost); the same
description from many sources is held until an operator releases or discards it, with the
documented command (functions/route_request/operate.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from functions.route_request import operate
from functions.route_request.app import App, build_app
from functions.route_request.errors import RetryableMailError
from functions.route_request.handler import handle
from functions.route_request.holds import NotHeld, discard, held, release
from functions.route_request.settings import Settings

from .conftest import NOW, table_dict
from .fakes import FakeMailer, FakeStore
from .test_limits import START, limited_app, post

ERAC = "erac-montreal@example.org"


def erac_messages(mailer: FakeMailer) -> list[str]:
    return [str(m["Subject"]) for r, m in mailer.sent if r == ERAC]


def test_requests_past_the_cap_arrive_in_one_digest(make_app: Callable[..., App]) -> None:
    app, clock, _ = limited_app(make_app, recipient_daily_cap=2)
    mailer, store = app.mailer, app.store
    assert isinstance(mailer, FakeMailer) and isinstance(store, FakeStore)
    answers = [post(app, client=f"203.0.113.{i}", email=f"d{i}@example.org") for i in range(5)]
    references = [json.loads(a["body"])["reference"] for a in answers]
    assert len(erac_messages(mailer)) == 2
    waiting = [r for r in store.records.values() if r.deliveries["erac"] == "digest"]
    assert len(waiting) == 3 and all(r.status == "received" for r in waiting)
    # WHEN the morning digest runs
    clock.now += 3600
    result = handle({"task": "digest"}, app)
    # (one for the ERAC; the advisors past their own cap get theirs too)
    assert result["waiting"] == 0 and result["digests"] >= 1 and result["requests"] >= 3
    # THEN the ERAC gets one more email, with every waiting request in full
    subjects = erac_messages(mailer)
    assert len(subjects) == 3 and subjects[-1] == "Relais — résumé : 3 demandes"
    digest = [m for r, m in mailer.sent if r == ERAC][-1]
    text = digest.get_body(preferencelist=("plain",)).get_content()  # type: ignore[union-attr]
    for record in waiting:
        assert record.reference in text and record.request["description"] in text
        assert record.request["email"] in text
    assert all(ref in text for ref in references[2:])
    assert all(store.records[r.submission_id].deliveries["erac"] == "sent" for r in waiting)
    assert all(store.records[r.submission_id].status == "delivered" for r in waiting)
    # a second run has nothing left to send
    assert handle({"task": "digest"}, app)["digests"] == 0
    assert len(erac_messages(mailer)) == 3


def test_a_digest_that_cannot_be_sent_waits_for_the_next_run(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, recipient_daily_cap=1)
    mailer = app.mailer
    assert isinstance(mailer, FakeMailer)
    for i in range(3):
        post(app, client=f"203.0.113.{i}", email=f"r{i}@example.org")
    mailer.failures[ERAC] = [RetryableMailError("Throttling")]
    first = handle({"task": "digest"}, app)
    assert first["waiting"] == 2 and ERAC not in mailer.recipients()[-first["digests"] :]
    second = handle({"task": "digest"}, app)
    assert second["waiting"] == 0 and mailer.recipients().count(ERAC) == 2  # one single, one digest


def test_the_digest_escapes_what_requesters_typed(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, recipient_daily_cap=1)
    post(app, client="203.0.113.1", email="a@example.org")
    post(app, client="203.0.113.2", email="b@example.org", description="<script>x</script> & co")
    handle({"task": "digest"}, app)
    mailer = app.mailer
    assert isinstance(mailer, FakeMailer)
    digest = [m for r, m in mailer.sent if r == ERAC][-1]
    page = digest.get_body(preferencelist=("html",)).get_content()  # type: ignore[union-attr]
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt; &amp; co" in page


def test_the_same_description_from_many_sources_is_held(make_app: Callable[..., App]) -> None:
    app, clock, _ = limited_app(make_app, duplicate_sources=3, duplicate_window_minutes=10)
    mailer, store = app.mailer, app.store
    assert isinstance(mailer, FakeMailer) and isinstance(store, FakeStore)
    same = "Achetez nos montres de luxe à prix réduit"
    # the same source twice is one source
    post(app, client="198.51.100.1", email="s1@example.org", description=same)
    post(app, client="198.51.100.1", email="s2@example.org", description=same.upper())
    post(app, client="198.51.100.2", email="s3@example.org", description=f"  {same} ")
    assert not held(store)
    sent_before = len(mailer.sent)
    # a third source within the window: held
    answer = post(app, client="198.51.100.3", email="s4@example.org", description=same)
    assert answer["statusCode"] == 202  # the sender learns nothing
    [kept] = held(store)
    assert kept.request["email"] == "s4@example.org" and set(kept.deliveries.values()) == {"held"}
    assert len(mailer.sent) == sent_before  # nothing sent, not even the confirmation
    # once the window has passed, the description counts afresh
    clock.now = START + 600
    post(app, client="198.51.100.4", email="s5@example.org", description=same)
    assert len(held(store)) == 1


def _held_pair(app: App) -> tuple[str, str]:
    same = "Texte identique envoyé de partout"
    for i in range(4):
        post(app, client=f"198.51.100.{i}", email=f"h{i}@example.org", description=same)
    store = app.store
    assert isinstance(store, FakeStore)
    first, second = held(store)
    return first.reference, second.reference


def test_release_sends_a_held_request_and_discard_sends_nothing(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, duplicate_sources=3)
    to_release, to_discard = _held_pair(app)
    mailer, store = app.mailer, app.store
    assert isinstance(mailer, FakeMailer) and isinstance(store, FakeStore)
    before = len(mailer.sent)
    released = release(store, app.queue, to_release.lower(), now=int(NOW))
    assert not isinstance(released, NotHeld)
    assert (
        released.record.status == "delivered" and len(mailer.sent) == before + 3
    )  # ERAC, advisor, requester
    discarded = discard(store, to_discard, now=int(NOW))
    assert not isinstance(discarded, NotHeld)
    assert discarded.record.status == "discarded" and set(discarded.record.deliveries.values()) == {
        "discarded"
    }
    assert len(mailer.sent) == before + 3 and not held(store)
    # neither can be decided twice
    assert isinstance(release(store, app.queue, to_discard, now=int(NOW)), NotHeld)
    assert isinstance(discard(store, to_release, now=int(NOW)), NotHeld)


def test_the_operators_command_lists_releases_and_discards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "routing_table.json"
    table.write_text(json.dumps(table_dict()), encoding="utf-8")
    env = {
        "RELAIS_BACKEND": "local",
        "RELAIS_VAR_DIR": str(tmp_path / "var"),
        "ROUTING_TABLE_PATH": str(table),
        "MIN_FILL_SECONDS": "0",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    app = build_app(Settings.from_env())
    same = "Le même texte, de quatre adresses"
    for i in range(4):
        post(app, client=f"198.51.100.{i}", email=f"o{i}@example.org", description=same)
    outbox = tmp_path / "var" / "outbox"
    sent = len(list(outbox.glob("*.eml")))
    capsys.readouterr()
    assert operate.main(["held"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(same[:30] in line for line in lines)
    first, second = (line.split("\t")[0] for line in lines)
    assert operate.main(["release", first]) == 0
    assert f"{first} released" in capsys.readouterr().out
    assert len(list(outbox.glob("*.eml"))) == sent + 3
    assert operate.main(["discard", second]) == 0
    assert operate.main(["discard", second]) == 2  # no longer held
    assert "is not a held request" in capsys.readouterr().err
    assert len(list(outbox.glob("*.eml"))) == sent + 3
    assert operate.main(["held"]) == 0 and capsys.readouterr().out == ""
    assert operate.main(["digest"]) == 0 and "0 digest(s)" in capsys.readouterr().out


def test_every_operators_command_is_documented() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "function.md").read_text(encoding="utf-8")
    for command in ("held", "release", "discard", "digest"):
        assert f"python -m functions.route_request.operate {command}" in docs, command
