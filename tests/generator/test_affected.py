"""``make dev``'s fast path re-renders only the pages ``pages_touched`` names for an edited
record (generator/render/affected.py). For each field it handles, of each kind, an edit of
one real record must change no generated file outside those pages: the whole site is
rendered before and after the edit and compared file by file."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from generator.directory import Directory
from generator.load import load_directory
from generator.models import Model, Text
from generator.render import render_site
from generator.render.affected import LOCAL_FIELDS, pages_touched, vcards_touched
from generator.vocab import OrganisationKind

REPO = Path(__file__).resolve().parents[2]
DOCS = Path("site_src/docs")


@pytest.fixture(scope="module")
def real() -> Directory:
    loaded = load_directory(REPO)
    assert loaded.ok, loaded.errors
    return loaded.directory


@pytest.fixture(scope="module")
def rendered_before(real: Directory, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return render(real, tmp_path_factory.mktemp("before"))


def render(directory: Directory, root: Path) -> dict[str, bytes]:
    render_site(directory, root)
    docs = root / DOCS
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def records(directory: Directory, kind: str) -> Mapping[str, Model]:
    return {
        "regions": directory.regions,
        "organisations": directory.organisations,
        "programs": directory.programs,
        "advisors": directory.advisors,
    }[kind]


def with_record(directory: Directory, kind: str, record: Model) -> Directory:
    """``directory`` with ``record`` in place of the record of the same id (territories kept)."""
    table = {**records(directory, kind), record.id: record}  # type: ignore[attr-defined]
    return dataclasses.replace(directory, **{kind: table})


def subject(directory: Directory, kind: str) -> Model:
    """A record whose edits reach many pages: a regional organisation that runs a program
    and employs an advisor, a program with a parent, an advisor, a region."""
    if kind == "organisations":
        employers = {a.organisation for a in directory.advisors.values()}
        operators = {p.operator for p in directory.programs.values()}
        regional = [
            o
            for o in directory.organisations.values()
            if o.kind != OrganisationKind.ERAC and o.regions != "all"
        ]
        # one that employs an advisor and runs a program if there is one, else one that runs a program
        return next((o for o in regional if o.id in employers & operators), None) or next(
            o for o in regional if o.id in operators
        )
    if kind == "programs":
        return next(p for p in directory.programs.values() if p.parent and p.regions != "all")
    return next(iter(records(directory, kind).values()))


# Values for fields no record of the kind sets differently (the advisors are all samples).
SET_WHEN_ALL_ALIKE = {
    ("advisors", "title"): lambda d: Text(fr="Conseillère en innovation", en="Innovation advisor"),
    ("advisors", "phone"): lambda d: "450 555-0100",
    ("advisors", "sources"): lambda d: next(o.sources for o in d.organisations.values() if o.sources),
}


def edits(directory: Directory) -> Iterator[tuple[str, str]]:
    for kind, fields in sorted(LOCAL_FIELDS.items()):
        for field in sorted(fields):
            yield kind, field


@pytest.mark.parametrize(("kind", "field"), list(edits(Directory({}, {}, {}, {}))))
def test_an_edit_changes_no_page_outside_those_the_fast_path_renders(
    real: Directory, rendered_before: dict[str, bytes], tmp_path: Path, kind: str, field: str
) -> None:
    record = subject(real, kind)
    # GIVEN the record's field set to another record's different value
    value = getattr(record, field)
    donor = next(
        (getattr(r, field) for r in records(real, kind).values() if getattr(r, field) != value), None
    )
    if donor is None:  # every record of the kind has the same value (sample advisors have none)
        donor = SET_WHEN_ALL_ALIKE[(kind, field)](real)
    assert donor != value
    edited = with_record(real, kind, record.model_copy(update={field: donor}))
    # WHEN the whole site is rendered again
    after = render(edited, tmp_path)
    # THEN the fast path's pages (and vCards) include every file that changed
    touched = pages_touched(real, edited, kind, record.id)  # type: ignore[attr-defined]
    assert touched is not None, f"{kind}.{field} is a fast-path field but takes the full build"
    allowed = touched | vcards_touched(edited, kind, record.id)  # type: ignore[attr-defined]
    changed = {p for p in rendered_before.keys() | after.keys() if rendered_before.get(p) != after.get(p)}
    outside = sorted(p for p in changed if p.rsplit(".", 2)[0] not in allowed)
    assert outside == [], (
        f"{outside}: editing {kind}.{field} of {record.id} changed pages the fast path skips"
    )  # type: ignore[attr-defined]
