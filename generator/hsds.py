"""The directory as Open Referral HSDS 3.0 tables (Human Services Data Specification,
https://docs.openreferral.org/en/latest/hsds/schema_reference.html).

Rules, in order:

1. Each HSDS table of :data:`TABLES` holds the columns HSDS 3.0 defines that our content can
   fill, then our own columns, all prefixed ``relais_`` (HSDS allows extra fields).
2. Every ``id`` is a UUID version 5, computed from the table name and the record's readable
   id: ``uuid5(NAMESPACE, "<table>/<relais_id>")``. The same content always gives the same
   ids, from one build to the next and on anyone's machine; ``relais_id`` keeps the readable
   id (the content file's name, or a name derived from it).
3. A value we do not know is an absent key (an empty CSV cell), never ``null``.
4. Links between tables (``organization_id``, ``program_id``…) hold the UUID of a record of
   the table :attr:`Column.refers_to` names; :func:`dangling_links` lists any that do not.
5. HSDS text fields are single-language: French is the reference, so ``name`` and
   ``description`` are French and ``relais_name_en`` / ``relais_description_en`` carry the
   English text.

How our content maps: organisations → ``organization``; programs → ``service``, and a
program that others name as their ``parent`` is also a ``program`` (HSDS's group of
services); an organisation's address → ``location`` + ``address`` (HSDS requires a street and
a postal code: a city alone stays on the location as ``relais_city``); phone numbers →
``phone`` (extension apart); advisors → ``contact`` of their employer, their languages on
``language`` when they have a phone (HSDS links languages to phones, services and locations,
not contacts) and in ``relais_languages`` always; a program's regions → ``service_area``; its
funders → ``funding``; a program is ``service_at_location`` at its operator's location when
the operator has one (the office where it is reached).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from generator.directory import Directory
from generator.models import Advisor, Organisation, Program, Region
from generator.render.labels import ORGANISATION_KINDS
from generator.vocab import Language, ProgramStatus

# uuid5(NAMESPACE_URL, "urn:relais:hsds"): fixed forever, so ids never change.
NAMESPACE = uuid.UUID("f8e4fc08-a408-5c2a-a9fc-123a9553242f")

# HSDS service.status is one of active | inactive | defunct | temporarily closed.
SERVICE_STATUS = {
    ProgramStatus.OPEN: "active",
    ProgramStatus.ONGOING: "active",
    ProgramStatus.ANNOUNCED: "active",
    ProgramStatus.CLOSED: "inactive",
    ProgramStatus.COMPLETED: "inactive",
    ProgramStatus.PERIOD_ENDED: "inactive",
}

LANGUAGE_NAMES = {Language.FR: "French", Language.EN: "English"}


@dataclass(frozen=True)
class Column:
    """One column of an export: its Table Schema ``type`` and ``format``, whether every
    record has it, and the table whose ``id`` it holds when it is a link."""

    name: str
    description: str
    type: str = "string"
    format: str | None = None
    required: bool = False
    refers_to: str | None = None
    unique: bool = False  # no two records share a value (beyond the first column, the key)


@dataclass(frozen=True)
class Table:
    """An export: its name (HSDS's table name), its file stem and its columns."""

    name: str
    stem: str
    description: str
    columns: tuple[Column, ...]
    hsds: bool = True


def _id(table: str) -> Column:
    return Column(
        "id",
        f"UUID v5 of the {table} (uuid5(NAMESPACE, '{table}/<relais_id>')).",
        format="uuid",
        required=True,
    )


def _link(name: str, table: str, required: bool = False) -> Column:
    return Column(
        name,
        f"The id of the {table} this record belongs to.",
        format="uuid",
        refers_to=table,
        required=required,
    )


RELAIS_ID = Column(
    "relais_id", "Readable id: the content file's name, or a name derived from it.", required=True
)
NAME_EN = Column("relais_name_en", "The name in English.")
DESCRIPTION_EN = Column("relais_description_en", "The description in English.")
SAMPLE = Column(
    "relais_sample", "true for a fictitious sample record (email under example.org).", type="boolean"
)

TABLES: tuple[Table, ...] = (
    Table(
        "organization",
        "organizations",
        "Organisations of Québec's innovation-support network (ERACs, MRCs, SADCs, funders…).",
        (
            _id("organization"),
            Column("name", "Official name (French).", required=True),
            Column("description", "Short description (French).", required=True),
            Column("email", "Contact email.", format="email"),
            Column("website", "Website.", format="uri"),
            RELAIS_ID,
            NAME_EN,
            DESCRIPTION_EN,
            Column(
                "relais_kind",
                "Kind: erac, mrc, sadc, cae, cld, pole, funder, government, network, research, accelerator.",
            ),
            Column("relais_regions", "Regions served: all, or official region codes (01–17) joined by ';'."),
            Column("relais_serves_mrcs", "MRCs served by a first-line organisation, joined by ';'."),
            Column(
                "relais_serves_municipalities",
                "Municipalities served by a first-line organisation, joined by ';'.",
            ),
            Column(
                "relais_to_confirm",
                "true when some facts of the record are still to confirm.",
                type="boolean",
            ),
            SAMPLE,
        ),
    ),
    Table(
        "program",
        "programs",
        "Programs that group other programs (HSDS program: a group of services).",
        (
            _id("program"),
            _link("organization_id", "organization"),
            Column("name", "Name (French).", required=True),
            Column("description", "Summary (French).", required=True),
            RELAIS_ID,
            NAME_EN,
            DESCRIPTION_EN,
        ),
    ),
    Table(
        "service",
        "services",
        "Programs, initiatives and actions (HSDS services).",
        (
            _id("service"),
            _link("organization_id", "organization"),
            _link("program_id", "program"),
            Column("name", "Name (French).", required=True),
            Column("description", "Summary (French).", required=True),
            Column("url", "The program's official page.", format="uri"),
            Column("status", "HSDS status: active or inactive.", required=True),
            RELAIS_ID,
            NAME_EN,
            DESCRIPTION_EN,
            Column(
                "relais_status", "Relais status: open, ongoing, announced, closed, completed, period_ended."
            ),
            Column("relais_kinds", "Kinds of program joined by ';' (grant, loan, coaching…)."),
            Column("relais_audiences", "Audiences joined by ';' (sme, manufacturers…)."),
            Column("relais_regions", "Regions covered: all, or official region codes joined by ';'."),
            Column(
                "relais_amounts", "Amounts as a JSON list of {label, label_en, amount, per_year, more_than}."
            ),
            Column("relais_announced", "Announcement date.", type="date"),
            Column("relais_start", "Start date.", type="date"),
            Column("relais_end", "End date.", type="date"),
        ),
    ),
    Table(
        "location",
        "locations",
        "Organisations' offices.",
        (
            _id("location"),
            Column("location_type", "Always physical.", required=True),
            _link("organization_id", "organization"),
            Column("name", "The organisation's name (French)."),
            RELAIS_ID,
            Column("relais_city", "City, when the full address (street, postal code) is not known."),
            Column("relais_state_province", "Province of relais_city."),
        ),
    ),
    Table(
        "address",
        "addresses",
        "Full postal addresses of the offices (street and postal code known).",
        (
            _id("address"),
            _link("location_id", "location"),
            Column("address_1", "Street number and name.", required=True),
            Column("city", "City.", required=True),
            Column("state_province", "Province code (QC, ON, NB, NL).", required=True),
            Column("postal_code", "Postal code (A1A 1A1).", required=True),
            Column("country", "Always CA.", required=True),
            Column("address_type", "Always physical.", required=True),
            RELAIS_ID,
        ),
    ),
    Table(
        "phone",
        "phones",
        "Phone numbers of organisations and advisors.",
        (
            _id("phone"),
            _link("organization_id", "organization"),
            _link("contact_id", "contact"),
            Column("number", "Number as written in Québec (450 365-9218).", required=True),
            Column("extension", "Extension (poste).", type="number"),
            RELAIS_ID,
        ),
    ),
    Table(
        "contact",
        "contacts",
        "Innovation advisors, contacts of their employer (sample records flagged).",
        (
            _id("contact"),
            _link("organization_id", "organization"),
            Column("name", "Full name."),
            Column("title", "Job title (French)."),
            Column("email", "Email (under example.org for a sample record).", format="email"),
            RELAIS_ID,
            Column("relais_title_en", "Job title in English."),
            Column("relais_region_code", "Official code (01–17) of the advisor's region."),
            Column("relais_service_fsas", "Postal areas (FSAs) served, joined by ';'."),
            Column("relais_service_municipalities", "Municipalities served, joined by ';'."),
            Column("relais_languages", "Languages of service (ISO 639-1) joined by ';'."),
            Column("relais_expertise", "Areas of expertise joined by ';'."),
            Column("relais_attested", "Innovation-advisor attestation: attested or in_progress."),
            SAMPLE,
        ),
    ),
    Table(
        "language",
        "languages",
        "Languages spoken on an advisor's phone line.",
        (
            _id("language"),
            _link("phone_id", "phone"),
            Column("name", "Language name (English)."),
            Column("code", "ISO 639-1 code."),
            RELAIS_ID,
        ),
    ),
    Table(
        "service_area",
        "service_areas",
        "Regions where a program is offered.",
        (
            _id("service_area"),
            _link("service_id", "service"),
            Column("name", "Region name (French), or Québec for the whole province."),
            RELAIS_ID,
            Column("relais_region_code", "Official region code (01–17), or all."),
        ),
    ),
    Table(
        "funding",
        "funding",
        "Who funds a program.",
        (
            _id("funding"),
            _link("service_id", "service"),
            Column("source", "The funding organisation's name (French)."),
            RELAIS_ID,
            _link("relais_funder_organization_id", "organization"),
        ),
    ),
    Table(
        "service_at_location",
        "service_at_location",
        "A program reached at its operator's office.",
        (
            _id("service_at_location"),
            _link("service_id", "service"),
            _link("location_id", "location"),
            RELAIS_ID,
        ),
    ),
)

TABLES_BY_NAME = {table.name: table for table in TABLES}


def record_uuid(table: str, relais_id: str) -> str:
    """The stable id of the ``table`` record whose readable id is ``relais_id``."""
    return str(uuid.uuid5(NAMESPACE, f"{table}/{relais_id}"))


def _joined(values: Iterable[object]) -> str:
    return ";".join(str(v) for v in values)


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def _regions(value: object) -> str:
    return "all" if value == "all" else _joined(sorted(str(v) for v in value))  # type: ignore[attr-defined]


def _record(table: str, relais_id: str, **fields: Any) -> dict[str, Any]:
    """A record in column order, ``id`` computed, every unknown (None, '', []) left out."""
    values = {"id": record_uuid(table, relais_id), "relais_id": relais_id, **fields}
    return {
        column.name: values[column.name]
        for column in TABLES_BY_NAME[table].columns
        if values.get(column.name) not in (None, "", [])
    }


_EXTENSION = re.compile(r"^(?P<number>.+?) (?:p\.|poste|ext\.) ?(?P<extension>[0-9]{1,6})$")


def split_phone(phone: str) -> tuple[str, int | None]:
    """``"450 365-9218 p. 201"`` → ``("450 365-9218", 201)``; no extension → ``None``."""
    match = _EXTENSION.match(phone)
    if match is None:
        return phone, None
    return match["number"], int(match["extension"])


def _organisation_description(org: Organisation) -> tuple[str, str]:
    if org.description is not None:
        return org.description.fr, org.description.en
    fr, en = ORGANISATION_KINDS[org.kind]
    return (
        f"Organisme du réseau québécois de soutien à l'innovation, catégorie « {fr} ».",
        f"Organisation of Québec's innovation-support network, category “{en}”.",
    )


def _organisation_rows(org: Organisation) -> Iterator[tuple[str, dict[str, Any]]]:
    description, description_en = _organisation_description(org)
    yield (
        "organization",
        _record(
            "organization",
            org.id,
            name=org.name.fr,
            description=description,
            email=org.email,
            website=org.website,
            relais_name_en=org.name.en,
            relais_description_en=description_en,
            relais_kind=str(org.kind),
            relais_regions=_regions(org.regions),
            relais_serves_mrcs=_joined(org.serves.mrcs) if org.serves else None,
            relais_serves_municipalities=_joined(org.serves.municipalities) if org.serves else None,
            relais_to_confirm=org.to_confirm,
            relais_sample=org.sample,
        ),
    )
    organization_id = record_uuid("organization", org.id)
    if org.phone is not None:
        number, extension = split_phone(org.phone)
        yield (
            "phone",
            _record(
                "phone",
                f"{org.id}-phone",
                organization_id=organization_id,
                number=number,
                extension=extension,
            ),
        )
    if org.address is None:
        return
    address = org.address
    complete = address.street is not None and address.postal_code is not None
    location = f"{org.id}-office"
    yield (
        "location",
        _record(
            "location",
            location,
            location_type="physical",
            organization_id=organization_id,
            name=org.name.fr,
            relais_city=None if complete else address.city,
            relais_state_province=None if complete else address.province,
        ),
    )
    if complete:
        yield (
            "address",
            _record(
                "address",
                f"{org.id}-address",
                location_id=record_uuid("location", location),
                address_1=address.street,
                city=address.city,
                state_province=address.province,
                postal_code=address.postal_code,
                country="CA",
                address_type="physical",
            ),
        )


def _program_rows(
    program: Program, directory: Directory, parents: set[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    service_id = record_uuid("service", program.id)
    if program.id in parents:
        yield (
            "program",
            _record(
                "program",
                program.id,
                organization_id=record_uuid("organization", program.operator),
                name=program.name.fr,
                description=program.summary.fr,
                relais_name_en=program.name.en,
                relais_description_en=program.summary.en,
            ),
        )
    amounts = [
        {
            "label": a.label.fr,
            "label_en": a.label.en,
            "amount": a.amount,
            "per_year": a.per_year,
            "more_than": a.more_than,
        }
        for a in program.amounts
    ]
    yield (
        "service",
        _record(
            "service",
            program.id,
            organization_id=record_uuid("organization", program.operator),
            program_id=record_uuid("program", program.parent) if program.parent else None,
            name=program.name.fr,
            description=program.summary.fr,
            url=program.website,
            status=SERVICE_STATUS[program.status],
            relais_name_en=program.name.en,
            relais_description_en=program.summary.en,
            relais_status=str(program.status),
            relais_kinds=_joined(str(k) for k in program.kinds),
            relais_audiences=_joined(str(a) for a in program.audiences),
            relais_regions=_regions(program.regions),
            relais_amounts=json.dumps(amounts, ensure_ascii=False) if amounts else None,
            relais_announced=_iso(program.dates.announced),
            relais_start=_iso(program.dates.start),
            relais_end=_iso(program.dates.end),
        ),
    )
    regions: list[Region | None]
    if program.regions == "all":
        regions = [None]
    else:
        regions = [directory.region_by_code(code) for code in sorted(set(program.regions))]
    for region in regions:
        code = "all" if region is None else str(region.code)
        yield (
            "service_area",
            _record(
                "service_area",
                f"{program.id}-{code}",
                service_id=service_id,
                name="Québec" if region is None else region.name.fr,
                relais_region_code=code,
            ),
        )
    for funder in dict.fromkeys(program.funders):
        yield (
            "funding",
            _record(
                "funding",
                f"{program.id}-{funder}",
                service_id=service_id,
                source=directory.organisations[funder].name.fr,
                relais_funder_organization_id=record_uuid("organization", funder),
            ),
        )
    operator = directory.organisations[program.operator]
    if operator.address is not None:
        yield (
            "service_at_location",
            _record(
                "service_at_location",
                f"{program.id}-at-{operator.id}-office",
                service_id=service_id,
                location_id=record_uuid("location", f"{operator.id}-office"),
            ),
        )


def _advisor_rows(advisor: Advisor) -> Iterator[tuple[str, dict[str, Any]]]:
    yield (
        "contact",
        _record(
            "contact",
            advisor.id,
            organization_id=record_uuid("organization", advisor.organisation),
            name=advisor.name,
            title=advisor.title.fr if advisor.title else None,
            email=advisor.email,
            relais_title_en=advisor.title.en if advisor.title else None,
            relais_region_code=str(advisor.region),
            relais_service_fsas=_joined(advisor.serves.fsas),
            relais_service_municipalities=_joined(advisor.serves.municipalities),
            relais_languages=_joined(str(lang) for lang in advisor.languages),
            relais_expertise=_joined(str(e) for e in advisor.expertise),
            relais_attested=str(advisor.attested),
            relais_sample=advisor.sample,
        ),
    )
    if advisor.phone is None:
        return
    number, extension = split_phone(advisor.phone)
    phone = f"{advisor.id}-phone"
    yield (
        "phone",
        _record(
            "phone", phone, contact_id=record_uuid("contact", advisor.id), number=number, extension=extension
        ),
    )
    for lang in dict.fromkeys(advisor.languages):
        yield (
            "language",
            _record(
                "language",
                f"{phone}-{lang!s}",
                phone_id=record_uuid("phone", phone),
                name=LANGUAGE_NAMES[lang],
                code=str(lang),
            ),
        )


def build_hsds(directory: Directory) -> dict[str, list[dict[str, Any]]]:
    """Every HSDS table's records, keyed by table name in :data:`TABLES` order, each
    list sorted by ``relais_id``."""
    tables: dict[str, list[dict[str, Any]]] = {table.name: [] for table in TABLES}
    parents = {p.parent for p in directory.programs.values() if p.parent is not None}
    rows: list[Iterator[tuple[str, dict[str, Any]]]] = [
        *(_organisation_rows(o) for o in directory.organisations.values()),
        *(_program_rows(p, directory, parents) for p in directory.programs.values()),
        *(_advisor_rows(a) for a in directory.advisors.values()),
    ]
    for source in rows:
        for table, record in source:
            tables[table].append(record)
    return {name: sorted(records, key=lambda r: str(r["relais_id"])) for name, records in tables.items()}


def dangling_links(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every link whose target is missing, as ``"<table>.<column> <relais_id> → <uuid>"``;
    empty when every foreign key resolves."""
    ids = {name: {record["id"] for record in records} for name, records in tables.items()}
    missing = []
    for name, records in tables.items():
        for column in TABLES_BY_NAME[name].columns:
            if column.refers_to is None:
                continue
            for record in records:
                value = record.get(column.name)
                if value is not None and value not in ids[column.refers_to]:
                    missing.append(f"{name}.{column.name} {record['relais_id']} → {value}")
    return missing
