"""Business days in Québec: when is a follow-up due? Pure, standard library only.

Not a business day: Saturday, Sunday, and the statutory holidays of the Loi sur les normes
du travail and the Loi sur la fête nationale, as listed by the CNESST
(https://www.cnesst.gouv.qc.ca/fr/conditions-travail/conges/jours-feries/liste-jours-feries,
consulted 2026-11-29):

* 1 January; Good Friday *or* Easter Monday ("au choix de l'employeur": both are skipped
  here, so nobody is reminded on a day their office may be closed);
* the Monday before 25 May (Journée nationale des patriotes);
* 24 June (25 June when the 24th is a Sunday, Loi sur la fête nationale, s. 2);
* 1 July, or 2 July when the 1st is a Sunday;
* the first Monday of September; the second Monday of October; 25 December.

More closed days (the network's holiday break, say) come from ``EXTRA_HOLIDAYS``.
Times are counted in Québec's Eastern time (UTC−5, UTC−4 from the second Sunday of March
to the first Sunday of November, 2 a.m. local), computed here rather than read from the
system's tz database, which a Lambda image need not carry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta


def easter_sunday(year: int) -> date:
    """Gregorian Easter (the anonymous Meeus/Jones/Butcher algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def quebec_holidays(year: int) -> frozenset[date]:
    """The statutory holidays of ``year`` listed in the module docstring."""
    easter = easter_sunday(year)
    may_24 = date(year, 5, 24)
    june_24 = date(year, 6, 24)
    july_1 = date(year, 7, 1)
    return frozenset(
        {
            date(year, 1, 1),
            easter - timedelta(days=2),
            easter + timedelta(days=1),
            may_24 - timedelta(days=may_24.weekday()),  # the Monday on or before the 24th
            june_24 + timedelta(days=1) if june_24.weekday() == 6 else june_24,
            july_1 + timedelta(days=1) if july_1.weekday() == 6 else july_1,
            _nth_weekday(year, 9, 0, 1),
            _nth_weekday(year, 10, 0, 2),
            date(year, 12, 25),
        }
    )


def eastern_offset(moment: datetime) -> timedelta:
    """UTC offset of Québec's Eastern time at the UTC instant ``moment``."""
    year = moment.year
    dst_start = datetime.combine(_nth_weekday(year, 3, 6, 2), datetime.min.time(), UTC) + timedelta(hours=7)
    dst_end = datetime.combine(_nth_weekday(year, 11, 6, 1), datetime.min.time(), UTC) + timedelta(hours=6)
    return timedelta(hours=-4) if dst_start <= moment < dst_end else timedelta(hours=-5)


def local_time(epoch: int) -> datetime:
    """Naive local (Eastern) wall-clock time of ``epoch``."""
    moment = datetime.fromtimestamp(epoch, UTC)
    return (moment + eastern_offset(moment)).replace(tzinfo=None)


def _epoch(local: datetime) -> int:
    """Epoch of a naive local time (the offset of the nearby UTC instant; exact outside the DST hour)."""
    guess = local.replace(tzinfo=UTC) + timedelta(hours=5)
    return int((local.replace(tzinfo=UTC) - eastern_offset(guess)).timestamp())


@dataclass(frozen=True)
class Calendar:
    extra_holidays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def with_extra(cls, days: Iterable[date]) -> Calendar:
        return cls(extra_holidays=frozenset(days))

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in quebec_holidays(day.year) and day not in self.extra_holidays

    def add_business_days(self, start: int, days: int) -> int:
        """Epoch of ``start`` + ``days`` business days: the same local time on the ``days``-th
        business day after; a start outside a business day counts from the next one's midnight."""
        local = local_time(start)
        if not self.is_business_day(local.date()):
            day = local.date()
            while not self.is_business_day(day):
                day += timedelta(days=1)
            local = datetime.combine(day, datetime.min.time())
        day, counted = local.date(), 0
        while counted < days:
            day += timedelta(days=1)
            if self.is_business_day(day):
                counted += 1
        return _epoch(datetime.combine(day, local.time()))

    def business_days_between(self, start: int, end: int) -> float:
        """Business days from ``start`` to ``end`` (fractions for part days), for statistics."""
        if end <= start:
            return 0.0
        a, b = local_time(start), local_time(end)
        total = 0.0
        day = a.date()
        while day <= b.date():
            if self.is_business_day(day):
                lo = a if day == a.date() else datetime.combine(day, datetime.min.time())
                hi = b if day == b.date() else datetime.combine(day + timedelta(days=1), datetime.min.time())
                total += (hi - lo).total_seconds() / 86400
            day += timedelta(days=1)
        return total


def parse_dates(raw: str) -> frozenset[date]:
    """``2026-12-26,2027-01-02`` → dates; ValueError names the bad one."""
    days = set()
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            days.add(date.fromisoformat(part))
        except ValueError:
            raise ValueError(f"not a date (YYYY-MM-DD): {part!r}") from None
    return frozenset(days)
