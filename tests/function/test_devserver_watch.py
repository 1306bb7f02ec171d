"""`make dev` rebuilds the site when content changes, and a broken edit breaks nothing."""

from __future__ import annotations

import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from devserver.watch import build_site, is_source, sources

from .helpers import copy_project, running_devserver

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_generated_pages_are_not_sources(project: Path) -> None:
    ok, output = build_site(project, project / "site")
    assert ok, output
    found = {p.relative_to(project).as_posix() for p in sources(project)}
    assert "content/regions/lanaudiere.yaml" in found
    assert "site_src/docs/demande.fr.md" in found
    generated = ("regions/", "donnees/", "conseillers/", "codes-postaux/", "assets/generated/")
    assert not any(p.startswith(tuple(f"site_src/docs/{g}" for g in generated)) for p in found)
    assert all(is_source(project, project / p) for p in found)
    # an editor's swap file beside a content file is not something the build reads
    assert not is_source(project, project / "content" / "regions" / ".lanaudiere.yaml.swp")


@pytest.fixture
def served(project: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    site = project / "site"
    ok, output = build_site(project, site)
    assert ok, output
    table = project / "functions" / "route_request" / "routing_table.json"
    with running_devserver(site, project / "var", table, "--watch", str(project)) as (url, proc):
        assert proc.stdout is not None
        # the fast path loads the content and mkdocs' state, then says so
        while "devserver: fast preview ready" not in (line := proc.stdout.readline()):
            assert line, "devserver ended before its fast preview was ready"
        yield url, project, proc


def page(url: str, path: str = "regions/lanaudiere/") -> str:
    try:
        with urllib.request.urlopen(f"{url}{path}") as answer:
            return str(answer.read().decode("utf-8"))
    except urllib.error.HTTPError:
        return ""


def stderr_of(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    return proc.communicate(timeout=10)[1]


# A full site build takes about 40 s on a loaded 2-core machine with the real network's ~300
# organisations (measured 2026-11-29): the window covers a rebuild, not a speed target.
def wait_for(condition: object, seconds: float = 180) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.5)
    return False


def test_a_content_edit_shows_without_a_restart_and_a_broken_one_breaks_nothing(
    served: tuple[str, Path, subprocess.Popen[str]],
) -> None:
    url, project, proc = served
    region = project / "content" / "regions" / "lanaudiere.yaml"
    original = region.read_text(encoding="utf-8")
    # WHEN an editor changes the region's French summary
    region.write_text(
        original.replace("Région administrative 14 du Québec", "Région 14, texte modifié"), "utf-8"
    )
    # THEN the page shows it, with the server still running
    assert wait_for(lambda: "Région 14, texte modifié" in page(url)), stderr_of(proc)
    # WHEN the next edit breaks the file
    region.write_text(original.replace('code: "14"', "code: [14"), encoding="utf-8")
    time.sleep(3)  # an update attempt happens and fails
    # THEN the last good site is still served, the edit is still on disk, the server lives
    assert "Région 14, texte modifié" in page(url)
    assert "code: [14" in region.read_text(encoding="utf-8")
    assert proc.poll() is None
    # WHEN the editor fixes it
    region.write_text(original.replace("Région administrative 14 du Québec", "Région 14, corrigé"), "utf-8")
    assert wait_for(lambda: "Région 14, corrigé" in page(url)), stderr_of(proc)
    # AND adds an organisation (a new page, new links: beyond the fast path)
    added = new_organisation(project)
    # THEN the whole site is rebuilt and the new page is served
    assert wait_for(lambda: "Organisme ajouté pour le test" in page(url, f"organisations/{added}/"))
    assert "Région 14, corrigé" in page(url)
    log = stderr_of(proc)
    # the first edit and the fix took the fast path; the broken one was reported at its line
    assert log.count("file(s) updated in") >= 2, log
    assert "content/regions/lanaudiere.yaml:" in log, log
    assert "rebuilding the whole site" in log, log


def new_organisation(project: Path) -> str:
    """Write a new regional organisation (a copy of an existing one under a new id and name)."""
    folder = project / "content" / "organisations"
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data["kind"] != "erac" and data["regions"] != "all":
            break
    data.pop("website", None)  # one organisation per website (generator/checks.py)
    data["id"] = "organisme-ajoute-test"
    data["name"] = {"fr": "Organisme ajouté pour le test", "en": "Organisation added for the test"}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "organisme-ajoute-test.yaml").write_text(text, encoding="utf-8")
    return str(data["id"])
