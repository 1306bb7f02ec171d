"""Business days in Québec: weekends and statutory holidays skipped, with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from functions.route_request.workdays import Calendar, easter_sunday, local_time, parse_dates, quebec_holidays


def at(local: str) -> int:
    """Epoch of a Montréal wall-clock time (EST/EDT by date)."""
    moment = datetime.fromisoformat(local)
    summer = datetime(moment.year, 3, 8) <= moment < datetime(moment.year, 11, 1)
    return int((moment + timedelta(hours=4 if summer else 5)).timestamp() - datetime(1970, 1, 1).timestamp())


def test_2026_holidays_as_listed_by_the_cnesst() -> None:
    assert sorted(quebec_holidays(2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 18),  # Journée nationale des patriotes
        date(2026, 6, 24),
        date(2026, 7, 1),
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 12, 25),
    ]


def test_moved_holidays_when_the_day_is_a_sunday() -> None:
    assert date(2029, 7, 2) in quebec_holidays(2029)  # 1 July 2029 is a Sunday
    assert date(2029, 6, 25) in quebec_holidays(2029)  # 24 June 2029 is a Sunday too
    assert date(2028, 7, 1) in quebec_holidays(2028)  # a Saturday stays where it is


@pytest.mark.parametrize(
    "year,expected", [(2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28))]
)
def test_easter(year: int, expected: date) -> None:
    assert easter_sunday(year) == expected


def test_local_time_follows_daylight_saving() -> None:
    assert local_time(at("2026-07-15T09:30")) == datetime(2026, 7, 15, 9, 30)
    assert local_time(at("2026-01-15T09:30")) == datetime(2026, 1, 15, 9, 30)


def test_two_business_days_skip_the_weekend() -> None:
    cal = Calendar()
    # Thursday 10:00 + 2 business days = Monday 10:00
    assert local_time(cal.add_business_days(at("2026-11-26T10:00"), 2)) == datetime(2026, 11, 30, 10, 0)


def test_a_request_on_saturday_counts_from_monday_morning() -> None:
    cal = Calendar()
    assert local_time(cal.add_business_days(at("2026-11-28T15:00"), 2)) == datetime(2026, 12, 2, 0, 0)


def test_holidays_are_skipped_and_extra_days_are_configurable() -> None:
    cal = Calendar()
    # Wednesday 23 December 2026 + 2 = Monday 28 (25th is Christmas, then the weekend)
    assert local_time(cal.add_business_days(at("2026-12-23T11:00"), 2)) == datetime(2026, 12, 28, 11, 0)
    closed = Calendar.with_extra(parse_dates("2026-12-28, 2026-12-29"))
    assert local_time(closed.add_business_days(at("2026-12-23T11:00"), 2)) == datetime(2026, 12, 30, 11, 0)


def test_easter_week_skips_friday_and_monday() -> None:
    cal = Calendar()
    # Thursday 2 April 2026 + 2 = Wednesday 8 April
    assert local_time(cal.add_business_days(at("2026-04-02T09:00"), 2)) == datetime(2026, 4, 8, 9, 0)


def test_bad_extra_holiday_names_the_value() -> None:
    with pytest.raises(ValueError, match="2026-13-01"):
        parse_dates("2026-12-24,2026-13-01")
