"""Open data: the Directory as JSON and CSV files under ``site_src/docs/donnees/``
(published at ``/donnees/``), shaped after the Open Referral Human Services Data
Specification (HSDS 3.0): ``organizations``, ``services`` (our programs),
``locations`` (organisations' addresses), ``contacts`` (advisors; samples flagged
``sample: true``), plus ``regions`` and a Frictionless ``datapackage.json`` with
the licence (CC BY 4.0) and the date of the data.

HSDS fields are single-language; French is the reference, so ``name`` and
``description`` are French and ``name_en`` / ``description_en`` extend the
records with the English text.

The date of the data is the last git commit touching ``content/`` (or today when
git cannot tell); pass ``date`` for a deterministic export.
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
from generator.models import Program
from generator.render import write_if_changed
from generator.vocab import ProgramStatus

OUTPUT = Path("site_src") / "docs" / "donnees"
LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
HSDS_PROFILE = "https://docs.openreferral.org/en/latest/hsds/schema_reference.html"

# Column order of each CSV (and key order of each JSON record).
FIELDS: dict[str, tuple[str, ...]] = {
    "organizations": (
        "id",
        "name",
        "name_en",
        "description",
        "description_en",
        "email",
        "website",
        "phone",
        "kind",
        "regions",
        "to_confirm",
        "sample",
    ),
    "services": (
        "id",
        "organization_id",
        "name",
        "name_en",
        "description",
        "description_en",
        "url",
        "status",
        "relais_status",
        "program_id",
        "funders",
        "kinds",
        "audiences",
        "regions",
        "amounts",
    ),
    "locations": (
        "id",
        "organization_id",
        "location_type",
        "name",
        "address_1",
        "city",
        "state_province",
        "postal_code",
        "country",
    ),
    "contacts": (
        "id",
        "organization_id",
        "name",
        "title",
        "title_en",
        "email",
        "phone",
        "region",
        "service_area",
        "languages",
        "sample",
    ),
    "regions": ("id", "code", "name", "name_en", "erac_organization_id", "fsas"),
}

# HSDS service.status is one of active | inactive | defunct | temporarily closed.
_SERVICE_STATUS = {
    ProgramStatus.OPEN: "active",
    ProgramStatus.ONGOING: "active",
    ProgramStatus.ANNOUNCED: "active",
    ProgramStatus.CLOSED: "inactive",
    ProgramStatus.COMPLETED: "inactive",
    ProgramStatus.PERIOD_ENDED: "inactive",
}


def _regions(value: object) -> list[str] | str:
    return "all" if value == "all" else sorted(str(v) for v in value)  # type: ignore[attr-defined]


def _service(program: Program) -> dict[str, Any]:
    return {
        "id": program.id,
        "organization_id": program.operator,
        "name": program.name.fr,
        "name_en": program.name.en,
        "description": program.summary.fr,
        "description_en": program.summary.en,
        "url": program.website,
        "status": _SERVICE_STATUS[program.status],
        "relais_status": program.status.value,
        "program_id": program.parent,
        "funders": list(program.funders),
        "kinds": [k.value for k in program.kinds],
        "audiences": [a.value for a in program.audiences],
        "regions": _regions(program.regions),
        "amounts": [
            {"label": a.label.fr, "label_en": a.label.en, "amount": a.amount, "per_year": a.per_year}
            for a in program.amounts
        ],
    }


def build_records(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """Every export's records, sorted by id, keys in :data:`FIELDS` order."""
    organizations = [
        {
            "id": o.id,
            "name": o.name.fr,
            "name_en": o.name.en,
            "description": o.description.fr if o.description else None,
            "description_en": o.description.en if o.description else None,
            "email": o.email,
            "website": o.website,
            "phone": o.phone,
            "kind": o.kind.value,
            "regions": _regions(o.regions),
            "to_confirm": o.to_confirm,
            "sample": o.sample,
        }
        for o in directory.organisations.values()
    ]
    locations = [
        {
            "id": f"{o.id}-address",
            "organization_id": o.id,
            "location_type": "physical",
            "name": o.name.fr,
            "address_1": o.address.street,
            "city": o.address.city,
            "state_province": o.address.province,
            "postal_code": o.address.postal_code,
            "country": "CA",
        }
        for o in directory.organisations.values()
        if o.address is not None
    ]
    contacts = [
        {
            "id": a.id,
            "organization_id": a.organisation,
            "name": a.name,
            "title": a.title.fr if a.title else None,
            "title_en": a.title.en if a.title else None,
            "email": a.email,
            "phone": a.phone,
            "region": a.region.value,
            "service_area": [*a.serves.fsas, *a.serves.municipalities],
            "languages": [lang.value for lang in a.languages],
            "sample": a.sample,
        }
        for a in directory.advisors.values()
    ]
    regions = [
        {
            "id": r.id,
            "code": r.code.value,
            "name": r.name.fr,
            "name_en": r.name.en,
            "erac_organization_id": r.erac,
            "fsas": sorted(a.fsa for a in r.postal_areas),
        }
        for r in directory.regions.values()
    ]
    records = {
        "organizations": organizations,
        "services": [_service(p) for p in directory.programs.values()],
        "locations": locations,
        "contacts": contacts,
        "regions": regions,
    }
    return {name: sorted(rows, key=lambda r: str(r["id"])) for name, rows in records.items()}


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return ";".join(str(v) for v in value)
    return str(value)


def to_csv(name: str, rows: list[dict[str, Any]]) -> str:
    """RFC 4180 CSV (``\\r\\n`` line ends) with the :data:`FIELDS` header; lists
    joined with ``;``, amounts as JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS[name])
    for row in rows:
        writer.writerow([_csv_cell(row[field]) for field in FIELDS[name]])
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


def datapackage(date: dt.date) -> dict[str, Any]:
    return {
        "name": "relais",
        "title": "Relais — réseau québécois de soutien à l'innovation / Québec innovation-support network",
        "profile": "data-package",
        "hsds_version": "3.0",
        "hsds_reference": HSDS_PROFILE,
        "licenses": [LICENCE],
        "created": date.isoformat(),
        "version": date.isoformat(),
        "notes": (
            "Records flagged sample=true are fictitious examples (emails under example.org); "
            "to_confirm=true marks facts not yet confirmed. / Les fiches sample=true sont des "
            "exemples fictifs; to_confirm=true marque les faits à confirmer."
        ),
        "resources": [
            {"name": name, "path": f"{name}.{ext}", "format": ext}
            for name in FIELDS
            for ext in ("json", "csv")
        ],
    }


def write_open_data(directory: Directory, root: Path, date: dt.date | None = None) -> list[Path]:
    """Write ``<name>.json`` and ``<name>.csv`` for each export and
    ``datapackage.json`` under ``root/site_src/docs/donnees``; returns the paths."""
    out = root / OUTPUT
    date = date or data_date(root)
    written = []
    for name, rows in build_records(directory).items():
        payload = {"licence": LICENCE["name"], "date": date.isoformat(), name: rows}
        for path, text in (
            (out / f"{name}.json", json.dumps(payload, ensure_ascii=False, indent=2) + "\n"),
            (out / f"{name}.csv", to_csv(name, rows)),
        ):
            write_if_changed(path, text)
            written.append(path)
    package = out / "datapackage.json"
    write_if_changed(package, json.dumps(datapackage(date), ensure_ascii=False, indent=2) + "\n")
    written.append(package)
    return written
