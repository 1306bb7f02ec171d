"""Response-time statistics: monthly per region, counts under 5 suppressed, JSON and a
table that needs no JavaScript."""

from __future__ import annotations

import json
from collections.abc import Callable

from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.stats import monthly
from functions.route_request.store import Summary
from functions.route_request.workdays import Calendar

from .helpers import sample
from .test_workdays import at

NOV = at("2026-11-02T10:00")  # a Monday


def summary(
    i: int, region: str, created: int, *, taken_after_hours: float | None = None, **lc: object
) -> Summary:
    lifecycle: dict[str, object] = dict(lc)
    if taken_after_hours is not None:
        lifecycle.update(stage=lc.get("stage", "taken"), taken_at=created + int(taken_after_hours * 3600))
    return Summary(f"sid-{region}-{i}", region, created, "delivered", True, lifecycle)


def test_counts_under_five_are_suppressed_and_zero_too() -> None:
    rows = {
        r.region: r
        for r in monthly(
            [summary(i, "14", NOV, taken_after_hours=3) for i in range(6)]
            + [summary(i, "15", NOV, taken_after_hours=3) for i in range(4)],
            Calendar(),
        )
    }
    big, small = rows["14"], rows["15"]
    assert big.received == 6 and big.taken_within_2_business_days == 6 and big.median_hours_to_take == 3.0
    assert small.received is None and small.taken_within_2_business_days is None
    assert small.median_hours_to_take is None  # a median of 4 requests is not published either
    assert big.closed["accompanied"] is None  # zero is under five


def test_taken_within_two_business_days_skips_the_weekend() -> None:
    friday = at("2026-11-06T16:00")
    late = [summary(i, "06", friday, taken_after_hours=24 * 5) for i in range(5)]  # Wednesday 16:00
    on_time = [summary(i + 5, "06", friday, taken_after_hours=24 * 3) for i in range(5)]  # Monday 16:00
    (row,) = monthly(late + on_time, Calendar())
    assert row.received == 10 and row.taken_within_2_business_days == 5
    assert row.median_business_days_to_take == 2.0  # Monday 16:00 is 1 business day, Wednesday 3


def test_closed_by_outcome_and_months_apart() -> None:
    closed = [
        summary(i, "06", NOV, taken_after_hours=1, stage="closed", outcome="accompanied") for i in range(5)
    ]
    december = [summary(i + 10, "06", at("2026-12-01T10:00")) for i in range(7)]
    rows = monthly(closed + december, Calendar())
    assert [(r.month, r.received) for r in rows] == [("2026-12", 7), ("2026-11", 5)]
    assert rows[1].closed["accompanied"] == 5 and rows[0].taken_within_2_business_days is None


def test_the_endpoint_publishes_json_and_an_html_table(make_app: Callable[..., App]) -> None:
    app = make_app()
    answer = handle(sample("api_stats_get.json"), app)
    assert answer["statusCode"] == 200 and answer["headers"]["content-type"].startswith("application/json")
    data = json.loads(answer["body"])
    assert (
        data["suppression_threshold"] == 5
        and data["rows"] == []
        and data["regions"]["14"]["fr"] == "Lanaudière"
    )
    event = sample("api_stats_get.json")
    event["queryStringParameters"] = {"format": "html", "lang": "en"}
    page = handle(event, app)
    assert page["headers"]["content-type"].startswith("text/html") and "No requests yet." in page["body"]
    assert "<script" not in page["body"]
