"""Every Québec forward sortation area belongs to a region, checked against an independent
list: the FSA table that the ``pypostalcode`` package ships (GeoNames data, CC BY 4.0)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pypostalcode.settings
import pytest

from functions.route_request.postal import normalise_postal_code
from functions.route_request.routing import ChooseRegion, RegionFound, resolve_region
from functions.route_request.table import load_table
from generator.load import load_directory
from generator.routing_table import build_routing_table

REPO_ROOT = Path(__file__).resolve().parents[2]
# Canada Post's reserved code for letters to Santa Claus (H0H 0H0): no business there.
NOT_A_PLACE = {"H0H"}

pytestmark = pytest.mark.real_content


def reference_fsas() -> dict[str, set[str]]:
    """Province name → its FSAs, from the package's own database."""
    with sqlite3.connect(pypostalcode.settings.db_location) as db:
        rows = db.execute("SELECT fsa, province FROM PostalCodes").fetchall()
    by_province: dict[str, set[str]] = {}
    for fsa, province in rows:
        by_province.setdefault(province, set()).add(fsa)
    return by_province


@pytest.fixture(scope="module")
def content_fsas() -> set[str]:
    result = load_directory(REPO_ROOT)
    assert result.directory is not None
    return {area.fsa for region in result.directory.regions.values() for area in region.postal_areas}


def test_every_quebec_fsa_of_the_reference_belongs_to_a_region(content_fsas: set[str]) -> None:
    quebec = reference_fsas()["Quebec"] - NOT_A_PLACE
    assert len(quebec) > 400
    assert sorted(quebec - content_fsas) == []


def test_no_fsa_of_another_province_is_claimed(content_fsas: set[str]) -> None:
    elsewhere = set().union(*(fsas for province, fsas in reference_fsas().items() if province != "Quebec"))
    assert sorted(content_fsas & elsewhere) == []


def test_the_function_routes_every_reference_quebec_fsa(tmp_path: Path) -> None:
    # GIVEN the routing table built from the content, as the function ships it
    result = load_directory(REPO_ROOT)
    assert result.directory is not None
    path = tmp_path / "routing_table.json"
    path.write_text(json.dumps(build_routing_table(result.directory)), encoding="utf-8")
    table = load_table(path)
    # THEN a code in each Québec FSA goes to one region, or asks the requester to choose
    for fsa in sorted(reference_fsas()["Quebec"] - NOT_A_PLACE):
        postal = normalise_postal_code(f"{fsa} 1A1")
        assert postal is not None, fsa
        answer = resolve_region(postal, table)
        assert isinstance(answer, RegionFound | ChooseRegion), (fsa, answer)
