"""Which generated pages one edited record can change, so ``make dev`` re-renders only those.

``pages_touched(before, after, kind, record_id)`` compares the record in two directories
that differ by that record alone and returns the paths (under ``site_src/docs``, without
the language suffix) of every generated page that can show it, or ``None`` when the edit
reaches further than those pages: a field the routing table, the finder's lookup, the
home page's partials or many pages read (an id, a name of a region, an organisation's
regions…), a record added or removed, an ERAC. ``None`` means: rebuild everything.

The fields handled here (:data:`LOCAL_FIELDS`) are, per kind, those that neither the
routing table (``generator/routing_table.py``) nor the finder's lookup
(``generator/finder.py``) read, so only pages change. The set may be larger than needed:
the caller renders each candidate and keeps those whose text changed. A missing page would
be a bug; ``tests/generator/test_affected.py`` edits each field and compares every
generated file with a full render.

``page_for(directory, path, lang)`` builds the :class:`~generator.render.context.Page` of
one such path, the same object ``all_pages`` builds for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from generator.directory import Directory
from generator.models import Advisor, Model, Organisation, Program, Region
from generator.render.context import (
    Page,
    advisors_index_page,
    organisation_page,
    organisations_index_page,
    program_page,
    programs_index_page,
    region_page,
    regions_index_page,
)
from generator.vocab import Language, OrganisationKind

# Per kind folder, the fields whose edit changes generated pages only (see the docstring).
LOCAL_FIELDS: dict[str, frozenset[str]] = {
    "regions": frozenset({"summary", "priorities", "sources"}),
    "organisations": frozenset({"description", "address", "website", "sources"}),
    "programs": frozenset(
        {"summary", "kinds", "audiences", "amounts", "indicators", "dates", "website", "sources"}
    ),
    "advisors": frozenset({"title", "phone", "expertise", "attested", "sources"}),
}

# A program's fields shown on its own page only (lists show its name, status, kinds,
# audiences and dates: ``generator.render.context.program_item``).
PROGRAM_PAGE_ONLY = frozenset({"summary", "amounts", "indicators", "website", "sources"})


def changed_fields(before: Model, after: Model) -> set[str]:
    """Names of the fields whose value differs between two versions of a record."""
    return {name for name in type(after).model_fields if getattr(before, name) != getattr(after, name)}


def _region_pages(directory: Directory, codes: object) -> set[str]:
    regions = directory.regions.values()
    return {f"regions/{r.id}" for r in regions if codes == "all" or r.code in codes}  # type: ignore[operator]


def pages_touched(before: Directory, after: Directory, kind: str, record_id: str) -> set[str] | None:
    """Generated pages that can differ between ``before`` and ``after`` (which differ by the
    record ``record_id`` of ``kind`` alone); ``None`` when a full rebuild is needed."""
    old = _record(before, kind, record_id)
    new = _record(after, kind, record_id)
    if old is None or new is None or type(old) is not type(new) or kind not in LOCAL_FIELDS:
        return None
    fields = changed_fields(old, new)
    if not fields <= LOCAL_FIELDS[kind]:
        return None
    if isinstance(new, Region):
        return {f"regions/{new.id}"}
    if isinstance(new, Organisation):
        if new.kind == OrganisationKind.ERAC or any(r.erac == new.id for r in after.regions.values()):
            return None  # on every region page, the indexes, the advisors index…
        pages = {f"organisations/{new.id}", "organisations/index"}
        if new.regions != "all":  # region pages list regional organisations; the others are a count
            pages |= _region_pages(after, new.regions)
        for program in after.programs.values():
            if program.operator == new.id or new.id in program.funders:
                pages.add(f"programmes/{program.id}")
        return pages
    if isinstance(new, Program):
        if fields <= PROGRAM_PAGE_ONLY:
            return {f"programmes/{new.id}"}
        pages = {f"programmes/{new.id}", "programmes/index", f"organisations/{new.operator}"}
        pages |= {f"organisations/{f}" for f in new.funders} | _region_pages(after, new.regions)
        pages |= {f"programmes/{p.id}" for p in after.programs.values() if p.parent == new.id}
        if new.parent:
            pages.add(f"programmes/{new.parent}")
        return pages
    if isinstance(new, Advisor):
        region = after.region_by_code(new.region)
        return {f"regions/{region.id}", f"organisations/{new.organisation}", "conseillers/index"}
    return None


def vcards_touched(after: Directory, kind: str, record_id: str) -> set[str]:
    """vCard files (under ``site_src/docs``, without the language suffix) that show the record."""
    if kind == "organisations":
        advisors = {a.id for a in after.advisors.values() if a.organisation == record_id}
        return {f"organisations/{record_id}", *(f"conseillers/{a}" for a in advisors)}
    if kind == "advisors":
        return {f"conseillers/{record_id}"}
    return set()


def _record(directory: Directory, kind: str, record_id: str) -> Model | None:
    table: dict[str, Mapping[str, Model]] = {
        "regions": directory.regions,
        "organisations": directory.organisations,
        "programs": directory.programs,
        "advisors": directory.advisors,
    }
    return table.get(kind, {}).get(record_id)


_INDEXES: dict[str, Callable[[Directory, Language], Page]] = {
    "regions/index": regions_index_page,
    "programmes/index": programs_index_page,
    "organisations/index": organisations_index_page,
    "conseillers/index": advisors_index_page,
}


def page_for(directory: Directory, path: str, lang: Language) -> Page:
    """The page ``path`` (one that :func:`pages_touched` returns) in ``lang``."""
    if path in _INDEXES:
        return _INDEXES[path](directory, lang)
    folder, _, record_id = path.partition("/")
    if folder == "regions":
        return region_page(directory, directory.regions[record_id], lang)
    if folder == "organisations":
        return organisation_page(directory, directory.organisations[record_id], lang)
    if folder == "programmes":
        return program_page(directory, directory.programs[record_id], lang)
    raise KeyError(path)
