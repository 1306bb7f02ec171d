"""The HSDS export validates against the official Open Referral HSDS 3.0 JSON Schemas, every
link resolves, ids are stable UUIDs: for the real content, the fixture, every optional field
the models allow, and the synthetic 10× content (benchmarks/synthetic.py)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pydantic import BaseModel

from benchmarks.synthetic import make_synthetic_tree
from generator.directory import Directory
from generator.hsds import TABLES, record_uuid
from generator.load import load_directory
from generator.models import Address, Dates, ServiceArea, Territory, Text
from generator.opendata import ALL_TABLES, build_records, write_open_data
from tests.opendata.hsds_check import HSDS_TABLES, LINKS, schema_violations, shape_violations, spec
from tests.site.fixture_directory import fixture_directory

ROOT = Path(__file__).resolve().parents[2]


def _violations(directory: Directory) -> list[str]:
    records = build_records(directory)
    return schema_violations(records) + shape_violations(records)


M = TypeVar("M", bound=BaseModel)


def _with(model: M, update: dict[str, Any]) -> M:
    """``model`` with ``update`` applied, validated again (enums and dates parsed)."""
    return type(model).model_validate({**model.model_dump(), **update})


def every_optional_field() -> Directory:
    """The fixture with each optional field filled somewhere and left out elsewhere."""
    base = fixture_directory()
    erac = base.organisations["lanaudiere-economique"]
    sadc = base.organisations["sadc-achigan"]
    advisor = base.advisors["sample-lanaudiere-joliette"]
    project = base.programs["otn-lanaudiere"]
    organisations = {
        **base.organisations,
        "lanaudiere-economique": _with(erac, {"phone": "450 365-9218 p. 201"}),
        "sadc-achigan": _with(
            sadc,
            {
                "address": Address(city="Joliette"),
                "phone": "1 (450) 759-1234 poste 12",
                "email": "info@sadc.example.org",
                "serves": Territory(mrcs=["Joliette"], municipalities=["Saint-Jacques"]),
                "sample": True,
            },
        ),
    }
    advisors = {
        **base.advisors,
        "sample-lanaudiere-joliette": _with(advisor, {"phone": "450 759-1234 ext. 7"}),
        "sample-minimal": _with(
            advisor,
            {
                "id": "sample-minimal",
                "title": None,
                "expertise": [],
                "serves": ServiceArea(municipalities=["Rawdon"]),
                "languages": ["fr"],
                "email": "minimal@example.org",
            },
        ),
    }
    programs = {
        **base.programs,
        "otn-lanaudiere": _with(
            project,
            {
                "funders": ["meie", "sadc-achigan"],
                "website": "https://www.quebec.ca/otn/lanaudiere",
                "dates": Dates(announced=dt.date(2022, 4, 20), start=dt.date(2022, 5, 1)),
                "regions": ["14", "15"],
                "status": "closed",
            },
        ),
        "sadc-minimal": _with(
            project,
            {
                "id": "sadc-minimal",
                "operator": "sadc-achigan",
                "parent": None,
                "amounts": [],
                "name": Text(fr="Minimal", en="Minimal"),
            },
        ),
    }
    region = base.regions["lanaudiere"]
    laurentides = region.model_copy(
        update={"id": "laurentides", "code": "15", "name": Text(fr="Laurentides", en="Laurentides")}
    )
    return Directory(
        regions={"lanaudiere": region, "laurentides": laurentides},
        organisations=dict(sorted(organisations.items())),
        advisors=advisors,
        programs=programs,
    )


def test_fixture_export_is_valid_hsds() -> None:
    assert _violations(fixture_directory()) == []


def test_every_optional_field_is_valid_hsds() -> None:
    directory = every_optional_field()
    assert _violations(directory) == []
    records = build_records(directory)
    # each related table has records, so each is checked
    assert all(records[table] for table in HSDS_TABLES), [t for t in HSDS_TABLES if not records[t]]
    phones = {p["relais_id"]: p for p in records["phone"]}
    assert phones["sadc-achigan-phone"]["number"] == "1 (450) 759-1234"
    assert phones["sadc-achigan-phone"]["extension"] == 12
    assert "extension" not in phones["meie-phone"] if "meie-phone" in phones else True
    location = next(r for r in records["location"] if r["relais_id"] == "sadc-achigan-office")
    assert location["relais_city"] == "Joliette" and "address_1" not in location
    assert {a["relais_id"] for a in records["address"]} == {"lanaudiere-economique-address"}
    languages = {(lang["code"], lang["name"]) for lang in records["language"]}
    assert languages == {("fr", "French"), ("en", "English")}


@pytest.mark.real_content
def test_content_export_is_valid_hsds(repo_root: Path) -> None:
    result = load_directory(repo_root)
    assert result.directory is not None, result.errors[:3]
    assert _violations(result.directory) == []


@pytest.mark.real_content
def test_ten_times_content_export_is_valid_hsds(tmp_path: Path) -> None:
    counts = make_synthetic_tree(ROOT, tmp_path, 10)
    result = load_directory(tmp_path)
    assert result.directory is not None, result.errors[:3]
    records = build_records(result.directory)
    assert len(records["organization"]) == counts["organisations"] >= 300
    assert len(records["service"]) == counts["programs"]
    assert len(records["contact"]) == counts["advisors"]
    assert schema_violations(records) + shape_violations(records) == []


def test_the_checks_catch_each_kind_of_violation() -> None:
    records = build_records(fixture_directory())
    assert schema_violations(records) + shape_violations(records) == []
    cases: list[tuple[str, str, Any, str]] = [
        ("organization", "website", None, "is null"),
        ("organization", "id", "lanaudiere-economique", "is not a 'uuid'"),
        ("service", "status", "open", "is not one of"),
        ("service", "organization_id", record_uuid("organization", "nobody"), "resolves to no organization"),
        ("contact", "email", "not-an-email", "is not a 'email'"),
        ("service", "url", "not a uri", "is not a 'uri'"),
    ]
    for table, column, value, message in cases:
        broken = copy.deepcopy(records)
        broken[table][0][column] = value
        found = schema_violations(broken) + shape_violations(broken)
        assert any(message in line for line in found), (table, column, found)
    broken = copy.deepcopy(records)
    del broken["organization"][0]["description"]
    assert any("'description' is a required property" in line for line in schema_violations(broken))


def test_ids_are_uuid5_of_table_and_readable_id() -> None:
    # Fixed forever: changing the namespace or the recipe would break every consumer's links.
    assert record_uuid("organization", "lanaudiere-economique") == "7df416ab-b5a0-585e-a660-92c6fde1d5cf"
    records = build_records(fixture_directory())
    erac = next(r for r in records["organization"] if r["relais_id"] == "lanaudiere-economique")
    assert erac["id"] == record_uuid("organization", "lanaudiere-economique")
    assert build_records(fixture_directory()) == records


def test_every_link_column_is_known() -> None:
    for table in ALL_TABLES:
        for column in table.columns:
            if column.name.endswith("_id") and column.name != "relais_id" and column.name != "erac_id":
                assert column.name in LINKS, (table.name, column.name)
                if column.format == "uuid":
                    assert column.refers_to == LINKS[column.name], (table.name, column.name)


def test_hsds_columns_match_the_specification() -> None:
    """Our CSV columns with HSDS names have the spec's type and format, and every column
    the spec requires is there and required."""
    assert {t.name for t in TABLES} == set(HSDS_TABLES)
    for table in TABLES:
        official = spec(table.name)
        assert table.stem + ".csv" == official["path"], table.name
        ours = {c.name: c for c in table.columns}
        for name, column in ours.items():
            if name.startswith("relais_"):
                continue
            assert name in official["properties"], (table.name, name)
            prop = official["properties"][name]
            assert column.type == prop["type"], (table.name, name)
            assert column.format == prop.get("format"), (table.name, name)
        for name in official.get("required", []):
            assert name in ours and ours[name].required, (table.name, name)


def test_csv_and_json_hold_the_same_records(tmp_path: Path) -> None:
    directory = every_optional_field()
    write_open_data(directory, tmp_path, date=dt.date(2026, 11, 29))
    out = tmp_path / "site_src" / "docs" / "donnees"
    for table in ALL_TABLES:
        rows = json.loads((out / f"{table.stem}.json").read_text(encoding="utf-8"))
        with (out / f"{table.stem}.csv").open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [c.name for c in table.columns]
            cells = list(reader)
        assert len(cells) == len(rows), table.name
        for row, cell in zip(rows, cells, strict=True):
            assert {k: v for k, v in cell.items() if v} == {
                k: ("true" if v is True else "false" if v is False else str(v)) for k, v in row.items()
            }
