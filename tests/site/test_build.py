"""``mkdocs build --strict`` of the real mkdocs.yml, hand-written pages, theme
overrides and hooks, with the generated pages of the fixture Directory, in a
temporary copy of the project. Checks what reaches the built HTML."""

from __future__ import annotations

import datetime as dt
import json
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.opendata import write_open_data
from generator.render import GENERATED_DIRS, render_site
from tests.site.fixture_directory import fixture_directory
from tests.site.test_consent_version import consent_version

REPO = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _copy_project(dest: Path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    skip = {*GENERATED_DIRS, "donnees"}
    shutil.copytree(
        REPO / "site_src",
        dest / "site_src",
        ignore=lambda d, names: [n for n in names if Path(d) == REPO / "site_src/docs" and n in skip],
    )
    (dest / "content").mkdir()
    (dest / "generator" / "templates").mkdir(parents=True)
    return dest


def _build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RELAIS_GENERATE": "0", "RELAIS_API_URL": "https://api.example.org/requests"}
    env.pop("RELAIS_SITE_URL", None)  # the local default address, which the tests expect
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "-f", str(root / "mkdocs.yml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = _copy_project(tmp_path_factory.mktemp("site"))
    render_site(fixture_directory(), root)
    write_open_data(fixture_directory(), root, date=dt.date(2026, 11, 24))
    result = _build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("", "fr"),
        ("en", "en"),
        ("regions/lanaudiere", "fr"),
        ("en/regions/lanaudiere", "en"),
        ("programmes/otn", "fr"),
        ("en/programmes/otn", "en"),
        ("demande", "fr"),
        ("en/demande", "en"),
    ],
)
def test_html_lang(built: Path, path: str, lang: str) -> None:
    assert f'<html lang="{lang}"' in _html(built, path)


def test_language_versions_in_the_sitemap_and_the_switch(built: Path) -> None:
    """hreflang alternates are absolute and live in sitemap.xml; the pages carry none in
    <head> (Material's script would fetch a sitemap.xml beside each one)."""
    fr = _html(built, "regions/lanaudiere")
    en = _html(built, "en/regions/lanaudiere")
    assert 'rel="alternate"' not in fr and 'rel="alternate"' not in en
    assert '<link rel="canonical" href="http://127.0.0.1:8000/regions/lanaudiere/">' in fr
    sitemap = ET.parse(built / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in sitemap.iter(f"{{{SITEMAP_NS}}}loc")]
    assert locs and all(loc.startswith("http://127.0.0.1:8000/") for loc in locs), locs[:3]
    alternates = {
        (link.get("hreflang"), link.get("href"))
        for url in sitemap.iter(f"{{{SITEMAP_NS}}}url")
        if (url.findtext(f"{{{SITEMAP_NS}}}loc") or "").endswith("/regions/lanaudiere/")
        for link in url.iter("{http://www.w3.org/1999/xhtml}link")
    }
    assert alternates == {
        ("fr", "http://127.0.0.1:8000/regions/lanaudiere/"),
        ("en", "http://127.0.0.1:8000/en/regions/lanaudiere/"),
    }
    robots = (built / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots.splitlines()
    # Material's language switch goes to the same page in the other language.
    assert re.search(r'href="\.\./\.\./en/regions/lanaudiere/" hreflang="en" class="md-select__link"', fr)
    assert re.search(r'href="\.\./\.\./\.\./regions/lanaudiere/" hreflang="fr" class="md-select__link"', en)


def test_footer_speaks_the_page_language(built: Path) -> None:
    fr = _html(built, "regions/lanaudiere")
    en = _html(built, "en/regions/lanaudiere")
    assert "Made with" not in fr and "Made with" not in en
    assert "répertoire public du réseau québécois" in fr and "Confidentialité</a>" in fr
    assert "public directory of Québec" in en and "Privacy</a>" in en


def test_no_resource_from_another_site(built: Path) -> None:
    """No stylesheet, script, font or image is loaded from another origin (links to other
    sites are fine: they are followed only when clicked)."""
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        found = re.findall(
            r'<(?:link|script|img|iframe|source)\b[^>]*(?:src|href)="(?:https?:)?//[^"]*"', html
        )
        found = [tag for tag in found if 'rel="canonical"' not in tag]
        assert not found, f"{page.relative_to(built)}: {found[:3]}"


def test_sample_and_to_confirm_labels(built: Path) -> None:
    fr = _html(built, "regions/lanaudiere")
    en = _html(built, "en/regions/lanaudiere")
    assert "Camille Exemple" in fr and "Exemple fictif" in fr and "À confirmer" in fr
    assert "Sample record" in en and "To be confirmed" in en
    assert "Exemple fictif" not in en


def test_program_page_amounts_and_links(built: Path) -> None:
    fr = _html(built, "programmes/otn")
    en = _html(built, "en/programmes/otn")
    assert "130\u202f000\u202f000\u00a0$" in fr and "$130,000,000" in en
    assert "1er mars 2021" in fr and "March 1, 2021" in en
    assert 'href="../otn-lanaudiere/"' in fr
    assert 'href="../../organisations/meie/"' in fr


def test_privacy_pages_show_the_consent_version_the_form_records(built: Path) -> None:
    version = consent_version()
    assert f"Version du consentement : <strong>{version}</strong>" in _html(built, "confidentialite")
    assert f"Consent version: <strong>{version}</strong>" in _html(built, "en/confidentialite")


def test_form_posts_to_the_configured_api(built: Path) -> None:
    fr = _html(built, "demande")
    assert 'action="https://api.example.org/requests"' in fr
    assert f'value="{consent_version()}"' in fr
    assert '<select id="municipality" name="municipality"' in fr
    for name in ("business_name", "contact_name", "email", "postal_code", "description", "consent"):
        assert f'<label for="{name}"' in fr
    assert 'role="alert"' in fr


def test_programs_index_filters_keep_every_item(built: Path) -> None:
    html = _html(built, "programmes")
    assert html.count(' data-regions="') == 2
    assert 'data-regions="all"' in html and 'data-regions="14"' in html
    assert 'aria-live="polite"' in html


def test_open_data_is_published(built: Path) -> None:
    assert (built / "donnees" / "organizations.json").exists()
    assert (built / "donnees" / "datapackage.json").exists()


def _load_parity_hook():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("parity", REPO / "site_src/hooks/parity.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_missing_translations_lists_each_one_language_page() -> None:
    parity = _load_parity_hook()
    assert parity.missing_translations(
        ["index.fr.md", "index.en.md", "a.fr.md", "b/c.en.md", "d.md", "d.en.md"]
    ) == ["a.md: en missing", "b/c.md: fr missing"]


def test_a_page_in_one_language_fails_the_build(tmp_path: Path) -> None:
    root = _copy_project(tmp_path)
    render_site(fixture_directory(), root)
    write_open_data(fixture_directory(), root, date=dt.date(2026, 11, 24))
    (root / "site_src/docs/nouveau.fr.md").write_text("# Nouveau\n", encoding="utf-8")
    result = _build(root)
    assert result.returncode != 0
    assert "nouveau.md: en missing" in result.stdout + result.stderr


def json_ld(html: str) -> list[dict[str, object]]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    return [json.loads(block) for block in blocks]


def test_every_page_json_ld_has_its_type_and_required_properties(built: Path) -> None:
    """schema.org JSON-LD: an Organization/GovernmentOrganization on each organisation page
    (address, telephone and sameAs when the record has them), a GovernmentService on each
    program page; every block on every page parses."""
    directory = fixture_directory()
    seen: dict[str, set[str]] = {"org": set(), "program": set()}
    for page in sorted(built.rglob("*.html")):
        rel = page.relative_to(built).as_posix()
        blocks = json_ld(page.read_text(encoding="utf-8"))
        parts = rel.removeprefix("en/").split("/")
        if len(parts) == 3 and parts[0] == "organisations":
            org = directory.organisations[parts[1]]
            [data] = blocks
            assert data["@context"] == "https://schema.org"
            assert data["@type"] == (
                "GovernmentOrganization" if org.kind in ("government", "mrc") else "Organization"
            )
            assert data["name"] and data["areaServed"], rel
            if org.address:
                address = data["address"]
                assert isinstance(address, dict) and address["addressLocality"] == org.address.city
            assert data.get("telephone") == org.phone
            assert data.get("sameAs") == ([org.website] if org.website else None)
            seen["org"].add(org.id)
        elif len(parts) == 3 and parts[0] == "programmes":
            program = directory.programs[parts[1]]
            [data] = blocks
            assert data["@type"] == "GovernmentService"
            provider = data["provider"]
            assert isinstance(provider, dict)
            assert provider["name"] in (
                directory.organisations[program.operator].name.fr,
                directory.organisations[program.operator].name.en,
            )
            assert data["name"] and data["areaServed"], rel
            seen["program"].add(program.id)
        else:
            assert blocks == [], f"{rel}: unexpected JSON-LD"
    assert seen["org"] == set(directory.organisations)
    assert seen["program"] == set(directory.programs)


def test_organisation_page_says_what_where_who(built: Path) -> None:
    fr = _html(built, "organisations/sadc-achigan")
    en = _html(built, "en/organisations/sadc-achigan")
    assert "D\u2019Autray, Joliette" in fr  # MRCs served (with the typographic apostrophe)
    assert "Saint-Jacques" in fr
    assert "29 novembre 2026" in fr and "November 29, 2026" in en  # checked on (its sources' latest date)
    assert 'href="../sadc-achigan.vcf"' in fr and 'href="../sadc-achigan.vcf"' in en
    assert (built / "organisations" / "sadc-achigan.vcf").read_bytes().startswith(b"BEGIN:VCARD\r\n")
    assert b"FN:SADC" in (built / "en" / "organisations" / "sadc-achigan.vcf").read_bytes()
    # The ERAC's page lists its programs; the advisors index lists the advisor by region.
    erac = _html(built, "organisations/lanaudiere-economique")
    assert 'href="../../programmes/otn-lanaudiere/"' in erac
    advisors = _html(built, "conseillers")
    assert 'id="lanaudiere"' in advisors and "Camille Exemple" in advisors


def test_program_page_says_whether_it_is_open(built: Path) -> None:
    fr = _html(built, "programmes/otn")
    en = _html(built, "en/programmes/otn")
    assert re.search(r"relais-badge--status-\w+", fr)
    assert any(
        text in fr
        for text in (
            "vous pouvez présenter une demande",
            "pas encore ouvert",
            "n'accepte plus",
            "renseignez-vous",
        )
    )
    assert any(
        text in en for text in ("you can apply", "not yet open", "no longer accepts", "how to take part")
    )


def test_every_script_exists_and_waits_for_the_page(built: Path) -> None:
    """Each page's scripts are files of the site, deferred so the page paints first."""
    site = built
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20, pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
            src = re.search(r'src="([^"]+)"', tag)
            assert src, f"{page}: {tag}"
            path = src.group(1).split("?")[0]
            file = site / path.lstrip("/") if path.startswith("/") else page.parent / path
            assert file.resolve().is_file(), f"{page}: {path} is not in the site"
            assert re.search(r"\b(defer|async)\b", tag), f"{page}: {tag} blocks the page's first paint"
