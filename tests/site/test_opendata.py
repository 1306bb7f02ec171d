"""Open data files: one data-package resource per file with a Table Schema per CSV, the
licence and sources; the routing data says where each postal area's requests go."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

from generator.hsds import record_uuid
from generator.opendata import ALL_TABLES, write_open_data
from generator.routing_table import build_routing_table
from tests.site.fixture_directory import fixture_directory

DATE = dt.date(2026, 11, 24)


def _write(tmp_path: Path) -> Path:
    write_open_data(fixture_directory(), tmp_path, date=DATE)
    return tmp_path / "site_src/docs/donnees"


def test_datapackage_lists_each_file_once_with_a_schema_per_csv(tmp_path: Path) -> None:
    out = _write(tmp_path)
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] == "2026-11-24"
    assert package["sources"] and all(source["title"] for source in package["sources"])
    resources = package["resources"]
    names = [r["name"] for r in resources]
    paths = [r["path"] for r in resources]
    assert len(set(names)) == len(names) and len(set(paths)) == len(paths)
    written = {p.name for p in out.iterdir()} - {"datapackage.json"}
    assert set(paths) == written
    for resource in resources:
        if resource["path"].endswith(".csv"):
            fields = [f["name"] for f in resource["schema"]["fields"]]
            with (out / resource["path"]).open(encoding="utf-8", newline="") as handle:
                assert next(csv.reader(handle)) == fields, resource["name"]
            for key in resource["schema"].get("foreignKeys", []):
                assert key["reference"]["resource"] in names
        else:
            assert isinstance(json.loads((out / resource["path"]).read_text(encoding="utf-8")), list)
    assert {t.name for t in ALL_TABLES} <= set(names)


def test_json_records_have_no_nulls_and_keep_readable_ids(tmp_path: Path) -> None:
    out = _write(tmp_path)
    organizations = json.loads((out / "organizations.json").read_text(encoding="utf-8"))
    sadc = next(o for o in organizations if o["relais_id"] == "sadc-achigan")
    assert sadc["id"] == record_uuid("organization", "sadc-achigan")
    assert "website" not in sadc and "email" not in sadc  # unknown: absent, not null
    assert sadc["relais_to_confirm"] is True
    # no description in the content: HSDS requires one, built from the kind
    assert "Sociétés d'aide au développement des collectivités" in sadc["description"]
    for path in out.glob("*.json"):
        assert "null" not in path.read_text(encoding="utf-8"), path.name


def test_services_link_to_their_program_and_operator(tmp_path: Path) -> None:
    out = _write(tmp_path)
    services = json.loads((out / "services.json").read_text(encoding="utf-8"))
    programs = json.loads((out / "programs.json").read_text(encoding="utf-8"))
    project = next(s for s in services if s["relais_id"] == "otn-lanaudiere")
    assert project["organization_id"] == record_uuid("organization", "lanaudiere-economique")
    assert project["program_id"] == record_uuid("program", "otn")
    assert project["status"] == "active" and project["relais_status"] == "announced"
    assert [p["relais_id"] for p in programs] == ["otn"]
    areas = json.loads((out / "service_areas.json").read_text(encoding="utf-8"))
    assert {(a["relais_id"], a["name"]) for a in areas} == {
        ("otn-all", "Québec"),
        ("otn-lanaudiere-14", "Lanaudière"),
    }


def test_postal_areas_route_like_the_routing_table(tmp_path: Path) -> None:
    out = _write(tmp_path)
    table = build_routing_table(fixture_directory())
    with (out / "postal_areas.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {(r["fsa"], r["region_code"]) for r in rows} == {
        (fsa, code) for fsa, entry in table["fsas"].items() for code in entry["regions"]
    }
    for row in rows:
        erac = table["regions"][row["region_code"]]["erac"]
        assert row["erac_id"] == erac
        assert row["erac_organization_id"] == record_uuid("organization", erac)
    shared = next(r for r in rows if r["fsa"] == "J0K")
    assert shared["shared"] == "true" and shared["municipalities"] == "Saint-Jacques"
    regions = json.loads((out / "regions.json").read_text(encoding="utf-8"))
    assert regions == [
        {
            "code": "14",
            "relais_id": "lanaudiere",
            "name": "Lanaudière",
            "name_en": "Lanaudière",
            "erac_id": "lanaudiere-economique",
            "erac_organization_id": record_uuid("organization", "lanaudiere-economique"),
            "erac_name": "Lanaudière Économique",
        }
    ]


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = _write(tmp_path)
    before = (out / "services.json").stat().st_mtime_ns
    _write(tmp_path)
    assert (out / "services.json").stat().st_mtime_ns == before


def test_about_pages_link_every_file_and_claim_what_the_tests_check() -> None:
    """The About page's open-data list is every exported file; its claims are those
    tests/opendata and `make opendata-check` prove (HSDS 3.0 schemas, UUIDs, links,
    Frictionless)."""
    docs = Path(__file__).resolve().parents[2] / "site_src" / "docs"
    for page, claims in (
        ("a-propos.fr.md", ("HSDS) 3.0", "schémas JSON", "UUID stable", "Frictionless")),
        ("a-propos.en.md", ("HSDS) 3.0", "JSON Schemas", "stable UUID", "Frictionless")),
    ):
        text = " ".join((docs / page).read_text(encoding="utf-8").split())
        linked = set(re.findall(r'href="(?:\.\./)+donnees/([a-z_]+\.(?:csv|json))"', text))
        expected = {f"{t.stem}.{ext}" for t in ALL_TABLES for ext in ("csv", "json")} | {"datapackage.json"}
        assert linked == expected, (page, linked ^ expected)
        for claim in claims:
            assert claim in text, (page, claim)
