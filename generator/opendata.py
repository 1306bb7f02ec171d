"""Open data: the directory and its routing data as CSV and JSON files under
``site_src/docs/donnees/`` (published at ``/donnees/``), described by a Frictionless
``datapackage.json`` (docs/open-data.md).

- The HSDS 3.0 tables of :mod:`generator.hsds` (``organizations``, ``services``,
  ``locations``…), each as ``<stem>.csv`` (HSDS's tabular layout, file names as HSDS
  names them) and ``<stem>.json`` (a JSON array of the same records);
- the routing data of :mod:`generator.routing_data` (``regions``, ``mrcs``,
  ``municipalities``, ``postal_areas``), the last three with the territory table's sources
  and the attribution its licences ask for (MAMH, GeoNames).

``datapackage.json`` lists one resource per file under a unique name (the CSV's is the
table's name, the JSON's adds ``-json``), gives each CSV a Table Schema (types, formats,
required columns, primary key and foreign keys, so ``frictionless validate`` checks that
every link resolves), the licence (CC BY 4.0) and the sources.

CSV cells: lists joined with ``;``, booleans ``true``/``false``, an unknown value an empty
cell. The date of the data is the last git commit touching ``content/`` (or today when git
cannot tell); pass ``date`` for a deterministic export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
from pathlib import Path
from typing import Any

from generator.directory import Directory
from generator.hsds import TABLES, Column, Table, build_hsds
from generator.render import write_if_changed
from generator.routing_data import ROUTING_TABLES, build_routing_data, routing_sources, territory_sources

OUTPUT = Path("site_src") / "docs" / "donnees"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
HSDS_REFERENCE = "https://docs.openreferral.org/en/latest/hsds/schema_reference.html"
ALL_TABLES: tuple[Table, ...] = (*TABLES, *ROUTING_TABLES)
# Tables built from the territory table (content/territory): they carry its sources and the
# attribution its licences ask for (MAMH's Répertoire and GeoNames, both CC BY 4.0).
TERRITORY_TABLES = frozenset({"mrc", "municipality", "postal_area"})
TERRITORY_ATTRIBUTION = (
    "Contains data from the Répertoire des municipalités du Québec, ministère des Affaires "
    "municipales et de l'Habitation (MAMH), Données Québec, CC BY 4.0, and from GeoNames "
    "(full postal codes, CC BY 4.0); compiled by Relais, CC BY 4.0. / Contient des données du "
    "Répertoire des municipalités du Québec (MAMH, Données Québec, CC BY 4.0) et de GeoNames "
    "(CC BY 4.0), compilées par Relais (CC BY 4.0)."
)
_BY_NAME = {table.name: table for table in ALL_TABLES}


def build_records(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """Every table's records by table name: the HSDS tables, then the routing data."""
    return {**build_hsds(directory), **build_routing_data(directory)}


def _csv_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(table: Table, rows: list[dict[str, Any]]) -> str:
    """RFC 4180 CSV (``\\r\\n`` line ends) with the table's column names as header; an
    absent key is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(column.name for column in table.columns)
    for row in rows:
        writer.writerow(_csv_cell(row[c.name]) if c.name in row else "" for c in table.columns)
    return buffer.getvalue()


def data_date(root: Path) -> dt.date:
    """The date of the last commit touching ``root/content``, or today."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", "content"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return dt.date.fromisoformat(out) if out else dt.date.today()
    except (OSError, subprocess.CalledProcessError, ValueError):
        return dt.date.today()


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.format is not None:
        field["format"] = column.format
    if column.required:
        field["constraints"] = {"required": True}
    if column.unique:
        field["constraints"] = {**field.get("constraints", {}), "unique": True}
    if column.name == "id":
        field["constraints"] = {"required": True, "unique": True}
    return field


def table_schema(table: Table) -> dict[str, Any]:
    """The Frictionless Table Schema of ``table``'s CSV."""
    schema: dict[str, Any] = {"fields": [_field(column) for column in table.columns]}
    key = table.columns[0].name
    schema["primaryKey"] = [key]
    foreign = [
        {
            "fields": [c.name],
            "reference": {"resource": c.refers_to, "fields": [_BY_NAME[c.refers_to].columns[0].name]},
        }
        for c in table.columns
        if c.refers_to is not None
    ]
    if foreign:
        schema["foreignKeys"] = foreign
    return schema


def datapackage(date: dt.date, directory: Directory) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor (Frictionless Data Package v1)."""
    resources: list[dict[str, Any]] = []
    for table in ALL_TABLES:
        common: dict[str, Any] = {"title": table.name, "description": table.description}
        if table.hsds:
            common["description"] += f" HSDS 3.0 table `{table.name}`."
        if table.name in TERRITORY_TABLES:
            common["description"] += " " + TERRITORY_ATTRIBUTION
            common["sources"] = territory_sources(directory)
            common["licenses"] = [{**LICENCE, "title": f"{LICENCE['title']}. {TERRITORY_ATTRIBUTION}"}]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.stem}.csv",
                **common,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(table),
            }
        )
        resources.append(
            {
                "name": f"{table.name}-json",
                "path": f"{table.stem}.json",
                **common,
                "profile": "data-resource",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            }
        )
    return {
        "name": "relais",
        "title": "Relais — réseau québécois de soutien à l'innovation / Québec innovation-support network",
        "description": (
            "Organisations, programs, offices and advisors of Québec's innovation-support network as "
            "Open Referral HSDS 3.0 tables, and the routing data (postal area → region → ERAC, "
            "municipality → MRC → region → ERAC). "
            "Records with relais_sample=true are fictitious examples (emails under example.org); "
            "relais_to_confirm=true marks facts not yet confirmed. / Les fiches relais_sample=true "
            "sont des exemples fictifs ; relais_to_confirm=true marque les faits à confirmer."
        ),
        "profile": "data-package",
        "homepage": HSDS_REFERENCE,
        "version": date.isoformat(),
        "created": f"{date.isoformat()}T00:00:00Z",
        "licenses": [LICENCE],
        "sources": routing_sources(directory),
        "keywords": ["HSDS", "Open Referral", "Québec", "innovation", "ERAC"],
        "resources": resources,
    }


def write_open_data(directory: Directory, root: Path, date: dt.date | None = None) -> list[Path]:
    """Write ``<stem>.csv`` and ``<stem>.json`` for each table and ``datapackage.json``
    under ``root/site_src/docs/donnees``; returns the paths."""
    out = root / OUTPUT
    date = date or data_date(root)
    written = []
    records = build_records(directory)
    for table in ALL_TABLES:
        rows = records[table.name]
        for path, text in (
            (out / f"{table.stem}.json", json.dumps(rows, ensure_ascii=False, indent=2) + "\n"),
            (out / f"{table.stem}.csv", to_csv(table, rows)),
        ):
            write_if_changed(path, text)
            written.append(path)
    package = out / "datapackage.json"
    text = json.dumps(datapackage(date, directory), ensure_ascii=False, indent=2) + "\n"
    write_if_changed(package, text)
    written.append(package)
    return written
