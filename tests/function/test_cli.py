"""The CLI: python -m functions.route_request "J0K 2R0"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import table_dict

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def table_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("table") / "routing_table.json"
    path.write_text(json.dumps(table_dict()), encoding="utf-8")
    return path


def run(table_file: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "functions.route_request", *args, "--table", str(table_file)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def output(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    return json.loads(result.stdout)


def test_full_code(table_file: Path) -> None:
    result = run(table_file, "j0k2r0")
    assert result.returncode == 0, result.stderr
    out = output(result)
    assert out["status"] == "routed" and out["postal_code"] == "J0K 2R0"
    assert (out["region_code"], out["region"], out["erac"], out["advisor"]) == (
        "14",
        "lanaudiere",
        "erac-lanaudiere",
        "adv-joliette",
    )
    assert "J0K 2R0" in out["reason"]["fr"]


def test_split_fsa_prints_candidates_then_choice_routes(table_file: Path) -> None:
    result = run(table_file, "J0K 1A0")
    assert result.returncode == 0
    assert [c["code"] for c in output(result)["candidates"]] == ["14", "15"]
    chosen = run(table_file, "J0K 1A0", "--region-choice", "15")
    assert output(chosen)["region_code"] == "15"


@pytest.mark.parametrize(
    ("code", "needle"), [("ZZZ", "not a valid"), ("M5V 3L9", "outside Québec"), ("G0A 1A0", "not in")]
)
def test_errors_exit_2(table_file: Path, code: str, needle: str) -> None:
    result = run(table_file, code)
    assert result.returncode == 2 and needle in result.stderr and result.stdout == ""


def test_missing_table_exit_1(tmp_path: Path) -> None:
    result = run(tmp_path / "none.json", "H2X 1Y4")
    assert result.returncode == 1 and "generator build" in result.stderr
