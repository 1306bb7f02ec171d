"""``scripts/check_links.py`` on a tiny built site."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_links.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_links", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_links"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "regions" / "lanaudiere").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "style.css").write_text("")
    (site / "en").mkdir()
    (site / "en" / "index.html").write_text("<p>English</p>")
    (site / "index.html").write_text(
        "<!doctype html>\n"
        '<link rel="stylesheet" href="assets/style.css">\n'
        '<a href="regions/">Régions</a> <a href="/en/">English</a>\n'
        '<a href="https://www.quebec.ca/">Québec</a> <a href="mailto:info@example.org">m</a>\n'
        '<a href="#contenu">skip</a> <a href="regions/lanaudiere/?q=1#haut">Lanaudière</a>\n'
    )
    (site / "regions" / "index.html").write_text('<a href="lanaudiere/">Lanaudière</a>')
    (site / "regions" / "lanaudiere" / "index.html").write_text(
        '<a href="../../">Accueil</a>\n<img src="../../assets/logo.svg" alt="">\n'
    )
    return site


def test_only_the_broken_link_is_reported(site: Path) -> None:
    check_links = load_script()

    broken = check_links.check_site(site)

    assert [(b.page.as_posix(), b.line, b.url, b.target.as_posix()) for b in broken] == [
        ("regions/lanaudiere/index.html", 2, "../../assets/logo.svg", "assets/logo.svg")
    ]


def test_command_prints_the_broken_link_and_fails(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(site)], capture_output=True, text=True, check=False
    )

    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{site.as_posix()}/regions/lanaudiere/index.html:2: lien brisé « ../../assets/logo.svg » : "
        "assets/logo.svg n'existe pas",
        "1 lien(s) brisé(s) dans 4 page(s).",
    ]


def test_command_in_english_and_clean_site(site: Path) -> None:
    (site / "assets" / "logo.svg").write_text("<svg/>")

    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(site), "--lang", "en"], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0
    assert result.stdout == "0 broken link(s) in 4 page(s).\n"


def test_missing_site_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "nope")], capture_output=True, text=True, check=False
    )

    assert result.returncode == 2
    assert "lancez d'abord make build" in result.stderr
