"""The About page's open-data section, in both languages, claims only what `make test` runs
(docs/open-data.md, "Validate it yourself"); tests/site/test_opendata.py checks its links."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"fr": "a-propos.fr.md", "en": "a-propos.en.md"}
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
    text = (ROOT / "site_src" / "docs" / PAGES[lang]).read_text(encoding="utf-8")
    heading = "## Données ouvertes" if lang == "fr" else "## Open data"
    return text[text.index(heading) :]


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
