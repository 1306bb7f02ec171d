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
    assert title in html.replace("&#39;", "'").replace("\u2019", "'")


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
    html = page(site, "en/regions/lanaudiere").replace("&#39;", "'").replace("\u2019", "'")
    assert "Original text (French)" in html
    assert '<p lang="fr"><strong>L\'accompagnement et le soutien aux entreprises' in html
    assert "pour la 4<sup>e</sup> révolution industrielle" in html


# --- what the sources say, and no more (audit of overstatements) ------------------------


@pytest.mark.parametrize(
    ("path", "qualifier"),
    [("a-propos", "ou en voie de l"), ("en/a-propos", "attested or on the way to being attested")],
)
def test_the_500_advisors_keep_the_sources_qualifier(site: Path, path: str, qualifier: str) -> None:
    text = " ".join(page(site, path).replace("\u2019", "'").replace("&#39;", "'").split())
    mentions = text.count("500 ")
    assert mentions >= 1
    assert text.count(qualifier) >= mentions, (
        "every « plus de 500 » must say « attestés ou en voie de l'être »"
    )


@pytest.mark.parametrize(
    ("prefix", "written"),
    [("", "plus de 32\u00a0millions de dollars"), ("en/", "more than $32\u00a0million")],
)
def test_amounts_the_source_gives_in_millions_are_written_as_it_does(
    site: Path, prefix: str, written: str
) -> None:
    html = page(site, f"{prefix}programmes/poles-regionaux-innovation")
    assert written in html
    assert f"32{NNBSP}000{NNBSP}000" not in html and "32,000,000" not in html


@pytest.mark.parametrize("path", ["merci", "en/merci", "demande", "en/demande"])
def test_no_service_delay_is_promised_without_a_source(site: Path, path: str) -> None:
    text = page(site, path)
    for promise in ("jours ouvrables", "business days", "dans les 10 jours", "within 10 days"):
        assert promise not in text


@pytest.mark.parametrize(
    ("prefix", "label"), [("", "Période prévue terminée"), ("en/", "Planned period ended")]
)
def test_the_plans_actions_say_their_period_ended_not_that_they_are_completed(
    site: Path, prefix: str, label: str
) -> None:
    html = page(site, f"{prefix}programmes/iq-action-1")
    assert label in html
    assert "Terminé<" not in html and "Completed<" not in html
