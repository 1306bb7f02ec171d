"""Checks an export against the official Open Referral HSDS 3.0 JSON Schemas kept in
tests/data/hsds-3.0 (CC BY-SA 4.0, see its README), independently of the generator's own
column definitions."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "hsds-3.0" / "schema"
BASE = "https://hsds.test/schema/"
HSDS_TABLES = (
    "organization",
    "program",
    "service",
    "location",
    "address",
    "phone",
    "contact",
    "language",
    "service_area",
    "funding",
    "service_at_location",
)
# Every column that links to another table, and the table it links to. A new `*_id` column
# must be added here (test_every_link_column_is_known), so no link goes unchecked.
LINKS = {
    "organization_id": "organization",
    "parent_organization_id": "organization",
    "relais_funder_organization_id": "organization",
    "erac_organization_id": "organization",
    "program_id": "program",
    "service_id": "service",
    "location_id": "location",
    "contact_id": "contact",
    "phone_id": "phone",
    "mrc_id": "mrc",
    "region_code": "region",
    "service_at_location_id": "service_at_location",
}
# The routing tables' keys (readable, not UUIDs): links to them resolve like the others.
ROUTING_KEYS = {"region": "code", "mrc": "id", "municipality": "code", "postal_area": "id"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def spec(table: str) -> dict[str, Any]:
    """The official JSON Schema of one HSDS table."""
    data: dict[str, Any] = json.loads((SCHEMAS / f"{table}.json").read_text(encoding="utf-8"))
    return data


@cache
def validator(table: str) -> Draft202012Validator:
    registry: Registry[Any] = Registry().with_resources(
        (BASE + path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    )
    return Draft202012Validator(
        {"$ref": f"{BASE}{table}.json"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def schema_violations(tables: Mapping[str, list[dict[str, Any]]]) -> list[str]:
    """Every record of every HSDS table checked against the official schema, formats
    (uuid, email, uri) included; one line per violation."""
    found = []
    for table in HSDS_TABLES:
        for record in tables[table]:
            for error in validator(table).iter_errors(record):
                found.append(f"{table} {record.get('relais_id')}: {error.json_path}: {error.message}")
    return found


def shape_violations(tables: Mapping[str, list[dict[str, Any]]]) -> list[str]:
    """No ``null`` anywhere (absent keys instead), ids unique UUID v5, every link resolves."""
    found = []
    ids: dict[str, set[str]] = {}
    for table, records in tables.items():
        key = "id" if table in HSDS_TABLES else ROUTING_KEYS.get(table)
        seen: set[str] = set()
        for record in records:
            found += [
                f"{table} {record.get('relais_id')}: {k} is null" for k, v in record.items() if v is None
            ]
            if key is None:
                continue
            if key != "id" or table not in HSDS_TABLES:
                if record.get(key) in seen:
                    found.append(f"{table}: {key} {record.get(key)} twice")
                seen.add(str(record.get(key)))
                continue
            if not UUID.match(str(record.get("id"))):
                found.append(f"{table} {record.get('relais_id')}: id {record.get('id')} is not a UUID v5")
            if record.get("id") in seen:
                found.append(f"{table}: id {record.get('id')} twice")
            seen.add(str(record.get("id")))
        ids[table] = seen
    for table, records in tables.items():
        for record in records:
            for column, value in record.items():
                if column in LINKS and value not in ids.get(LINKS[column], set()):
                    target = LINKS[column]
                    found.append(
                        f"{table}.{column} of {record.get('relais_id')}: {value} resolves to no {target}"
                    )
    return found
