"""Rules of the territory table (``content/territory/``) and the rules that use it.

Run by ``generator.checks.check_records`` with the other cross-file rules. When no
territory file exists at all (a small test tree), the rules that look names up in the
table are skipped rather than failing every name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.errors import Code, ContentError
from generator.models import RegionTerritory
from generator.territory import TerritoryIndex
from generator.vocab import OrganisationKind
from generator.yaml_lines import Loc

if TYPE_CHECKING:
    from generator.checks import Record, _Index


def territory_index(index: _Index) -> TerritoryIndex:
    return TerritoryIndex(t for _, t in index.territories)


def check_territory_files(index: _Index) -> Iterator[ContentError]:
    """A territory file is named after a region and carries its code; municipality codes
    and MRC codes are unique; a municipality's FSAs are listed by its region; its full codes sit in its
    FSAs and belong to it alone; an MRC's own ERAC is an ERAC with an email."""
    regions = {region.id: (record, region) for record, region in index.regions}
    codes: dict[str, str] = {}
    mrc_codes: dict[str, str] = {}
    postal: dict[str, list[tuple[Record, Loc]]] = defaultdict(list)
    for record, territory in index.territories:
        found = regions.get(territory.id)
        region_fsas: set[str] = set()
        if found is None:
            yield record.error(
                ("id",),
                Code.UNKNOWN_REFERENCE,
                value=territory.id,
                kind="region",
                folder="content/regions",
                suggestions=[],
            )
        else:
            region_record, region = found
            region_fsas = {area.fsa for area in region.postal_areas}
            if territory.region != region.code:
                yield record.error(
                    ("region",),
                    Code.TERRITORY_REGION_MISMATCH,
                    value=str(territory.region),
                    region_id=region.id,
                    expected=str(region.code),
                )
        for i, mrc in enumerate(territory.mrcs):
            if mrc.erac is not None:
                yield from _check_erac(index, record, ("mrcs", i, "erac"), mrc.erac)
            if mrc.code is not None:
                where = record.where(("mrcs", i, "code"))
                other = mrc_codes.setdefault(mrc.code, where)
                if other != where:
                    yield record.error(
                        ("mrcs", i, "code"), Code.MRC_CODE_DUPLICATE, value=mrc.code, other=other
                    )
            for j, municipality in enumerate(mrc.municipalities):
                here: Loc = ("mrcs", i, "municipalities", j)
                other = codes.setdefault(municipality.code, record.where((*here, "code")))
                if other != record.where((*here, "code")):
                    yield record.error(
                        (*here, "code"),
                        Code.MUNICIPALITY_CODE_DUPLICATE,
                        value=municipality.code,
                        other=other,
                    )
                if found is not None:
                    for k, fsa in enumerate(municipality.fsas):
                        if fsa not in region_fsas:
                            yield record.error(
                                (*here, "fsas", k),
                                Code.MUNICIPALITY_FSA_OUTSIDE_REGION,
                                value=fsa,
                                region=str(region.code),
                                other=region_record.path,
                            )
                for k, code in enumerate(municipality.postal_codes):
                    loc: Loc = (*here, "postal_codes", k)
                    postal[code].append((record, loc))
                    if code[:3] not in municipality.fsas:
                        yield record.error(
                            loc,
                            Code.POSTAL_CODE_OUTSIDE_FSAS,
                            value=code,
                            allowed=list(municipality.fsas),
                            value_fsa=code[:3],
                        )
    for code, places in postal.items():
        if len(places) < 2:
            continue
        for record, loc in places:
            others = [r.where(o) for r, o in places if r is not record or o != loc]
            yield record.error(loc, Code.CODE_CONFLICT, value=code, others=others)


def _check_erac(index: _Index, record: Record, loc: Loc, erac_id: str) -> Iterator[ContentError]:
    from generator.checks import _unknown

    found = index.organisations.get(erac_id)
    if found is None:
        yield from _unknown(index, record, loc, erac_id, index.organisations, "organisation")
        return
    erac_record, erac = found
    if erac.kind != OrganisationKind.ERAC:
        yield record.error(loc, Code.ERAC_WRONG_KIND, value=erac_id, found=str(erac.kind))
    if erac.email is None and not erac.to_confirm:
        # as for a region's ERAC: one that publishes no email says to_confirm: true
        yield record.error(loc, Code.REFERENCE_WITHOUT_EMAIL, value=erac_id, other=erac_record.path)


def check_postal_areas_have_municipalities(index: _Index) -> Iterator[ContentError]:
    """Every FSA a region lists holds at least one of the region's municipalities (when
    the region has a territory file)."""
    by_region: dict[str, tuple[Record, RegionTerritory]] = {t.id: (r, t) for r, t in index.territories}
    for record, region in index.regions:
        found = by_region.get(region.id)
        if found is None:
            continue
        territory_record, territory = found
        fsas = {fsa for mrc in territory.mrcs for m in mrc.municipalities for fsa in m.fsas}
        for i, area in enumerate(region.postal_areas):
            if area.fsa not in fsas:
                yield record.error(
                    ("postal_areas", i, "fsa"),
                    Code.POSTAL_AREA_WITHOUT_MUNICIPALITY,
                    value=area.fsa,
                    territory=territory_record.path,
                )


def check_served_places(index: _Index) -> Iterator[ContentError]:
    """The MRCs and municipalities an organisation or advisor serves exist in the
    territory table and lie in the regions the record declares."""
    table = territory_index(index)
    if not table:
        return
    for record, organisation in index.organisations.values():
        if organisation.serves is None:
            continue
        regions = None if organisation.regions == "all" else [str(r) for r in organisation.regions]
        for i, name in enumerate(organisation.serves.mrcs):
            loc: Loc = ("serves", "mrcs", i)
            every = table.mrcs_named(name)
            if not every:
                yield record.error(loc, Code.UNKNOWN_MRC, value=name, suggestions=table.closest_mrcs(name))
            elif regions is not None and not table.mrcs_named(name, regions):
                yield record.error(
                    loc,
                    Code.PLACE_OUTSIDE_REGIONS,
                    value=name,
                    found=", ".join(sorted({r for r, _ in every})),
                    regions=regions,
                )
        for i, name in enumerate(organisation.serves.municipalities):
            yield from _check_municipality(table, record, ("serves", "municipalities", i), name, regions)
    for record, advisor in index.advisors:
        for i, name in enumerate(advisor.serves.municipalities):
            yield from _check_municipality(
                table, record, ("serves", "municipalities", i), name, [str(advisor.region)]
            )


def _check_municipality(
    table: TerritoryIndex, record: Record, loc: Loc, name: str, regions: list[str] | None
) -> Iterator[ContentError]:
    every = table.municipalities_named(name)
    if not every:
        yield record.error(
            loc, Code.UNKNOWN_MUNICIPALITY, value=name, suggestions=table.closest_municipalities(name)
        )
    elif regions is not None and not table.municipalities_named(name, regions):
        yield record.error(
            loc,
            Code.PLACE_OUTSIDE_REGIONS,
            value=name,
            found=", ".join(sorted({p.region for p in every})),
            regions=regions,
        )
