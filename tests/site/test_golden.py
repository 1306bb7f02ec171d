"""Golden files: the fixture Directory renders one page of each generated kind in
French and English, compared with tests/golden/ (see conftest.py to regenerate)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render import MARKER, make_environment, render_page
from generator.render.context import all_pages
from generator.vocab import LANGUAGES, Language
from tests.site.fixture_directory import fixture_directory

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = [(page.path, lang) for lang in LANGUAGES for page in all_pages(fixture_directory(), lang)]


@pytest.mark.parametrize(("path", "lang"), CASES, ids=[f"{p}.{lang.value}" for p, lang in CASES])
def test_page_matches_golden(path: str, lang: Language, update_golden: bool) -> None:
    page = next(p for p in all_pages(fixture_directory(), lang) if p.path == path)
    text = render_page(make_environment(), page, lang)
    golden = GOLDEN / f"{path}.{lang.value}.md"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest tests/site --update-golden"
    assert text == golden.read_text(encoding="utf-8")


def test_every_generated_page_starts_with_the_marker() -> None:
    """The marker opens every generated page, after the front matter of the pages kept out
    of the search index (organisations, advisors, postal areas)."""
    env = make_environment()
    for lang in LANGUAGES:
        for page in all_pages(fixture_directory(), lang):
            text = render_page(env, page, lang)
            if text.startswith("---\n"):
                front, _, text = text[4:].partition("\n---\n")
                assert front == "search:\n  exclude: true", page.path
            assert text.startswith(MARKER), page.path


def test_the_golden_french_region_page_shows_french_typography() -> None:
    """The fixture summary is written with plain spaces and a straight apostrophe."""
    text = (GOLDEN / "regions" / "lanaudiere.fr.md").read_text(encoding="utf-8")
    nnbsp, nbsp = "\u202f", "\u00a0"
    assert (
        f"Montréal{nnbsp}: «{nnbsp}2{nnbsp}500 entreprises{nnbsp}»{nnbsp}; 10{nbsp}% l’an, 4{nbsp}M${nnbsp}!"
        in text
    )
    assert "Demander de l’aide" in text
    english = (GOLDEN / "regions" / "lanaudiere.en.md").read_text(encoding="utf-8")
    assert "Montréal: &quot;2,500 businesses&quot;; 10% a year" in english
