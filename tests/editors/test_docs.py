"""The editors' guides cannot drift from the tools (STYLE point 14): every command is
documented, and the sessions and error messages the guides quote are the ones the
tools print today."""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import scaffold
from generator.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
GUIDES = {"fr": REPO / "CONTRIBUTING.md", "en": REPO / "CONTRIBUTING.en.md"}


def subcommands() -> list[str]:
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(actions[0].choices)


def test_the_cli_has_the_editors_commands() -> None:
    assert {"validate", "build", "schemas", "new", "routing-diff"} <= set(subcommands())


@pytest.mark.parametrize("command", subcommands())
def test_every_command_is_documented(command: str) -> None:
    documented = (REPO / "CONTRIBUTING.md").read_text() + (REPO / "README.md").read_text()
    assert f"python -m generator {command}" in documented


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_command_is_in_both_guides(lang: str) -> None:
    guide = GUIDES[lang].read_text()
    for command in subcommands():
        assert f"python -m generator {command}" in guide, f"{GUIDES[lang].name}: {command}"


def test_the_guides_link_to_each_other() -> None:
    assert "(CONTRIBUTING.en.md)" in GUIDES["fr"].read_text()
    assert "(CONTRIBUTING.md)" in GUIDES["en"].read_text()


# --- the "add a program" session --------------------------------------------------------

SESSION = [
    "Essor Numérique",
    "essor-numerique-lanaudiere",
    "Essor numérique Lanaudière",
    "Digital Growth Lanaudière",
    "Accompagnement des PME de Lanaudière dans leur virage numérique.",
    "Support for Lanaudière SMEs going digital.",
    "lanaudiere-economique",
    "coaching, grant",
    "sme, manufacturers",
    "14",
    "",
    "https://www.lanaudiere-economique.com/",
]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_quoted_new_program_session_is_what_the_tool_prints(tmp_path: Path, lang: str) -> None:
    organisations = tmp_path / "content" / "organisations"
    organisations.mkdir(parents=True)
    (organisations / "lanaudiere-economique.yaml").write_text(
        "id: lanaudiere-economique\nemail: a@example.org\n"
    )
    out = io.StringIO()
    args = argparse.Namespace(kind="program", lang=lang, root=tmp_path, answers=None)

    assert scaffold.run(args, stdin=io.StringIO("\n".join(SESSION) + "\n"), stdout=out) == 0
    guide = GUIDES[lang].read_text()
    for line in out.getvalue().splitlines():
        assert "   " + line.rstrip() in guide, line


# --- the "fix a failed check" errors ----------------------------------------------------


def broken_record(guide: str) -> str:
    """The advisor file the guide shows with mistakes (its first YAML block with `langages:`)."""
    blocks = re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)
    return next(block for block in blocks if "langages:" in block)


def validate(root: Path, lang: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--root", str(root), "--lang", lang],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    # the location lines and the count; hints quote live content lists (suggestions,
    # a region's FSAs) that may grow, so they are not compared
    return [line for line in result.stdout.splitlines() if not line.startswith("  → ")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_quoted_validator_errors_are_what_it_prints(tmp_path: Path, lang: str) -> None:
    guide = GUIDES[lang].read_text()
    shutil.copytree(REPO / "content", tmp_path / "content")
    record = tmp_path / "content" / "advisors" / "sample-guide-joliette.yaml"
    record.write_text(broken_record(guide))

    first = validate(tmp_path, lang)
    record.write_text(broken_record(guide).replace("j0k", "J0K").replace("langages:", "languages:"))
    second = validate(tmp_path, lang)

    for line in first + second:
        assert line in guide, line
    assert len(first) == 4 and len(second) == 3
