"""Response times as open data: monthly counts per region. Pure.

For each month (Québec time, by the day the request was received) and region (where the
request is now, after any transfer):

* ``received``: requests received;
* ``taken_within_2_business_days``: of those, taken in charge (or contact made) within two
  business days of receipt (weekends and Québec statutory holidays excluded);
* ``median_hours_to_take`` and ``median_business_days_to_take``: over those taken in charge;
* ``closed``: closed requests by outcome.

No personal data goes in (``store.Summary``), and every count under :data:`THRESHOLD` is
published as ``null`` (and the median as well when it rests on fewer than that many
requests), so a small region's month never points at one business. Zero is a count under
the threshold too.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .lifecycle import OUTCOMES
from .store import Summary
from .workdays import Calendar, local_time

THRESHOLD = 5
TAKE_TARGET_BUSINESS_DAYS = 2


@dataclass(frozen=True)
class Row:
    month: str  # YYYY-MM
    region: str
    received: int | None
    taken_within_2_business_days: int | None
    median_hours_to_take: float | None
    median_business_days_to_take: float | None
    closed: Mapping[str, int | None]

    def as_dict(self) -> dict[str, object]:
        return {
            "month": self.month,
            "region": self.region,
            "received": self.received,
            "taken_within_2_business_days": self.taken_within_2_business_days,
            "median_hours_to_take": self.median_hours_to_take,
            "median_business_days_to_take": self.median_business_days_to_take,
            "closed": dict(self.closed),
        }


def suppress(count: int) -> int | None:
    return count if count >= THRESHOLD else None


@dataclass
class _Tally:
    received: int = 0
    within: int = 0
    hours: list[float] | None = None
    business_days: list[float] | None = None
    closed: dict[str, int] | None = None


def monthly(summaries: Iterable[Summary], calendar: Calendar) -> list[Row]:
    """One row per (month, region) with at least one request, newest month first."""
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    for s in summaries:
        month = local_time(s.created_at).strftime("%Y-%m")
        tally = tallies[(month, s.region)]
        tally.received += 1
        taken_at = s.lifecycle.get("taken_at")
        if isinstance(taken_at, int):
            if taken_at <= calendar.add_business_days(s.created_at, TAKE_TARGET_BUSINESS_DAYS):
                tally.within += 1
            tally.hours = (tally.hours or []) + [(taken_at - s.created_at) / 3600]
            tally.business_days = (tally.business_days or []) + [
                calendar.business_days_between(s.created_at, taken_at)
            ]
        if s.lifecycle.get("stage") == "closed":
            outcome = str(s.lifecycle.get("outcome"))
            tally.closed = tally.closed or {}
            tally.closed[outcome] = tally.closed.get(outcome, 0) + 1
    rows = []
    for (month, region), t in sorted(tallies.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        hours = t.hours or []
        days = t.business_days or []
        enough = len(hours) >= THRESHOLD
        rows.append(
            Row(
                month=month,
                region=region,
                received=suppress(t.received),
                taken_within_2_business_days=suppress(t.within),
                median_hours_to_take=round(statistics.median(hours), 1) if enough else None,
                median_business_days_to_take=round(statistics.median(days), 1) if enough else None,
                closed={o: suppress((t.closed or {}).get(o, 0)) for o in OUTCOMES},
            )
        )
    rows.sort(key=lambda r: (r.month, r.region), reverse=False)
    rows.sort(key=lambda r: r.month, reverse=True)
    return rows


def regional_medians(
    summaries: Iterable[Summary], calendar: Calendar, *, since: int
) -> dict[str, float | None]:
    """Median business days to take charge per region, over requests received since ``since``;
    ``None`` under the threshold. What the thank-you page may state, and nothing more."""
    days: dict[str, list[float]] = defaultdict(list)
    seen: set[str] = set()
    for s in summaries:
        if s.created_at < since:
            continue
        seen.add(s.region)
        taken_at = s.lifecycle.get("taken_at")
        if isinstance(taken_at, int):
            days[s.region].append(calendar.business_days_between(s.created_at, taken_at))
    return {
        region: round(statistics.median(days[region]), 1) if len(days[region]) >= THRESHOLD else None
        for region in sorted(seen)
    }
