"""The territory table's rules: each mistake an editor can make gets its own error at the
right line, and names used by organisations and advisors are checked against the table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import Code
from generator.load import load_directory

GOOD = Path(__file__).resolve().parents[1] / "fixtures" / "content_good"

TERRITORY = """\
id: lanaudiere
region: "15"
mrcs:
  - name: Joliette
    municipalities:
      - {code: "61025", name: Joliette, fsas: [J6E], postal_codes: [J6E 1A1]}
      - {code: "61025", name: Saint-Charles-Borromée, fsas: [J6E]}
  - name: Montcalm
    erac: cld-joliette
    municipalities:
      - {code: "63048", name: Saint-Jacques, fsas: [J0K, J5Z], postal_codes: [J0K 2R0, J5T 1A0]}
      - {code: "63013", name: Saint-Alexis, fsas: [J0K], postal_codes: [J0K 2R0]}
sources:
  - url: https://www.donneesquebec.ca/recherche/dataset/repertoire-des-municipalites-du-quebec
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(GOOD, root)
    (root / "content" / "territory").mkdir()
    (root / "content" / "territory" / "lanaudiere.yaml").write_text(TERRITORY, encoding="utf-8")
    return root


def found(root: Path) -> list[tuple[str, Code]]:
    result = load_directory(root)
    return [(f"{e.path}:{e.line}", e.code) for e in result.errors]


def test_every_territory_mistake_is_reported_at_its_line(tree: Path) -> None:
    t = "content/territory/lanaudiere.yaml"
    assert found(tree) == [
        # the advisor's Joliette is now (wrongly) in region 15
        ("content/advisors/sample-lanaudiere-joliette.yaml:9", Code.PLACE_OUTSIDE_REGIONS),
        (f"{t}:2", Code.TERRITORY_REGION_MISMATCH),
        (f"{t}:7", Code.MUNICIPALITY_CODE_DUPLICATE),
        (f"{t}:9", Code.ERAC_WRONG_KIND),
        (f"{t}:11", Code.MUNICIPALITY_FSA_OUTSIDE_REGION),
        (f"{t}:11", Code.CODE_CONFLICT),
        (f"{t}:11", Code.POSTAL_CODE_OUTSIDE_FSAS),
        (f"{t}:12", Code.CODE_CONFLICT),
    ]


def test_two_mrcs_with_one_code_are_reported_at_the_second(tree: Path) -> None:
    text = TERRITORY.replace("  - name: Joliette\n", '  - name: Joliette\n    code: "610"\n')
    text = text.replace("  - name: Montcalm\n", '  - name: Montcalm\n    code: "610"\n')
    (tree / "content" / "territory" / "lanaudiere.yaml").write_text(text, encoding="utf-8")
    result = load_directory(tree)
    [error] = [e for e in result.errors if e.code is Code.MRC_CODE_DUPLICATE]
    assert (error.path, error.line) == ("content/territory/lanaudiere.yaml", 10)
    assert "content/territory/lanaudiere.yaml:5" in error.render("en")


def test_a_region_postal_area_needs_one_of_its_municipalities(tree: Path) -> None:
    text = TERRITORY.replace('region: "15"', 'region: "14"').replace("fsas: [J0K, J5Z]", "fsas: [J6E]")
    text = text.replace("fsas: [J0K], postal_codes: [J0K 2R0]", "fsas: [J6E]")
    text = text.replace(", postal_codes: [J0K 2R0, J5T 1A0]", "").replace("    erac: cld-joliette\n", "")
    text = text.replace('code: "61025", name: Saint', 'code: "61030", name: Saint')
    (tree / "content" / "territory" / "lanaudiere.yaml").write_text(text, encoding="utf-8")
    assert found(tree) == [("content/regions/lanaudiere.yaml:9", Code.POSTAL_AREA_WITHOUT_MUNICIPALITY)]


def test_served_names_must_exist_and_lie_in_the_declared_regions(tree: Path) -> None:
    (tree / "content" / "territory" / "lanaudiere.yaml").write_text(
        TERRITORY.replace('region: "15"', 'region: "14"')
        .replace(", J5Z]", "]")
        .replace(", J5T 1A0", "")
        .replace("    erac: cld-joliette\n", "")
        .replace('code: "61025", name: Saint', 'code: "61030", name: Saint')
        .replace(", postal_codes: [J0K 2R0]}", "}"),
        encoding="utf-8",
    )
    org = tree / "content" / "organisations" / "cld-joliette.yaml"
    org.write_text(
        org.read_text(encoding="utf-8")
        + "serves:\n  mrcs: [MRC de Joliette, Montcalm]\n  municipalities: [Saint-Jaques]\n",
        encoding="utf-8",
    )
    result = load_directory(tree)
    errors = [(e.line, e.code, list(e.params.get("suggestions", []))) for e in result.errors]
    lines = org.read_text(encoding="utf-8").count("\n")
    assert errors == [
        (lines - 1, Code.UNKNOWN_MRC, ["Joliette"]),
        (lines, Code.UNKNOWN_MUNICIPALITY, ["Saint-Jacques", "Saint-Alexis"]),
    ]
    assert "vouliez-vous dire « Joliette »" in result.errors[0].render("fr")
