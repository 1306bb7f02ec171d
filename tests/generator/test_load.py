"""load_directory: a valid tree becomes a Directory; every error of every file
comes back, sorted; nothing is built from an invalid tree."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import Code
from generator.load import load_directory


def test_a_valid_tree_becomes_a_directory(good_root: Path) -> None:
    result = load_directory(good_root)
    assert result.errors == []
    directory = result.directory
    assert directory is not None
    assert [r.code for r in directory.regions.values()] == [f"{n:02d}" for n in range(1, 18)]
    assert list(directory.organisations) == sorted(directory.organisations)
    assert list(directory.advisors) == ["dominique-reel", "sample-lanaudiere-joliette"]
    assert list(directory.programs) == ["audit-numerique-lanaudiere", "otn"]
    assert directory.erac_of(directory.regions["lanaudiere"]).id == "erac-lanaudiere"


def test_errors_are_sorted_by_file_then_line(bad_root: Path) -> None:
    errors = load_directory(bad_root).errors
    assert [e.sort_key for e in errors] == sorted(e.sort_key for e in errors)


def _copy(good_root: Path, tmp_path: Path) -> Path:
    shutil.copytree(good_root, tmp_path / "repo")
    return tmp_path / "repo"


def test_one_broken_file_keeps_the_directory_from_being_built(good_root: Path, tmp_path: Path) -> None:
    root = _copy(good_root, tmp_path)
    program = root / "content" / "programs" / "otn.yaml"
    program.write_text(program.read_text(encoding="utf-8").replace("status: ongoing", "status: ouvert"))
    result = load_directory(root)
    assert result.directory is None
    # audit-numerique-lanaudiere's `parent: otn` is not reported: otn.yaml exists, it is just invalid
    assert [(e.where, e.code) for e in result.errors] == [("content/programs/otn.yaml:15:9", Code.BAD_ENUM)]


def test_an_unquoted_region_code_read_as_a_number_gets_a_quoting_hint(
    good_root: Path, tmp_path: Path
) -> None:
    root = _copy(good_root, tmp_path)
    region = root / "content" / "regions" / "outaouais.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace('code: "07"', "code: 07"))
    missing, error = load_directory(root).errors
    assert missing.render("fr").startswith("content/regions: régions manquantes : 07")
    assert error.render("fr") == (
        "content/regions/outaouais.yaml:3:7: code : « 7 » n'est pas une valeur permise\n"
        "  → lu comme un nombre : écrivez '07' entre guillemets ; valeurs permises : "
        "01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12, 13, 14, 15, 16, 17"
    )


def test_an_fsa_in_two_regions_is_fine_when_both_say_shared(good_root: Path, tmp_path: Path) -> None:
    root = _copy(good_root, tmp_path)
    region = root / "content" / "regions" / "laurentides.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace("    shared: true\n", ""))
    errors = load_directory(root).errors
    assert [(e.where, e.code) for e in errors] == [
        ("content/regions/laurentides.yaml:9:10", Code.FSA_CONFLICT)
    ]
    assert errors[0].params["others"] == ["content/regions/lanaudiere.yaml:9"]


def test_a_missing_kind_folder_counts_as_empty(good_root: Path, tmp_path: Path) -> None:
    root = _copy(good_root, tmp_path)
    shutil.rmtree(root / "content" / "programs")
    result = load_directory(root)
    assert result.errors == []
    assert result.directory is not None and result.directory.programs == {}


def test_a_large_tree_is_read_one_file_once(
    good_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Speed itself is measured by `make bench`; here: no file is read twice.
    root = _copy(good_root, tmp_path)
    template = (root / "content" / "programs" / "otn.yaml").read_text(encoding="utf-8")
    for n in range(1500):
        (root / "content" / "programs" / f"p{n}.yaml").write_text(
            template.replace("id: otn", f"id: p{n}"), encoding="utf-8"
        )
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counting(path: Path) -> bytes:
        reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    result = load_directory(root)
    assert result.errors == [] and result.directory is not None
    assert len(result.directory.programs) == 1502
    assert len(reads) == len(set(reads)) == len(list((root / "content").rglob("*.yaml")))


def test_a_plain_string_where_both_languages_are_expected_says_so() -> None:
    from generator.load import load_file
    from generator.models import Organisation

    text = "id: x\nkind: cld\nname: CLD X\nregions: all\nsources:\n  - url: https://x.qc.ca\n"
    _, (error,) = load_file(text, "content/organisations/x.yaml", "organisations", Organisation)
    assert error.render("en") == (
        "content/organisations/x.yaml:3:7: name must be text in both languages (fr: and en:), not text\n"
        "  → write fr: … and en: … indented under the key"
    )
