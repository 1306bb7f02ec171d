"""Rules across files, run on the records that passed their own model.

One function per rule, each returning its errors; ``check_records`` runs them
all. A record carries its file's path and the positions of its values so every
error points at the line to fix, and names the other file when two disagree.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import Code, ContentError
from generator.models import Advisor, Model, Organisation, Program, Region, RegionTerritory
from generator.vocab import OrganisationKind, RegionCode
from generator.yaml_lines import Loc, Positions, dotted

EXAMPLE_DOMAIN = "@example.org"


@dataclass(frozen=True, eq=False)
class Record:
    """One valid content file: its kind folder, model, path and value positions."""

    kind: str
    model: Model
    path: str
    positions: Positions

    def error(self, loc: Loc, code: Code, **params: Any) -> ContentError:
        """An error at the value of ``loc`` in this file; ``field`` defaults to ``loc``."""
        pos = self.positions.of_value(loc)
        return ContentError(self.path, pos.line, pos.col, code, {"field": dotted(loc), **params})

    def where(self, loc: Loc) -> str:
        """``path:line`` of the value at ``loc``, to name it from another file's error."""
        return f"{self.path}:{self.positions.of_value(loc).line}"


@dataclass(frozen=True)
class _Index:
    regions: list[tuple[Record, Region]]
    organisations: dict[str, tuple[Record, Organisation]]
    advisors: list[tuple[Record, Advisor]]
    programs: dict[str, tuple[Record, Program]]
    territories: list[tuple[Record, RegionTerritory]]
    broken: Mapping[str, set[str]]  # kind -> names of files that failed their own model


def check_records(records: list[Record], broken: Mapping[str, set[str]] | None = None) -> list[ContentError]:
    """Every cross-file error among ``records`` (ids, references, postal areas,
    region codes, sample emails), in no particular order.

    ``broken`` lists, per kind folder, the names (without ``.yaml``) of files
    that exist but failed their own model: a reference to one of them is not
    reported as unknown, since that file's own errors already are.
    """
    errors = list(check_ids(records))
    index = _index(records, broken or {})
    for rule in RULES:
        errors.extend(rule(index))
    return errors


def check_ids(records: list[Record]) -> Iterator[ContentError]:
    """A record's id is its file name, and is unique within its kind."""

    def stem(record: Record) -> str:
        return record.path.rsplit("/", 1)[-1].removesuffix(".yaml")

    def id_of(record: Record) -> str:
        return str(getattr(record.model, "id", ""))

    # A file named after its id owns it: the duplicate is the file that is not.
    owners = {(r.kind, id_of(r)): r for r in records if id_of(r) == stem(r)}
    for record in sorted(records, key=lambda r: r.path):
        record_id = id_of(record)
        if record_id != stem(record):
            yield record.error(("id",), Code.ID_MISMATCH, value=record_id, stem=stem(record))
        other = owners.setdefault((record.kind, record_id), record)
        if other is not record:
            yield record.error(("id",), Code.DUPLICATE_ID, value=record_id, other=other.path)


def _index(records: list[Record], broken: Mapping[str, set[str]]) -> _Index:
    regions: list[tuple[Record, Region]] = []
    organisations: dict[str, tuple[Record, Organisation]] = {}
    advisors: list[tuple[Record, Advisor]] = []
    programs: dict[str, tuple[Record, Program]] = {}
    territories: list[tuple[Record, RegionTerritory]] = []
    for record in sorted(records, key=lambda r: r.path):
        model = record.model
        if isinstance(model, Region):
            regions.append((record, model))
        elif isinstance(model, Organisation):
            organisations.setdefault(model.id, (record, model))
        elif isinstance(model, Advisor):
            advisors.append((record, model))
        elif isinstance(model, Program):
            programs.setdefault(model.id, (record, model))
        elif isinstance(model, RegionTerritory):
            territories.append((record, model))
    return _Index(regions, organisations, advisors, programs, territories, broken)


def _unknown(
    index: _Index, record: Record, loc: Loc, value: str, known: Iterable[str], kind: str
) -> Iterator[ContentError]:
    """An unknown-reference error with the closest existing ids, unless the file
    exists but is itself invalid (its own errors say why)."""
    folder = {"organisation": "organisations", "program": "programs"}[kind]
    if value in index.broken.get(folder, set()):
        return
    suggestions = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    yield record.error(
        loc,
        Code.UNKNOWN_REFERENCE,
        value=value,
        kind=kind,
        folder=f"content/{folder}",
        suggestions=suggestions,
    )


def check_region_codes(index: _Index) -> Iterator[ContentError]:
    """Each of the 17 official codes is used by exactly one region."""
    by_code: dict[str, Record] = {}
    for record, region in index.regions:
        other = by_code.setdefault(region.code, record)
        if other is not record:
            yield record.error(
                ("code",), Code.REGION_CODE_DUPLICATE, value=str(region.code), other=other.path
            )
    missing = [code.value for code in RegionCode if code not in by_code]
    if missing:
        yield ContentError("content/regions", 0, 0, Code.REGION_CODES_MISSING, {"codes": missing})


def check_region_eracs(index: _Index) -> Iterator[ContentError]:
    """A region's ``erac`` is an organisation of kind ``erac`` that has an email
    (the routing table sends it requests), or says ``to_confirm: true`` when no
    general email is published (its requests then go to the operators to relay)."""
    for record, region in index.regions:
        found = index.organisations.get(region.erac)
        if found is None:
            yield from _unknown(index, record, ("erac",), region.erac, index.organisations, "organisation")
            continue
        erac_record, erac = found
        if erac.kind != OrganisationKind.ERAC:
            yield record.error(("erac",), Code.ERAC_WRONG_KIND, value=region.erac, found=str(erac.kind))
        if erac.email is None and not erac.to_confirm:
            # A real ERAC whose general email is not published says so (to_confirm: true):
            # the routing table then sends its requests to the operators, who relay them.
            yield record.error(
                ("erac",), Code.REFERENCE_WITHOUT_EMAIL, value=region.erac, other=erac_record.path
            )


def check_advisors(index: _Index) -> Iterator[ContentError]:
    """An advisor's organisation exists and has an email (the routing table lists
    it), and the FSAs the advisor serves belong to the advisor's region."""
    fsas_by_code: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for _, region in index.regions:
        fsas_by_code.setdefault(region.code, [area.fsa for area in region.postal_areas])
        names.setdefault(region.code, region.name.fr)
    for record, advisor in index.advisors:
        found = index.organisations.get(advisor.organisation)
        if found is None:
            yield from _unknown(
                index,
                record,
                ("organisation",),
                advisor.organisation,
                index.organisations,
                "organisation",
            )
        elif found[1].email is None:
            yield record.error(
                ("organisation",),
                Code.REFERENCE_WITHOUT_EMAIL,
                value=advisor.organisation,
                other=found[0].path,
            )
        region_fsas = fsas_by_code.get(advisor.region)
        if region_fsas is None:
            continue  # the missing region is reported by check_region_codes
        for position, fsa in enumerate(advisor.serves.fsas):
            if fsa not in region_fsas:
                yield record.error(
                    ("serves", "fsas", position),
                    Code.ADVISOR_FSA_OUTSIDE_REGION,
                    value=fsa,
                    region=str(advisor.region),
                    region_name=names[advisor.region],
                    allowed=sorted(region_fsas),
                )


def check_program_references(index: _Index) -> Iterator[ContentError]:
    """A program's operator and funders are organisations; its parent a program."""
    orgs = index.organisations
    for record, program in index.programs.values():
        if program.operator not in orgs:
            yield from _unknown(index, record, ("operator",), program.operator, orgs, "organisation")
        for position, funder in enumerate(program.funders):
            if funder not in orgs:
                yield from _unknown(index, record, ("funders", position), funder, orgs, "organisation")
        if program.parent is not None and program.parent not in index.programs:
            yield from _unknown(index, record, ("parent",), program.parent, index.programs, "program")


def check_sample_emails(index: _Index) -> Iterator[ContentError]:
    """``example.org`` emails are for samples only, and a sample organisation's
    email is an ``example.org`` one (advisors: see the model's own rule)."""
    people: list[tuple[Record, Organisation | Advisor]] = [*index.organisations.values(), *index.advisors]
    for record, model in people:
        email = model.email
        if email is None:
            continue
        is_example = email.lower().endswith(EXAMPLE_DOMAIN)
        if is_example and not model.sample:
            yield record.error(("email",), Code.EXAMPLE_EMAIL_NOT_SAMPLE, value=email)
        elif model.sample and not is_example and isinstance(model, Organisation):
            yield record.error(("email",), Code.SAMPLE_EMAIL, value=email)


def check_postal_areas(index: _Index) -> Iterator[ContentError]:
    """An FSA belongs to one region unless every region listing it says
    ``shared: true``; full codes sit under their own FSA and go to one region."""
    claims: dict[str, list[tuple[Record, Region, int]]] = defaultdict(list)
    code_claims: dict[str, list[tuple[Record, Loc]]] = defaultdict(list)
    for record, region in index.regions:
        first_line: dict[str, int] = {}
        for i, area in enumerate(region.postal_areas):
            fsa_loc: Loc = ("postal_areas", i, "fsa")
            line = record.positions.of_value(fsa_loc).line
            if area.fsa in first_line:
                yield record.error(
                    fsa_loc, Code.FSA_REPEATED, value=area.fsa, first_line=first_line[area.fsa]
                )
                continue
            first_line[area.fsa] = line
            claims[area.fsa].append((record, region, i))
            for j, code in enumerate(area.codes):
                code_loc: Loc = ("postal_areas", i, "codes", j)
                if code[:3] != area.fsa:
                    yield record.error(
                        code_loc, Code.CODE_OUTSIDE_FSA, value=code, fsa=area.fsa, value_fsa=code[:3]
                    )
                code_claims[code].append((record, code_loc))
    for fsa, claimants in claims.items():
        if len({region.code for _, region, _ in claimants}) < 2:
            continue
        for record, region, i in claimants:
            if region.postal_areas[i].shared:
                continue
            others = [r.where(("postal_areas", j, "fsa")) for r, _, j in claimants if r is not record]
            yield record.error(("postal_areas", i, "fsa"), Code.FSA_CONFLICT, value=fsa, others=others)
    for code, places in code_claims.items():
        if len(places) < 2:
            continue
        for record, loc in places:
            others = [r.where(other) for r, other in places if r is not record or other != loc]
            yield record.error(loc, Code.CODE_CONFLICT, value=code, others=others)


def check_websites(index: _Index) -> Iterator[ContentError]:
    """A website the site links to is served over https."""
    websites: list[tuple[Record, str | None]] = [
        *((r, o.website) for r, o in index.organisations.values()),
        *((r, p.website) for r, p in index.programs.values()),
    ]
    for record, website in websites:
        if website is not None and not website.startswith("https://"):
            yield record.error(("website",), Code.WEBSITE_NOT_HTTPS, value=website)


QUEBEC_FIRST_LETTERS = ("G", "H", "J")


def check_addresses(index: _Index) -> Iterator[ContentError]:
    """An organisation's postal code is in Québec, and its FSA in one of the
    regions the record declares (a regions: all record only needs Québec)."""
    regions_of_fsa: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for _, region in index.regions:
        names[region.code] = region.name.fr
        for area in region.postal_areas:
            regions_of_fsa[area.fsa].add(region.code)
    for record, org in index.organisations.values():
        if org.address is None or org.address.postal_code is None:
            continue
        code = org.address.postal_code
        loc: Loc = ("address", "postal_code")
        if not code.startswith(QUEBEC_FIRST_LETTERS):
            yield record.error(loc, Code.POSTAL_CODE_OUTSIDE_QUEBEC, value=code)
            continue
        if org.regions == "all":
            continue
        found = regions_of_fsa.get(code[:3], set())
        if not found & {str(c) for c in org.regions}:
            yield record.error(
                loc,
                Code.POSTAL_CODE_OUTSIDE_REGIONS,
                value=code,
                fsa=code[:3],
                regions=", ".join(f"{c} {names.get(c, '')}".strip() for c in sorted(org.regions)),
                found=", ".join(f"{c} {names.get(c, '')}".strip() for c in sorted(found)) or "?",
            )


def _same_name_key(name: str) -> str:
    """A name as a person would recognise it: accents, case, punctuation and
    spacing aside (« SADC de la Matawinie » = « SADC de la Matawinie inc. »)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    plain = re.sub(r"\b(inc|ltee|enr)\b\.?", " ", plain)
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def _same_website_key(url: str) -> str:
    plain = url.casefold().split("://", 1)[-1].removeprefix("www.")
    return plain.split("?", 1)[0].split("#", 1)[0].rstrip("/")


def check_duplicate_organisations(index: _Index) -> Iterator[ContentError]:
    """One organisation, one record: two ids with the same French name, or two
    records of the same kind with the same website, are a duplicate."""
    by_name: dict[str, Record] = {}
    by_site: dict[tuple[str, str], Record] = {}
    for record, org in sorted(index.organisations.values(), key=lambda pair: pair[0].path):
        key = _same_name_key(org.name.fr)
        first = by_name.setdefault(key, record)
        if first is not record:
            yield record.error(
                ("name", "fr"),
                Code.ORGANISATION_DUPLICATE,
                value=org.name.fr,
                other=first.where(("name", "fr")),
            )
        if org.website is not None:
            site_key = (str(org.kind), _same_website_key(org.website))
            first = by_site.setdefault(site_key, record)
            if first is not record:
                yield record.error(
                    ("website",),
                    Code.ORGANISATION_DUPLICATE,
                    value=org.website,
                    other=first.where(("website",)),
                )


from generator.territory_checks import (  # noqa: E402  (they take this module's _Index)
    check_postal_areas_have_municipalities,
    check_served_places,
    check_territory_files,
)

RULES: list[Callable[[_Index], Iterator[ContentError]]] = [
    check_territory_files,
    check_postal_areas_have_municipalities,
    check_served_places,
    check_region_codes,
    check_region_eracs,
    check_advisors,
    check_program_references,
    check_sample_emails,
    check_postal_areas,
    check_websites,
    check_addresses,
    check_duplicate_organisations,
]
