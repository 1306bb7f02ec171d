"""The content-field reference cannot drift from the models (STYLE point 14): the
committed ``docs/content-reference.md`` is what ``python -m generator reference``
writes today, and every field of every model is in it with its description."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator import models
from generator.cli import main
from generator.reference import REFERENCE_PATH, documented_models, reference_text

REPO = Path(__file__).resolve().parents[2]
GUIDES = [REPO / "CONTRIBUTING.md", REPO / "CONTRIBUTING.en.md"]


def content_models() -> list[type[BaseModel]]:
    """Every model defined in generator/models.py, except the shared base."""
    return [
        cls
        for _, cls in inspect.getmembers(models, inspect.isclass)
        if issubclass(cls, models.Model) and cls is not models.Model and cls.__module__ == models.__name__
    ]


def section(text: str, name: str) -> str:
    """The ``## name`` section of the page, up to the next one."""
    match = re.search(rf"^## {name}\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M)
    assert match, f"no section ## {name}"
    return match.group(1)


def test_the_committed_reference_is_the_generated_one() -> None:
    committed = (REPO / REFERENCE_PATH).read_text(encoding="utf-8")
    assert committed == reference_text(), "run: python -m generator reference"


def test_every_model_has_a_section() -> None:
    assert {m.__name__ for m in documented_models()} == {m.__name__ for m in content_models()}
    assert [m.__name__ for m in documented_models()][:4] == ["Region", "Organisation", "Advisor", "Program"]


@pytest.mark.parametrize("model", content_models(), ids=lambda m: m.__name__)
def test_every_field_is_in_its_section_with_its_description(model: type[BaseModel]) -> None:
    body = section(reference_text(), model.__name__)
    for name, field in model.model_fields.items():
        row = next((line for line in body.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, f"{model.__name__}.{name} is not in the reference"
        assert field.description and field.description in row


@pytest.mark.parametrize("model", content_models(), ids=lambda m: m.__name__)
def test_every_field_is_described_in_french_then_english(model: type[BaseModel]) -> None:
    for name, field in model.model_fields.items():
        description = field.description or ""
        french, _, english = description.partition(" — ")
        assert french.strip() and english.strip(), f"{model.__name__}.{name}: « français — English »"


def test_the_schemas_carry_the_descriptions(repo_root: Path) -> None:
    schema = (repo_root / "schemas" / "region.schema.json").read_text(encoding="utf-8")
    assert models.Region.model_fields["code"].description in schema.replace('\\"', '"')


def test_check_passes_on_the_repository(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reference", "--check", "--root", str(REPO)]) == 0
    assert "à jour" in capsys.readouterr().out


def test_check_fails_on_a_stale_page_and_writing_fixes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / REFERENCE_PATH
    page.parent.mkdir()
    page.write_text("# old\n", encoding="utf-8")

    assert main(["reference", "--check", "--root", str(tmp_path), "--lang", "en"]) == 1
    assert "run python -m generator reference" in capsys.readouterr().out
    assert main(["reference", "--root", str(tmp_path)]) == 0
    assert page.read_text(encoding="utf-8") == reference_text()
    assert main(["reference", "--check", "--root", str(tmp_path)]) == 0


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guides_link_to_the_reference(guide: Path) -> None:
    assert "(docs/content-reference.md)" in guide.read_text(encoding="utf-8")


def test_the_committed_network_coverage_is_the_generated_one() -> None:
    """docs/network-coverage.md (ERACs named / 18, real and sample records by region) is
    regenerated with the content: `python -m generator coverage`."""
    assert main(["coverage", "--check", "--root", str(REPO)]) == 0
