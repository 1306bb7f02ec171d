"""`make dev`'s fast path (devserver/preview.py): an edit re-renders only the pages it
changes, and leaves the site exactly as a full build of the edited content would."""

from __future__ import annotations

import filecmp
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from devserver.preview import Preview
from devserver.watch import build_site

from .helpers import copy_project

PHRASE = "Région administrative 14 du Québec"
REGION = "content/regions/lanaudiere.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Preview]]:
    """A copy of the project, built in full, with its fast path loaded."""
    root = copy_project(tmp_path_factory.mktemp("preview") / "project")
    ok, output = build_site(root, root / "site")
    assert ok, output
    yield root, Preview(root, root / "site")


def read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def first(root: Path, kind: str, wanted: Any) -> Path:
    """The first content file of ``kind`` whose data satisfies ``wanted``."""
    for path in sorted((root / "content" / kind).glob("*.yaml")):
        if wanted(read(path)):
            return path
    raise LookupError(kind)


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def test_an_invalid_edit_writes_nothing_and_names_the_line(built: tuple[Path, Preview]) -> None:
    root, preview = built
    region = root / REGION
    original = region.read_text(encoding="utf-8")
    page = root / "site" / "regions" / "lanaudiere" / "index.html"
    before = page.read_bytes()
    try:
        region.write_text(original.replace('code: "14"', "code: [14"), encoding="utf-8")
        answer = preview.update([REGION])
        assert answer["outcome"] == "invalid"
        assert answer["errors"].startswith(f"{REGION}:"), answer
        # a cross-file error too: an advisor's organisation that does not exist
        advisor = first(root, "advisors", lambda d: True)
        advisor_text = advisor.read_text(encoding="utf-8")
        data = read(advisor)
        data["organisation"] = "organisme-inexistant"
        write(advisor, data)
        region.write_text(original, encoding="utf-8")
        answer = preview.update([REGION, rel(root, advisor)])
        assert answer["outcome"] == "invalid"
        assert f"{rel(root, advisor)}:" in answer["errors"], answer
        assert page.read_bytes() == before
    finally:
        region.write_text(original, encoding="utf-8")
        advisor.write_text(advisor_text, encoding="utf-8")


def test_changes_beyond_pages_take_the_full_build(built: tuple[Path, Preview]) -> None:
    root, preview = built
    region = root / REGION
    original = region.read_text(encoding="utf-8")
    new_file = root / "content" / "organisations" / "nouvel-organisme.yaml"
    try:
        # a region's name is on every page that lists it, and in the routing table
        data = read(region)
        data["name"]["fr"] = "Lanaudière renommée"
        write(region, data)
        assert preview.update([REGION])["outcome"] == "full"
        region.write_text(original, encoding="utf-8")
        # an ERAC appears on every region page and index
        erac = first(root, "organisations", lambda d: d["kind"] == "erac")
        erac_text = erac.read_text(encoding="utf-8")
        data = read(erac)
        data["description"] = {"fr": "Description modifiée.", "en": "Changed description."}
        write(erac, data)
        assert preview.update([rel(root, erac)])["outcome"] == "full"
        erac.write_text(erac_text, encoding="utf-8")
        # a new file is a new page, new links, a new search entry
        new_file.write_text(erac_text, encoding="utf-8")
        assert preview.update([rel(root, new_file)])["outcome"] == "full"
    finally:
        region.write_text(original, encoding="utf-8")
        erac.write_text(erac_text, encoding="utf-8")
        new_file.unlink(missing_ok=True)


def test_edits_leave_the_site_as_a_full_build_would(built: tuple[Path, Preview]) -> None:
    """Four edits, one of each kind, each through the fast path; then a full build of the
    same content: every generated page and every HTML page must be the same (only what the
    background build refreshes may differ: the search index and the open data)."""
    root, preview = built
    site = root / "site"

    # GIVEN a region's French summary changed
    region = root / REGION
    region.write_text(
        region.read_text(encoding="utf-8").replace(PHRASE, "Région 14, résumé modifié"), "utf-8"
    )
    answer = preview.update([REGION])
    # THEN the fast path renders its French page alone, and the page shows the edit at once
    assert answer["outcome"] == "updated", answer
    assert answer["pages"] == ["regions/lanaudiere.fr.md"]
    assert "Région 14, résumé modifié" in (site / "regions" / "lanaudiere" / "index.html").read_text("utf-8")

    # an organisation's description and street: its page and its vCard
    org = first(
        root,
        "organisations",
        lambda d: d["kind"] != "erac" and d["regions"] != "all" and (d.get("address") or {}).get("street"),
    )
    data = read(org)
    data["description"] = {
        "fr": "Description modifiée pour le test.",
        "en": "Description changed for the test.",
    }
    data["address"]["street"] += ", bureau 2"
    write(org, data)
    answer = preview.update([rel(root, org)])
    assert answer["outcome"] == "updated", answer
    assert f"organisations/{data['id']}.fr.md" in answer["pages"]

    # a program's kinds: shown wherever the program is listed
    program = first(root, "programs", lambda d: len(d["kinds"]) >= 2 and d["regions"] != "all")
    data = read(program)
    data["kinds"] = list(reversed(data["kinds"]))
    write(program, data)
    answer = preview.update([rel(root, program)])
    assert answer["outcome"] == "updated", answer
    assert "programmes/index.fr.md" in answer["pages"]

    # an advisor's title: the region page, the employer's page, the advisors index, the vCard
    advisor = first(root, "advisors", lambda d: bool(d.get("title")))
    data = read(advisor)
    data["title"] = {"fr": "Titre modifié", "en": "Changed title"}
    write(advisor, data)
    answer = preview.update([rel(root, advisor)])
    assert answer["outcome"] == "updated", answer
    assert "conseillers/index.fr.md" in answer["pages"]
    assert f"conseillers/{data['id']}.en.vcf" in answer["pages"]

    # WHEN the whole site is built from the same content
    docs = root / "site_src" / "docs"
    generated = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    ok, output = build_site(root, root / "site.full")
    assert ok, output
    # THEN the generator writes nothing the fast path had not written (but the open data)
    rewritten = sorted(rel(root, p) for p, data in generated.items() if p.read_bytes() != data)
    assert [p for p in rewritten if not p.startswith("site_src/docs/donnees/")] == []
    # AND every page is the same, byte for byte
    differ = sorted(different_files(site, root / "site.full"))
    assert [d for d in differ if not d.startswith(("search/", "donnees/", "en/donnees/"))] == []


def different_files(left: Path, right: Path) -> Iterator[str]:
    """Paths (relative to ``left``) of files that differ or exist on one side only."""
    names = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    names |= {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    for name in names:
        a, b = left / name, right / name
        if not (a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)):
            yield name.as_posix()
