"""The abuse limits with a fixed clock: each per-source limit and window (429 with when to
retry), the stricter limits without a proof of work, one confirmation per address per day,
the per-recipient cap (digest, never 429), and nothing personal in counter keys."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from functions.route_request import proof_of_work
from functions.route_request.app import App
from functions.route_request.errors import StoreUnavailable
from functions.route_request.handler import handle
from functions.route_request.limits import LimitPolicy, Rule, decide, window_end
from functions.route_request.queue_inline import InlineQueue
from functions.route_request.settings import Settings

from .conftest import NOW, valid_fields
from .fakes import FakeClock, FakeCounters, FakeMailer, FakeStore
from .helpers import body, form_event, json_event

NO_LIMITS = {
    "limit_client_per_minute": 0,
    "limit_client_per_hour": 0,
    "limit_client_per_day": 0,
    "limit_nopow_per_minute": 0,
    "limit_nopow_per_hour": 0,
    "limit_nopow_per_day": 0,
    "limit_email_per_minute": 0,
    "limit_email_per_hour": 0,
    "limit_email_per_day": 0,
    "recipient_hourly_cap": 0,
    "recipient_daily_cap": 0,
    "confirmations_per_day": 0,
    "duplicate_sources": 0,
}
START = int(NOW) - int(NOW) % 86400  # midnight UTC: every window starts here


def limited_app(make_app: Callable[..., App], **limits: int) -> tuple[App, FakeClock, FakeCounters]:
    settings = Settings(site_origin="https://relais.example", **{**NO_LIMITS, **limits})  # type: ignore[arg-type]
    clock, counters = FakeClock(START), FakeCounters()
    holder: list[App] = []
    queue = InlineQueue(lambda submission_id: holder[0].deliver(submission_id))  # delivered at once
    app = make_app(
        settings=settings, clock=clock, counters=counters, store=FakeStore(), mailer=FakeMailer(), queue=queue
    )
    holder.append(app)
    return app, clock, counters


_serial = iter(range(1, 1_000_000))


def post(app: App, *, client: str = "192.0.2.10", form: bool = False, **changes: object) -> dict[str, Any]:
    """One new request (a fresh submission id and description unless given) from ``client``."""
    n = next(_serial)
    defaults: dict[str, object] = {
        "submission_id": f"00000000-0000-4000-8000-{n:012d}",
        "description": f"Projet numéro {n}",
        "started_at": int(app.clock() * 1000) - 60_000,
    }
    fields = valid_fields(**{**defaults, **changes})
    if form:
        fields.pop("submission_id")
    event = form_event(fields) if form else json_event(fields)
    event["requestContext"]["http"]["sourceIp"] = client
    return handle(event, app)


WINDOWS = [("minute", 60), ("hour", 3600), ("day", 86400)]


@pytest.mark.parametrize(("window", "seconds"), WINDOWS)
def test_client_without_proof_is_limited_per_window(
    make_app: Callable[..., App], window: str, seconds: int
) -> None:
    # GIVEN at most 3 requests per <window> from one client without a proof of work
    app, clock, _ = limited_app(make_app, **{f"limit_nopow_per_{window}": 3})
    step = seconds // 4  # the three allowed requests are spread over the window
    for i in range(3):
        assert post(app, email=f"p{i}@example.org")["statusCode"] == 202
        clock.now += step
    # WHEN a fourth comes in the same window
    response = post(app, email="p4@example.org")
    # THEN 429, retry when the window ends, in French
    assert response["statusCode"] == 429
    answer = body(response)
    retry = window_end(int(clock.now), seconds) - int(clock.now)
    assert answer["status"] == "rate_limited" and answer["retry_after"] == retry
    assert response["headers"]["retry-after"] == str(retry)
    assert answer["message"].startswith("Trop de demandes") and "Réessayez dans" in answer["message"]
    # another client is not concerned
    assert post(app, client="198.51.100.7", email="other@example.org")["statusCode"] == 202
    # AND once the window ends, the client may send again
    clock.now = window_end(int(clock.now), seconds)
    assert post(app, email="p5@example.org")["statusCode"] == 202


@pytest.mark.parametrize(("window", "seconds"), WINDOWS)
def test_one_typed_email_is_limited_per_window_whatever_the_client(
    make_app: Callable[..., App], window: str, seconds: int
) -> None:
    app, clock, _ = limited_app(make_app, **{f"limit_email_per_{window}": 2})
    for i in range(2):
        assert post(app, client=f"203.0.113.{i}", email="Same@Example.org")["statusCode"] == 202
        clock.now += seconds // 3
    # the same address, written differently, from a third client
    response = post(app, client="203.0.113.99", email="same@example.ORG ", lang="en")
    assert response["statusCode"] == 429
    assert body(response)["message"].startswith("Too many requests")
    clock.now = window_end(int(clock.now), seconds)
    assert post(app, client="203.0.113.99", email="same@example.org")["statusCode"] == 202


@pytest.mark.parametrize(("window", "seconds"), WINDOWS)
def test_a_valid_proof_of_work_buys_the_client_limits(
    make_app: Callable[..., App], window: str, seconds: int
) -> None:
    app, clock, _ = limited_app(make_app, **{f"limit_client_per_{window}": 3, f"limit_nopow_per_{window}": 1})
    app.settings = app.settings.with_overrides(pow_max_number=50)

    def proof() -> str:
        issued = proof_of_work.issue(app.secret, now=int(clock.now), max_number=50, expires_in=600)
        return proof_of_work.encode(proof_of_work.solve(issued))

    for i in range(3):
        assert post(app, email=f"w{i}@example.org", proof=proof())["statusCode"] == 202
    response = post(app, email="w4@example.org", proof=proof())
    assert response["statusCode"] == 429
    assert body(response)["retry_after"] == window_end(int(clock.now), seconds) - int(clock.now)


def test_without_proof_the_stricter_limits_apply(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, limit_client_per_minute=5, limit_nopow_per_minute=1)
    assert post(app, email="a@example.org")["statusCode"] == 202
    assert post(app, email="b@example.org")["statusCode"] == 429
    # a replayed or forged proof does not help either
    assert post(app, email="c@example.org", proof="bm9wZQ==")["statusCode"] == 429


def test_the_form_without_javascript_gets_a_429_page_in_its_language(make_app: Callable[..., App]) -> None:
    app, clock, _ = limited_app(make_app, limit_nopow_per_hour=1)
    clock.now += 600  # 50 minutes before the hour ends
    assert post(app, form=True, lang="en")["statusCode"] == 303
    response = post(app, form=True, lang="en", email="b@example.org")
    assert response["statusCode"] == 429
    assert response["headers"]["content-type"].startswith("text/html")
    assert response["headers"]["retry-after"] == "3000"
    page = response["body"]
    assert '<html lang="en">' in page and "Try again in 50 minutes" in page and "Back button" in page
    assert "https://relais.example/en/demande/" in page
    # nothing typed comes back in the page
    assert "b@example.org" not in page and "Boulangerie" not in page


def test_a_refused_request_is_not_recorded(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, limit_nopow_per_minute=1)
    post(app, email="a@example.org")
    post(app, email="b@example.org")
    assert isinstance(app.store, FakeStore) and len(app.store.records) == 1


def test_a_replay_costs_no_limit(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, limit_nopow_per_minute=1)
    event = json_event(valid_fields())
    first = handle(event, app)
    again = handle(event, app)  # a double click: same id, same content
    assert first["statusCode"] == again["statusCode"] == 202
    assert body(first)["reference"] == body(again)["reference"]


def test_decide_picks_the_window_that_ends_last() -> None:
    now = START + 30
    counts = [(Rule("email", "minute", 1), 2), (Rule("email", "day", 1), 2), (Rule("email", "hour", 5), 2)]
    decision = decide(counts, now)
    assert decision.retry_after == 86400 - 30  # type: ignore[union-attr]
    assert decide([(Rule("client", "minute", 2), 2)], now).__class__.__name__ == "Allowed"


def test_one_confirmation_per_typed_address_per_day(make_app: Callable[..., App]) -> None:
    app, clock, _ = limited_app(make_app, confirmations_per_day=1)
    mailer = app.mailer
    assert isinstance(mailer, FakeMailer)
    first = post(app, email="cible@example.org")
    assert body(first)["confirmation"] == "sent"
    clock.now += 3600
    second = post(app, email="CIBLE@example.org")
    # the request goes through (recorded, delivered to the ERAC and advisor) …
    assert second["statusCode"] == 202 and body(second)["confirmation"] == "already_sent_today"
    # … but the address gets one confirmation only
    assert (
        mailer.recipients().count("cible@example.org") + mailer.recipients().count("CIBLE@example.org") == 1
    )
    assert mailer.recipients().count("erac-montreal@example.org") == 2
    store = app.store
    assert isinstance(store, FakeStore)
    later = store.records["00000000-0000-4000-8000-" + f"{next(_serial) - 1:012d}"]
    assert later.deliveries["requester"] == "skipped" and later.status == "delivered"
    # the next day, a confirmation again
    clock.now = START + 86400
    assert body(post(app, email="cible@example.org"))["confirmation"] == "sent"


def test_the_form_says_the_confirmation_was_already_sent(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, confirmations_per_day=1)
    post(app, form=True)
    response = post(app, form=True, business_name="Autre")
    assert response["statusCode"] == 303
    assert "confirmation=already_sent_today" in response["headers"]["location"]


@pytest.mark.parametrize(
    ("window", "cap_setting"), [("hour", "recipient_hourly_cap"), ("day", "recipient_daily_cap")]
)
def test_past_a_recipients_cap_requests_wait_for_the_digest(
    make_app: Callable[..., App], window: str, cap_setting: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # GIVEN a cap of 2 requests per <window> to one recipient, and no per-source limit
    app, clock, _ = limited_app(make_app, **{cap_setting: 2})
    mailer = app.mailer
    assert isinstance(mailer, FakeMailer)
    answers = [post(app, client=f"203.0.113.{i}", email=f"b{i}@example.org") for i in range(4)]
    # THEN every request is accepted and recorded (never 429) …
    assert [a["statusCode"] for a in answers] == [202] * 4
    store = app.store
    assert isinstance(store, FakeStore) and len(store.records) == 4
    # … the first two reach the ERAC one by one, the others wait for the digest
    assert mailer.recipients().count("erac-montreal@example.org") == 2
    states = sorted(r.deliveries["erac"] for r in store.records.values())
    assert states == ["digest", "digest", "sent", "sent"]
    # the requesters still get their confirmation
    assert all(mailer.recipients().count(f"b{i}@example.org") == 1 for i in range(4))
    # AND the operators' metric is written
    metrics = [
        json.loads(line) for line in capsys.readouterr().out.splitlines() if '"RecipientCapReached"' in line
    ]
    # (twice for the ERAC; the tied advisors share the requests, so it depends on the ids)
    assert [m["recipient"] for m in metrics].count("erac") == 2
    # the next window starts afresh
    clock.now = window_end(int(clock.now), 3600 if window == "hour" else 86400)
    post(app, client="203.0.113.50", email="new@example.org")
    assert mailer.recipients().count("erac-montreal@example.org") == 3


def test_counter_keys_hold_no_address_in_clear(
    make_app: Callable[..., App], capsys: pytest.CaptureFixture[str]
) -> None:
    app, _, counters = limited_app(
        make_app,
        limit_nopow_per_minute=1,
        limit_email_per_minute=5,
        confirmations_per_day=1,
        duplicate_sources=3,
    )
    post(app, client="192.0.2.77", email="secret.person@example.org")
    post(app, client="192.0.2.77", email="secret.person@example.org")
    keys = " ".join(counters.keys())
    assert keys and "192.0.2.77" not in keys and "secret.person" not in keys and "Projet" not in keys
    out = capsys.readouterr().out
    assert "192.0.2.77" not in out and "secret.person" not in out


def test_counters_down_let_the_request_through(make_app: Callable[..., App]) -> None:
    app, _, _ = limited_app(make_app, limit_nopow_per_minute=1)
    app.counters = FakeCounters(fail_with=StoreUnavailable("ThrottlingException"))
    assert [post(app, email=f"x{i}@example.org")["statusCode"] for i in range(3)] == [202] * 3


def test_limit_policy_drops_disabled_rules() -> None:
    policy = LimitPolicy(nopow_per_minute=0, email_per_day=0)
    windows = {(r.scope, r.window) for r in policy.rules(proof=False)}
    assert ("client_nopow", "minute") not in windows and ("email", "day") not in windows
    assert ("client_nopow", "hour") in windows
