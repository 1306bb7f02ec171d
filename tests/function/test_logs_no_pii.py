"""No personal data in logs: sentinel values go through every handler path and never
appear in any log record, stdout or stderr."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import pytest

from functions.route_request import log
from functions.route_request.app import App
from functions.route_request.errors import (
    PermanentMailError,
    QueueUnavailable,
    RetryableMailError,
    StoreUnavailable,
)
from functions.route_request.handler import handle

from .conftest import valid_fields
from .fakes import FakeClock, FakeMailer, FakeQueue, FakeStore
from .helpers import form_event, json_event, link_event, sample, sqs_event


def stats_event() -> dict[str, object]:
    return sample("api_stats_get.json")


SENTINELS = {
    "business_name": "SENTINEL-BIZ-91c2",
    "contact_name": "SENTINEL-NAME-7f3a",
    "email": "sentinel-mail-5d1e@example.org",
    "phone": "514 555-7301",
    "description": "SENTINEL-DESC-c0de",
    "municipality": "SENTINEL-TOWN-44aa",
}
SID = "00000000-0000-0000-0000-00000000002a"


def sentinel_fields(**changes: object) -> dict[str, object]:
    return valid_fields(**{**SENTINELS, "postal_code": "H2X 1Y4", **changes})


def run_every_path(make_app: Callable[..., App]) -> None:
    app = make_app()
    assert isinstance(app.mailer, FakeMailer)
    handle(json_event(sentinel_fields()), app)  # accepted
    handle(json_event(sentinel_fields()), app)  # replay
    handle(json_event(sentinel_fields(description="SENTINEL-DESC-other")), app)  # conflict
    handle(form_event(sentinel_fields(submission_id=None)), app)  # form accepted
    handle(json_event(sentinel_fields(email="SENTINEL-BAD-EMAIL")), app)  # invalid
    handle(json_event(sentinel_fields(postal_code="J0K 1A0", submission_id=None)), app)  # choose region
    handle(json_event(sentinel_fields(postal_code="M5V 3L9")), app)  # outside Québec
    handle(json_event(sentinel_fields(website="SENTINEL-BOT")), app)  # bot
    handle(json_event("{SENTINEL-BROKEN-JSON"), app)  # malformed
    app.mailer.failures["erac-montreal@example.org"] = [RetryableMailError("Throttling")]
    app.mailer.failures[SENTINELS["email"]] = [PermanentMailError("MessageRejected")]
    handle(sqs_event(SID), app)  # retry
    handle(sqs_event(SID), app)  # delivery with a permanent failure
    handle({"task": "sweep"}, app)
    down = make_app(store=FakeStore(fail_with=StoreUnavailable("InternalServerError")))
    handle(json_event(sentinel_fields()), down)  # store down
    no_queue = make_app(queue=FakeQueue(fail_with=QueueUnavailable("ServiceUnavailable")))
    handle(json_event(sentinel_fields()), no_queue)  # queue down

    class Broken(FakeStore):
        def create(self, record):  # type: ignore[no-untyped-def]
            raise ValueError(f"bug with {record.request['email']} {record.request['contact_name']}")

    handle(json_event(sentinel_fields()), make_app(store=Broken()))  # a bug
    run_lifecycle_paths(make_app)


LINK = re.compile(r"https://relais\.example/api/[as]/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")
TOKENS: list[str] = []


def run_lifecycle_paths(make_app: Callable[..., App]) -> None:
    """The emails' links: confirmation pages, actions, notices, transfer, status, reminders."""
    app = make_app()
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.clock, FakeClock)
    handle(json_event(sentinel_fields()), app)
    app.deliver(SID)
    texts = [str(m.get_body(preferencelist=("plain",)).get_content()) for _, m in app.mailer.sent]  # type: ignore[union-attr]
    urls = sorted({url for text in texts for url in LINK.findall(text)})
    TOKENS.extend(url.rsplit("/", 1)[1] for url in urls)
    take = [u for u in urls if "/a/" in u]
    for url in urls:
        handle(link_event("GET", url), app)  # every confirmation page and the status page
    handle(link_event("GET", take[0][:-3]), app)  # forged
    handle(link_event("POST", take[0], {"to": "region:15", "reason": "SENTINEL-REASON-1b2c"}), app)
    for url in take:
        form = {"outcome": "accompanied", "to": "region:14", "reason": "SENTINEL-R"}
        handle(link_event("POST", url, form), app)
    app.deliver(SID)
    handle({"task": "sweep"}, app)
    app.clock.now += 40 * 86400  # reminders, escalation, expired links
    handle({"task": "sweep"}, app)
    for url in urls:
        handle(link_event("POST", url), app)
    handle(stats_event(), app)


def test_no_sentinel_in_any_log(
    make_app: Callable[..., App], caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    run_every_path(make_app)
    out, err = capfd.readouterr()
    logged = out + err + "\n".join(r.getMessage() for r in caplog.records)
    assert '"event": "request_recorded"' in out  # the logs were captured
    assert '"event": "request_failed"' in out and '"error": "ValueError"' in out
    for name, value in SENTINELS.items():
        assert value not in logged, name
    assert "SENTINEL" not in logged and "sentinel" not in logged
    assert re.search(r'"event": "request_(take|contact|close|transfer)"', out)  # the lifecycle ran
    assert '"event": "notice_sent"' in out and '"event": "link_refused"' in out
    assert TOKENS and not any(token in logged for token in TOKENS)  # links are credentials
    assert "H2X" not in logged and "M5V" not in logged


def test_unknown_log_keys_are_dropped(capsys: pytest.CaptureFixture[str]) -> None:
    log.event("x", email="SENTINEL-NAME-7f3a", reference="REL-2026-AAAAAA")
    out = capsys.readouterr().out
    assert "SENTINEL" not in out and '"dropped": ["email"]' in out and "REL-2026-AAAAAA" in out
