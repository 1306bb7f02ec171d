"""``python -m generator``: exit 0 when content is valid, 1 with every error
when it is not, 3 with a traceback when the generator itself is broken."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cli

REPO_ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_validate_a_valid_tree_exits_0_with_a_summary(good_root: Path) -> None:
    done = run("validate", "--root", str(good_root))
    assert (done.returncode, done.stdout) == (
        0,
        "Contenu valide : 17 régions, 19 organismes, 2 conseillers, 2 programmes\n"
        "Réseau : 1/18 ERAC nommées d'après une source ; organismes 3 réels, 16 exemples ; "
        "conseillers 1 réels, 1 exemples\n",
    )


def test_validate_in_english(good_root: Path) -> None:
    done = run("validate", "--lang", "en", "--root", str(good_root))
    assert done.stdout == (
        "Content valid: 17 regions, 19 organisations, 2 advisors, 2 programs\n"
        "Network: 1/18 ERACs named from a source; organisations 3 real, 16 samples; "
        "advisors 1 real, 1 samples\n"
    )


def test_validate_a_bad_tree_exits_1_with_every_error_then_the_count(bad_root: Path) -> None:
    done = run("validate", "--root", str(bad_root))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("content/advisors/bad-values.yaml:5:17: serves.fsas[0] : « j6e »")
    assert lines[1].startswith("  → ")
    assert lines[-1] == "69 erreur(s)"
    assert run("validate", "--lang", "en", "--root", str(bad_root)).stdout.splitlines()[-1] == "69 error(s)"


def test_validate_without_a_content_folder_exits_1(tmp_path: Path) -> None:
    done = run("validate", "--root", str(tmp_path))
    assert done.returncode == 1
    assert "content/" in done.stderr


def test_a_bug_exits_3_with_a_traceback(good_root: Path) -> None:
    code = (
        "import sys, generator.load as load\n"
        "def boom(root): raise RuntimeError('boom')\n"
        "load.load_directory = boom\n"
        "from generator.cli import main\n"
        f"sys.exit(main(['validate', '--root', {str(good_root)!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 3
    assert "Traceback" in done.stderr and "RuntimeError: boom" in done.stderr
    assert "bogue du générateur" in done.stderr


def test_an_unknown_command_is_a_usage_error() -> None:
    assert run("frobnicate").returncode == 2


def test_build_writes_the_routing_table_pages_and_open_data(
    good_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(good_root, root)
    assert cli.main(["build", "--root", str(root)]) == 0
    table = json.loads((root / "functions" / "route_request" / "routing_table.json").read_text("utf-8"))
    assert table["codes"] == {"J0K 2R0": "14"}
    docs = root / "site_src" / "docs"
    assert (docs / "regions" / "lanaudiere.fr.md").is_file()
    assert (docs / "regions" / "lanaudiere.en.md").is_file()
    assert (docs / "donnees" / "organizations.json").is_file()
    assert "écrit : functions/route_request/routing_table.json" in capsys.readouterr().out


def test_build_stops_at_a_content_error(bad_root: Path, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(bad_root, root)
    assert cli.main(["build", "--root", str(root)]) == 1
    assert not (root / "functions").exists()


def test_schemas_check_passes_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schemas", "--check", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "schemas up to date (5 files)\n"


def test_schemas_check_fails_when_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schemas", "--check", "--root", str(tmp_path), "--lang", "en"]) == 1
    assert "schemas/region.schema.json is out of date" in capsys.readouterr().out
    assert cli.main(["schemas", "--root", str(tmp_path)]) == 0
    assert cli.main(["schemas", "--check", "--root", str(tmp_path)]) == 0
