"""Follow-up from the scheduled sweep, with a fixed clock: the ERAC is reminded after two
business days, the operators after five, each once; a request taken in charge is left alone."""

from __future__ import annotations

from collections.abc import Callable

from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.settings import Settings

from .conftest import valid_fields
from .fakes import FakeClock, FakeMailer, FakeStore
from .helpers import json_event, link_event
from .test_actions_http import SID, links_to, text_of
from .test_workdays import at

RECEIVED = at("2026-12-23T11:00")  # Wednesday before Christmas


def app_at(make_app: Callable[..., App], **settings: object) -> App:
    base = Settings(
        site_origin="https://relais.example",
        link_secret="test-link-secret",
        operators_address="operateurs@example.org",
    )
    app = make_app(settings=base.with_overrides(**settings), clock=FakeClock(RECEIVED))
    started = (RECEIVED - 60) * 1000
    assert handle(json_event(valid_fields(started_at=started)), app)["statusCode"] == 202
    app.deliver(SID)
    return app


def sweep_at(app: App, local: str) -> list[str]:
    """Run the sweep at ``local`` time and deliver; the recipients of the new emails."""
    assert isinstance(app.clock, FakeClock) and isinstance(app.mailer, FakeMailer)
    app.clock.now = at(local)
    before = len(app.mailer.sent)
    handle({"task": "sweep"}, app)
    app.deliver(SID)
    return [r for r, _ in app.mailer.sent[before:]]


def test_reminder_after_two_business_days_then_escalation_after_five(make_app: Callable[..., App]) -> None:
    app = app_at(make_app)
    # 24 Dec (1), 25 Dec holiday, weekend, 28 Dec (2) at 11:00
    assert sweep_at(app, "2026-12-26T12:00") == []
    assert sweep_at(app, "2026-12-28T10:59") == []
    assert sweep_at(app, "2026-12-28T11:00") == ["erac-montreal@example.org"]
    assert isinstance(app.mailer, FakeMailer)
    reminder = text_of(app.mailer.sent[-1][1])
    assert "attend toujours une prise en charge" in reminder and "Je prends la demande : https://" in reminder
    assert sweep_at(app, "2026-12-29T11:00") == []  # sent once
    # 29 (3), 30 (4), 31 Dec (5)
    assert sweep_at(app, "2026-12-31T10:59") == []
    assert sweep_at(app, "2026-12-31T11:00") == ["operateurs@example.org"]
    escalation = text_of(app.mailer.sent[-1][1])
    assert "n'a été prise en charge par personne" in escalation and "Boulangerie" not in escalation
    assert sweep_at(app, "2027-01-05T11:00") == []  # 1 January was a holiday anyway: sent once
    assert isinstance(app.store, FakeStore)
    assert [e.action for e in app.store.records[SID].state().history] == [
        "received",
        "reminder",
        "escalation",
    ]


def test_a_request_taken_in_charge_gets_no_reminder(make_app: Callable[..., App]) -> None:
    app = app_at(make_app)
    assert isinstance(app.mailer, FakeMailer)
    take = links_to(app.mailer, "erac-montreal@example.org")["Je prends la demande"]
    handle(link_event("POST", take), app)
    app.deliver(SID)
    assert sweep_at(app, "2027-01-15T11:00") == []


def test_thresholds_and_closed_days_are_configurable(make_app: Callable[..., App]) -> None:
    app = app_at(make_app, reminder_business_days=1, extra_holidays="2026-12-24")
    assert sweep_at(app, "2026-12-24T11:00") == []  # a closed day by configuration
    assert sweep_at(app, "2026-12-28T11:00") == ["erac-montreal@example.org"]
