"""Open data: valid JSON with licence and date, CSV headers, HSDS field names."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from generator.opendata import FIELDS, write_open_data
from tests.site.fixture_directory import fixture_directory

DATE = dt.date(2026, 11, 24)


def _write(tmp_path: Path) -> Path:
    write_open_data(fixture_directory(), tmp_path, date=DATE)
    return tmp_path / "site_src/docs/donnees"


def test_json_files_carry_licence_date_and_records(tmp_path: Path) -> None:
    out = _write(tmp_path)
    for name in FIELDS:
        data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert data["licence"] == "CC-BY-4.0"
        assert data["date"] == "2026-11-24"
        assert isinstance(data[name], list)
        for record in data[name]:
            assert list(record) == list(FIELDS[name])


def test_hsds_fields(tmp_path: Path) -> None:
    out = _write(tmp_path)
    orgs = json.loads((out / "organizations.json").read_text(encoding="utf-8"))["organizations"]
    services = json.loads((out / "services.json").read_text(encoding="utf-8"))["services"]
    locations = json.loads((out / "locations.json").read_text(encoding="utf-8"))["locations"]
    contacts = json.loads((out / "contacts.json").read_text(encoding="utf-8"))["contacts"]
    assert {"id", "name", "description", "email", "website"} <= set(orgs[0])
    project = next(s for s in services if s["id"] == "otn-lanaudiere")
    assert project["organization_id"] == "lanaudiere-economique"
    assert project["status"] == "active" and project["program_id"] == "otn"
    assert locations == [
        {
            "id": "lanaudiere-economique-address",
            "organization_id": "lanaudiere-economique",
            "location_type": "physical",
            "name": "Lanaudière Économique",
            "address_1": "550, rue Montcalm",
            "city": "Joliette",
            "state_province": "QC",
            "postal_code": "J6E 1P5",
            "country": "CA",
        }
    ]
    assert contacts[0]["sample"] is True and contacts[0]["email"].endswith("@example.org")


def test_csv_headers_and_rows(tmp_path: Path) -> None:
    out = _write(tmp_path)
    for name, fields in FIELDS.items():
        with (out / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert tuple(rows[0]) == fields
    with (out / "contacts.csv").open(encoding="utf-8", newline="") as handle:
        contact = next(csv.DictReader(handle))
    assert contact["sample"] == "true" and contact["languages"] == "fr;en"


def test_datapackage_names_licence_and_date(tmp_path: Path) -> None:
    out = _write(tmp_path)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["created"] == "2026-11-24"
    assert {r["path"] for r in package["resources"]} >= {"organizations.json", "services.csv"}


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = _write(tmp_path)
    before = (out / "services.json").stat().st_mtime_ns
    _write(tmp_path)
    assert (out / "services.json").stat().st_mtime_ns == before
