"""What `sam build` made (`make sam`, run by `make test` before pytest): the package Lambda
will load, and bytecode only for the runtime's interpreter."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from .test_docs_and_template import _CfnLoader

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "functions" / "route_request"
BUILT = ROOT / ".aws-sam" / "build" / "RouteRequestFunction"
# importlib.util.MAGIC_NUMBER of each CPython the template may name (Lib/importlib/_bootstrap_external.py)
MAGIC = {"3.12": b"\xcb\r\r\n", "3.13": b"\xf3\r\r\n"}


def runtime() -> str:
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CfnLoader)
    return str(template["Resources"]["RouteRequestFunction"]["Properties"]["Runtime"])


def test_the_build_compiles_for_the_templates_runtime() -> None:
    makefile = (SOURCE / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^RUNTIME := (\S+)$", makefile, re.MULTILINE).group(1) == runtime()  # type: ignore[union-attr]


@pytest.fixture
def built() -> Path:
    if not BUILT.is_dir():
        if os.environ.get("RELAIS_SAM_BUILT"):
            pytest.fail("make test ran `sam build`, but .aws-sam/build/RouteRequestFunction is missing")
        pytest.skip("no sam build artefact: run `make sam`")
    return BUILT


def test_the_package_holds_the_function_and_its_routing_table(built: Path) -> None:
    modules = {p.name for p in SOURCE.glob("*.py")}
    assert modules <= {p.name for p in built.glob("*.py")}
    assert (built / "routing_table.json").read_bytes() == (SOURCE / "routing_table.json").read_bytes()
    assert not list(built.glob("test*")) and not (built / "tests").exists()


def test_bytecode_is_for_the_runtime_or_absent(built: Path) -> None:
    """python3.13 → every module has a cpython-313 .pyc with 3.13's magic number; compiled by
    any other Python, Lambda would ignore it and recompile at each cold start."""
    version = runtime().removeprefix("python")
    tag = "cpython-" + version.replace(".", "")
    pycs = list(built.rglob("*.pyc"))
    interpreter = subprocess.run(
        ["make", "-s", "-C", str(SOURCE), "runtime-python"], capture_output=True, text=True, check=True
    ).stdout.strip()
    if not interpreter:  # no python3.13 on this machine: source only, and no wrong bytecode
        assert pycs == []
        return
    assert {p.name.split(".")[-2] for p in pycs} == {tag}
    assert {p.read_bytes()[:4] for p in pycs} == {MAGIC[version]}
    compiled = {p.name.split(".")[0] for p in pycs}
    assert {p.stem for p in built.glob("*.py")} <= compiled
