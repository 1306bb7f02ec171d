"""Nothing invented: every real record of content/ says where its facts come from and
when they were checked, and only samples carry example.org addresses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.coverage import content_path, last_checked, stale_records
from generator.directory import Directory
from generator.load import load_directory
from generator.models import Advisor, Organisation, Program, Region

REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.real_content

Record = Region | Organisation | Advisor | Program


@pytest.fixture(scope="module")
def directory() -> Directory:
    result = load_directory(REPO_ROOT)
    assert result.directory is not None, [e.render("en") for e in result.errors]
    return result.directory


def real_records(directory: Directory) -> list[Record]:
    records: list[Record] = [
        *directory.regions.values(),
        *directory.organisations.values(),
        *directory.advisors.values(),
        *directory.programs.values(),
    ]
    return [r for r in records if not getattr(r, "sample", False)]


def test_every_real_record_cites_a_seed_or_a_page_with_the_date_it_was_consulted(
    directory: Directory,
) -> None:
    undated = [content_path(r) for r in real_records(directory) if last_checked(r.sources) is None]
    unsourced = [
        content_path(r) for r in real_records(directory) if not any(s.seed or s.url for s in r.sources)
    ]
    assert not unsourced, f"real records without a source: {unsourced}"
    assert not undated, f"real records with no consulted: date on any source: {undated}"


def test_no_real_record_has_an_example_org_address(directory: Directory) -> None:
    invented = [
        content_path(r)
        for r in real_records(directory)
        if isinstance(r, Organisation | Advisor) and r.email and r.email.lower().endswith("@example.org")
    ]
    assert not invented


def test_no_consulted_date_is_in_the_future(directory: Directory) -> None:
    today = dt.date.today()
    future = [
        content_path(r)
        for r in real_records(directory)
        if (checked := last_checked(r.sources)) is not None and checked > today
    ]
    assert not future


def test_a_record_checked_over_a_year_ago_is_flagged_not_hidden(directory: Directory) -> None:
    a_year_and_a_day_later = max(filter(None, (last_checked(r.sources) for r in real_records(directory))))
    a_year_and_a_day_later += dt.timedelta(days=366)
    flagged = {s.path for s in stale_records(directory, a_year_and_a_day_later)}
    assert flagged, "nothing flagged a year and a day after the newest check"
    assert {s.path for s in stale_records(directory, dt.date(2026, 11, 29))} <= flagged
    # flagged records are still published: the directory keeps them
    assert all((REPO_ROOT / path).exists() for path in flagged)
