"""The seed facts appear on the right pages of the real site, in both languages.

Builds the repository's own site once (``mkdocs build --strict``, which runs the
generator hook on content/) into a temporary directory.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")

pytestmark = pytest.mark.real_content

NNBSP = "\u202f"  # French digit-group separator
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    subprocess.run(
        [str(MKDOCS), "build", "--strict", "--quiet", "-f", str(REPO_ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=REPO_ROOT,
        check=True,
    )
    return out


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_lanaudiere_page_names_its_erac_contact_and_priorities(site: Path, prefix: str) -> None:
    html = page(site, f"{prefix}regions/lanaudiere")
    assert "Lanaudière Économique" in html
    assert "450 365-9218 p. 201" in html
    assert "direction@lanaudiere-economique.org" in html
    titles = {
        "": "L'accompagnement et le soutien aux entreprises",
        "en/": "Guidance and support for businesses",
    }
    title = titles[prefix]
    assert title in html.replace("&#39;", "'")


def test_otn_project_amounts_are_formatted_per_language(site: Path) -> None:
    fr = page(site, "programmes/otn-colab-alma")
    en = page(site, "en/programmes/otn-colab-alma")
    assert f"2{NNBSP}307{NNBSP}663{NBSP}$" in fr
    assert "$2,307,663" in en


def test_gaspesie_page_carries_the_iles_de_la_madeleine_priority(site: Path) -> None:
    html = page(site, "regions/gaspesie-iles-de-la-madeleine")
    assert "Consolider et diversifier notre économie." in html


def test_iq_action_5_lists_only_its_eight_regions(site: Path) -> None:
    html = page(site, "programmes/iq-action-5")
    html = html[html.index("<dt>Régions</dt>") :]
    html = html[: html.index("</dd>")]
    for name in ("Centre-du-Québec", "Chaudière-Appalaches", "Estrie", "Laval", "Mauricie", "Montérégie"):
        assert name in html
    assert "Abitibi-Témiscamingue" not in html


@pytest.mark.parametrize(("prefix", "label"), [("", "Exemple fictif"), ("en/", "Sample record")])
def test_sample_advisors_are_labelled(site: Path, prefix: str, label: str) -> None:
    assert label in page(site, f"{prefix}regions/lanaudiere")


def test_english_region_page_keeps_the_plan_quotation_in_french(site: Path) -> None:
    html = page(site, "en/regions/lanaudiere").replace("&#39;", "'")
    assert "Original text (French)" in html
    assert '<p lang="fr"><strong>L\'accompagnement et le soutien aux entreprises' in html
    assert "pour la 4<sup>e</sup> révolution industrielle" in html
