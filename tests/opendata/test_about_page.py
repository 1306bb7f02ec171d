"""The About page's open-data section, in both languages, links every published file and
claims only what `make test` runs (docs/open-data.md, "Validate it yourself")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.opendata import ALL_TABLES

ROOT = Path(__file__).resolve().parents[2]
# The page's URL is /a-propos/ (French) or /en/a-propos/ (English); the data is at /donnees/.
PAGES = {"fr": ("a-propos.fr.md", "../donnees/"), "en": ("a-propos.en.md", "../../donnees/")}
# Each claim of the section, the words that make it in each language, and the test that proves it.
CLAIMS = {
    "official HSDS 3.0 JSON Schemas": (
        ("schémas JSON officiels de HSDS 3.0", "official HSDS 3.0 JSON Schemas"),
        "tests/opendata/test_hsds.py",
    ),
    "hsds-validator": (("hsds-validator", "hsds-validator"), "scripts/validate_open_data.py"),
    "stable UUID": (("UUID stable", "stable UUID"), "tests/opendata/test_hsds.py"),
    "Frictionless": (("Frictionless", "Frictionless"), "scripts/validate_open_data.py"),
    "ten times larger": (("dix fois plus grand", "ten times"), "Makefile"),
    "routing agrees with the function": (
        ("où ce service envoie la", "that service sends the request to"),
        "tests/opendata/test_routing_data.py",
    ),
}


def section(lang: str) -> str:
    name, _ = PAGES[lang]
    text = (ROOT / "site_src" / "docs" / name).read_text(encoding="utf-8")
    heading = "## Données ouvertes" if lang == "fr" else "## Open data"
    return text[text.index(heading) :]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_about_page_links_every_open_data_file(lang: str) -> None:
    prefix = PAGES[lang][1]
    links = re.findall(r'href="([^"]+)"', section(lang))
    files = [link.removeprefix(prefix) for link in links if link.startswith(prefix)]
    expected = [f"{t.stem}.{ext}" for t in ALL_TABLES for ext in ("csv", "json")] + ["datapackage.json"]
    assert sorted(files) == sorted(expected)
    assert len(files) == len(set(files))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_each_claim_of_the_about_page_is_made_by_a_test_that_runs(lang: str) -> None:
    text = " ".join(section(lang).split())
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_target = next(line for line in makefile.splitlines() if line.startswith("test:"))
    assert "opendata-check" in test_target
    assert "scripts/validate_open_data.py --synthetic 10" in makefile
    for claim, (words, proof) in CLAIMS.items():
        assert words[0 if lang == "fr" else 1] in text, claim
        assert (ROOT / proof).exists(), claim
    validator = (ROOT / "scripts" / "validate_open_data.py").read_text(encoding="utf-8")
    assert "hsds-validate" in validator and "frictionless" in validator
    # MAMH's and GeoNames' licences ask for their attribution wherever their data goes.
    assert "Répertoire" in text and "GeoNames" in text and "CC BY 4.0" in text
