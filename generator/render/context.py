"""View models of the generated pages: everything a template shows, already
chosen, sorted, formatted and translated for one language. Templates only lay
these values out (STYLE: templates hold markup, Python holds logic).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.coverage import content_path, last_checked
from generator.directory import Directory
from generator.finder import build_finder_lookup
from generator.formatting import format_amount, format_date, tel_uri, typeset
from generator.models import Address, Advisor, Organisation, Program, Region, Source
from generator.render import labels
from generator.render.corrections import correction_url
from generator.render.structured_data import as_script, organisation_jsonld, program_jsonld
from generator.vocab import Language, OrganisationKind, ProgramStatus

ABOUT_PAGE = "a-propos.md"


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    lang: str | None = None  # set when the text is in the other language


@dataclass(frozen=True)
class Badge:
    kind: str  # "sample" | "to-confirm" | a program status
    text: str


@dataclass(frozen=True)
class Checked:
    """« Vérifié le <date> · Signaler une correction » under a record."""

    date: str | None  # None for a sample record (nothing to check)
    correction_url: str


@dataclass(frozen=True)
class SourceView:
    title: str | None
    title_lang: str | None
    url: str | None
    seed: Link | None
    note: str | None


@dataclass(frozen=True)
class OrganisationView:
    id: str
    href: str  # its page, relative to the page showing it
    name: str
    kind: str
    description: str | None
    regions: str
    address: str | None
    website: str | None
    phone: str | None
    phone_uri: str | None
    email: str | None
    badges: list[Badge]
    checked: Checked


@dataclass(frozen=True)
class AdvisorView:
    id: str
    name: str
    title: str | None
    organisation: Link
    href: str  # the advisor's entry in the advisors index
    vcard: str
    serves: str
    languages: str
    expertise: str
    email: str
    phone: str | None
    attestation: str
    badges: list[Badge]
    checked: Checked


@dataclass(frozen=True)
class PriorityView:
    number: int
    title: str
    quote: str
    territory: str
    plan_territory: int
    # on English pages, the plan's own French wording (the quotation is exact in French only)
    original_title: str | None = None
    original_quote: str | None = None


@dataclass(frozen=True)
class ProgramItem:
    """One line of a program list (index, region page)."""

    id: str
    name: str
    href: str
    status: Badge
    kinds: str
    regions_attr: str  # space-separated region codes, "all" for the whole of Québec
    kinds_attr: str
    audiences_attr: str
    open_attr: str  # "start end" (ISO dates, "-" when none) when status is open, "" otherwise


@dataclass
class Page:
    """A generated page: its path under ``site_src/docs`` (without the language
    suffix) and what its template needs."""

    path: str
    template: str
    context: dict[str, object] = field(default_factory=dict)


# --- small helpers ----------------------------------------------------------------


def badges_for(record: Organisation | Advisor, lang: Language) -> list[Badge]:
    """``Exemple fictif`` for a sample record, ``À confirmer`` for one to confirm."""
    out = []
    if record.sample:
        out.append(Badge("sample", labels.ui("sample", lang)))
    if isinstance(record, Organisation) and record.to_confirm:
        out.append(Badge("to-confirm", labels.ui("to_confirm", lang)))
    return out


def checked_view(record: Region | Organisation | Advisor | Program, lang: Language) -> Checked:
    """When the record was last checked against its sources, and where to report an error."""
    date = None if getattr(record, "sample", False) else last_checked(record.sources)
    display = record.name if isinstance(record.name, str) else record.name[lang]  # advisors: a person's name
    return Checked(
        date=format_date(date, lang) if date else None,
        correction_url=correction_url(content_path(record), display, lang),
    )


def status_badge(program: Program, lang: Language) -> Badge:
    return Badge(f"status-{program.status}", labels.word(labels.STATUSES, program.status, lang))


def format_address(address: Address | None) -> str | None:
    if address is None:
        return None
    parts = [p for p in (address.street, address.city) if p]
    tail = " ".join(p for p in (address.province, address.postal_code) if p)
    return ", ".join([*parts, tail])


def join(words: Iterable[str]) -> str:
    return ", ".join(words)


def organisation_href(org_id: str, from_dir: str) -> str:
    """Link to an organisation's page, from a page ``from_dir`` below the site root."""
    return f"{from_dir}organisations/{org_id}.md"


def advisor_href(advisor: Advisor, from_dir: str) -> str:
    return f"{from_dir}conseillers/index.md#advisor-{advisor.id}"


def vcard_path(kind: str, record_id: str, from_dir: str) -> str:
    """The vCard file of an organisation (``kind="organisations"``) or an advisor
    (``"conseillers"``), from a page ``from_dir`` below the site root."""
    return f"{from_dir}{kind}/{record_id}.vcf"


def region_page_links(directory: Directory, codes: object, lang: Language, up: str) -> list[Link]:
    """Links to the pages of the regions ``codes`` names; none for ``all`` (the whole of Québec)."""
    if codes == "all":
        return []
    assert isinstance(codes, list)
    regions = [directory.region_by_code(c) for c in sorted(codes)]
    return [Link(r.name[lang], f"{up}regions/{r.id}.md") for r in regions]


def source_view(source: Source, lang: Language, from_dir: str) -> SourceView:
    seed = None
    if source.seed:
        number = source.seed[:3]
        seed = Link(f"{labels.ui('seed_document', lang)} {number}", f"{from_dir}{ABOUT_PAGE}#seed-{number}")
    # Source titles are written in French: mark them on English pages (WCAG 3.1.2).
    return SourceView(
        title=source.title,
        title_lang="fr" if lang is Language.EN and source.title else None,
        url=source.url,
        seed=seed,
        note=source.note,
    )


def regions_text(directory: Directory, codes: object, lang: Language) -> str:
    if codes == "all":
        return labels.ui("whole_quebec", lang)
    assert isinstance(codes, list)
    return join(directory.region_by_code(c).name[lang] for c in sorted(codes))


def organisation_view(
    directory: Directory, org: Organisation, lang: Language, from_dir: str = "../"
) -> OrganisationView:
    return OrganisationView(
        id=org.id,
        href=organisation_href(org.id, from_dir),
        name=org.name[lang],
        kind=labels.word(labels.ORGANISATION_KINDS, org.kind, lang),
        description=org.description[lang] if org.description else None,
        regions=regions_text(directory, org.regions, lang),
        address=format_address(org.address),
        website=org.website,
        phone=org.phone,
        phone_uri=tel_uri(org.phone) if org.phone else None,
        email=org.email,
        badges=badges_for(org, lang),
        checked=checked_view(org, lang),
    )


def advisor_view(directory: Directory, advisor: Advisor, lang: Language, from_dir: str) -> AdvisorView:
    org = directory.organisations[advisor.organisation]
    serves = [*advisor.serves.fsas, *advisor.serves.municipalities]
    return AdvisorView(
        id=advisor.id,
        name=advisor.name,
        title=advisor.title[lang] if advisor.title else None,
        organisation=Link(org.name[lang], organisation_href(org.id, from_dir)),
        href=advisor_href(advisor, from_dir),
        vcard=vcard_path("conseillers", advisor.id, from_dir),
        serves=join(serves),
        languages=join(labels.word(labels.LANGUAGE_NAMES, x, lang) for x in advisor.languages),
        expertise=join(labels.word(labels.EXPERTISE, x, lang) for x in advisor.expertise),
        email=advisor.email,
        phone=advisor.phone,
        attestation=labels.word(labels.ATTESTATIONS, advisor.attested, lang),
        badges=badges_for(advisor, lang),
        checked=checked_view(advisor, lang),
    )


def program_item(program: Program, lang: Language, href: str) -> ProgramItem:
    return ProgramItem(
        id=program.id,
        name=program.name[lang],
        href=href,
        status=status_badge(program, lang),
        kinds=join(labels.word(labels.PROGRAM_KINDS, k, lang) for k in program.kinds),
        regions_attr="all" if program.regions == "all" else " ".join(sorted(program.regions)),
        kinds_attr=" ".join(program.kinds),
        audiences_attr=" ".join(program.audiences),
        open_attr=open_window(program),
    )


def open_window(program: Program) -> str:
    """For the « Ouvert maintenant » filter: ``"<start> <end>"`` of an open program (ISO
    dates, ``-`` for none), checked against the reader's today in the browser so the
    filter stays right between builds; ``""`` for a program that is not open."""
    if program.status != ProgramStatus.OPEN:
        return ""
    start, end = program.dates.start, program.dates.end
    return f"{start.isoformat() if start else '-'} {end.isoformat() if end else '-'}"


def _program_sort_key(program: Program, lang: Language) -> str:
    return program.name[lang].casefold()


# --- pages ---------------------------------------------------------------------------


def region_page(directory: Directory, region: Region, lang: Language) -> Page:
    """``regions/<slug>``: ERAC, priorities, advisors, organisations and programs."""
    up = "../"
    erac = directory.erac_of(region)
    regional_orgs = [o for o in directory.organisations_in(region) if o.regions != "all" and o.id != erac.id]
    quebec_wide = sum(1 for o in directory.organisations.values() if o.regions == "all")
    programs = sorted(directory.programs_in(region), key=lambda p: _program_sort_key(p, lang))
    priorities = [
        PriorityView(
            number=p.number,
            title=typeset(p.title[lang], lang),
            quote=typeset(p.quote[lang], lang),
            territory=p.territory[lang],
            plan_territory=p.plan_territory,
            original_title=typeset(p.title.fr, Language.FR) if lang is Language.EN else None,
            original_quote=typeset(p.quote.fr, Language.FR) if lang is Language.EN else None,
        )
        for p in sorted(region.priorities, key=lambda p: p.number)
    ]
    return Page(
        path=f"regions/{region.id}",
        template="region.md.j2",
        context={
            "region": region,
            "name": region.name[lang],
            "summary": region.summary[lang] if region.summary else None,
            "erac": organisation_view(directory, erac, lang),
            "priorities": priorities,
            "plan_lang": "fr" if lang is Language.EN else None,
            "advisors": [
                advisor_view(directory, a, lang, up)
                for a in sorted(directory.advisors_in(region), key=lambda a: a.name.casefold())
            ],
            "organisations": [
                organisation_view(directory, o, lang)
                for o in sorted(regional_orgs, key=lambda o: o.name[lang].casefold())
            ],
            "quebec_wide_count": quebec_wide,
            "programs_regional": [
                program_item(p, lang, f"{up}programmes/{p.id}.md") for p in programs if p.regions != "all"
            ],
            "programs_quebec": [
                program_item(p, lang, f"{up}programmes/{p.id}.md") for p in programs if p.regions == "all"
            ],
            "postal_areas": [(a.fsa, a.shared) for a in sorted(region.postal_areas, key=lambda a: a.fsa)],
            "sources": [source_view(s, lang, up) for s in region.sources],
            "checked": checked_view(region, lang),
        },
    )


def program_page(directory: Directory, program: Program, lang: Language) -> Page:
    """``programmes/<id>``: what, for whom, where, who runs and funds it, amounts, sources."""
    up = "../"
    orgs = directory.organisations

    def org_link(org_id: str) -> Link:
        return Link(orgs[org_id].name[lang], organisation_href(org_id, up))

    regions = region_page_links(directory, program.regions, lang, up)
    children = sorted(
        (p for p in directory.programs.values() if p.parent == program.id),
        key=lambda p: _program_sort_key(p, lang),
    )
    parent = directory.programs.get(program.parent) if program.parent else None
    dates = [
        (labels.ui(key, lang), format_date(value, lang))
        for key, value in (
            ("announced", program.dates.announced),
            ("start", program.dates.start),
            ("end", program.dates.end),
        )
        if value is not None
    ]
    return Page(
        path=f"programmes/{program.id}",
        template="program.md.j2",
        context={
            "program": program,
            "name": program.name[lang],
            "summary": program.summary[lang],
            "status": status_badge(program, lang),
            "open_text": labels.ui(f"open_{program.status.value}", lang),
            "is_open": program.status is ProgramStatus.OPEN,
            "kinds": join(labels.word(labels.PROGRAM_KINDS, k, lang) for k in program.kinds),
            "audiences": join(labels.word(labels.AUDIENCES, a, lang) for a in program.audiences),
            "regions": regions,
            "operator": org_link(program.operator),
            "funders": [org_link(f) for f in program.funders],
            "parent": Link(parent.name[lang], f"{parent.id}.md") if parent else None,
            "children": [program_item(c, lang, f"{c.id}.md") for c in children],
            "amounts": [
                (
                    a.label[lang],
                    format_amount(
                        a.amount, lang, per_year=a.per_year, in_millions=a.in_millions, more_than=a.more_than
                    ),
                )
                for a in program.amounts
            ],
            "indicators": [(i.indicator[lang], i.target[lang]) for i in program.indicators],
            "dates": dates,
            "website": program.website,
            "sources": [source_view(s, lang, up) for s in program.sources],
            "jsonld": as_script(program_jsonld(directory, program, lang)),
            "checked": checked_view(program, lang),
        },
    )


def regions_index_page(directory: Directory, lang: Language) -> Page:
    return Page(
        path="regions/index",
        template="regions_index.md.j2",
        context={
            "regions": region_links(directory, lang, ""),
            "tiles": region_tiles(directory, lang, ""),
            "width": 8 * (TILE_W + GAP) - GAP,
            "height": 5 * (TILE_H + GAP) - GAP,
        },
    )


def region_links(directory: Directory, lang: Language, from_dir: str) -> list[tuple[str, Link, str]]:
    """(code, link to the region page, ERAC name), in official-code order."""
    return [
        (r.code, Link(r.name[lang], f"{from_dir}{r.id}.md"), directory.erac_of(r).name[lang])
        for r in sorted(directory.regions.values(), key=lambda r: r.code)
    ]


# A schematic tile map of the 17 regions in geographic order (west → east, north → south):
# region code → (column, row, width in columns). Not real boundaries: the open datasets of
# boundaries could not be had here, so the map says it is schematic.
TILES: dict[str, tuple[int, int, int]] = {
    "10": (0, 0, 8),  # Nord-du-Québec
    "08": (0, 1, 2),  # Abitibi-Témiscamingue
    "02": (3, 1, 2),  # Saguenay–Lac-Saint-Jean
    "09": (5, 1, 3),  # Côte-Nord
    "07": (0, 2, 1),  # Outaouais
    "15": (1, 2, 1),  # Laurentides
    "14": (2, 2, 1),  # Lanaudière
    "04": (3, 2, 1),  # Mauricie
    "03": (4, 2, 1),  # Capitale-Nationale
    "01": (5, 2, 1),  # Bas-Saint-Laurent
    "11": (6, 2, 1),  # Gaspésie–Îles-de-la-Madeleine
    "13": (1, 3, 1),  # Laval
    "17": (3, 3, 1),  # Centre-du-Québec
    "12": (4, 3, 1),  # Chaudière-Appalaches
    "06": (1, 4, 1),  # Montréal
    "16": (2, 4, 1),  # Montérégie
    "05": (3, 4, 1),  # Estrie
}
ISLANDS = (7, 3)  # the Îles-de-la-Madeleine, out in the Gulf: their own tile, region 11's page
TILE_W, TILE_H, GAP = 60, 44, 4


@dataclass(frozen=True)
class Tile:
    code: str
    label: str  # the accessible name
    text: str  # what the tile shows
    href: str
    x: int
    y: int
    width: int
    height: int


def region_tiles(directory: Directory, lang: Language, from_dir: str) -> list[Tile]:
    """The map's tiles, each a link to its region page (``from_dir``: path to regions/)."""
    tiles = []
    for region in sorted(directory.regions.values(), key=lambda r: r.code):
        col, row, span = TILES[str(region.code)]
        href = f"{from_dir}{region.id}/"
        tiles.append(
            Tile(
                code=str(region.code),
                label=f"{region.name[lang]} ({region.code})",
                text=str(region.code),
                href=href,
                x=col * (TILE_W + GAP),
                y=row * (TILE_H + GAP),
                width=span * (TILE_W + GAP) - GAP,
                height=TILE_H,
            )
        )
        if str(region.code) == "11":
            islands = "Îles-de-la-Madeleine"
            tiles.append(
                Tile(
                    code="11",
                    label=f"{islands} — {region.name[lang]} ({region.code})",
                    text="Îles",
                    href=href,
                    x=ISLANDS[0] * (TILE_W + GAP) + 12,
                    y=ISLANDS[1] * (TILE_H + GAP) - 24,
                    width=TILE_W - 12,
                    height=TILE_H - 12,
                )
            )
    return tiles


def map_partial(directory: Directory, lang: Language) -> Page:
    """The schematic map of the 17 regions, included above the text list on the home page."""
    return Page(
        path="_generated/regions-map",
        template="regions_map.md.j2",
        context={
            "tiles": region_tiles(directory, lang, "regions/"),
            "width": 8 * (TILE_W + GAP) - GAP,
            "height": 5 * (TILE_H + GAP) - GAP,
        },
    )


def home_regions_partial(directory: Directory, lang: Language) -> Page:
    """The list of the 17 regions included by the hand-written home page."""
    return Page(
        path="_generated/regions-list",
        template="home_regions.md.j2",
        context={"regions": region_links(directory, lang, "regions/")},
    )


def region_options_partial(directory: Directory, lang: Language) -> Page:
    """``<option>``s of the 17 regions for the request form's region choice without JavaScript."""
    return Page(
        path="_generated/region-options",
        template="region_options.md.j2",
        context={
            "regions": [
                (r.code, r.name[lang]) for r in sorted(directory.regions.values(), key=lambda r: r.code)
            ]
        },
    )


def municipality_options_partial(directory: Directory, lang: Language) -> Page:
    """``<optgroup>``s of the request form's municipality choice without JavaScript: one per
    postal area that can still ask (its municipalities reach several regions or ERACs), each
    listing all its municipalities (value: the municipality's code)."""
    return Page(
        path="_generated/municipality-options",
        template="municipality_options.md.j2",
        context={"groups": shared_area_choices(directory, lang)},
    )


def shared_area_choices(directory: Directory, lang: Language) -> list[tuple[str, list[tuple[str, str]]]]:
    """(FSA, [(municipality code, "Name — Region")]) for each FSA whose municipalities reach
    more than one region or ERAC, sorted by FSA then name."""
    from generator.territory import TerritoryIndex, fold

    index = TerritoryIndex(directory.territories.values())
    region_names = {str(r.code): r.name[lang] for r in directory.regions.values()}
    groups = []
    fsas = sorted({area.fsa for region in directory.regions.values() for area in region.postal_areas})
    for fsa in fsas:
        places = index.in_fsa(fsa)
        if len({(p.region, p.erac) for p in places}) < 2:
            continue
        options = [
            (p.code, f"{p.name} — {region_names.get(p.region, p.region)}")
            for p in sorted(places, key=lambda p: (fold(p.name), p.code))
        ]
        groups.append((fsa, options))
    return groups


def programs_index_page(directory: Directory, lang: Language) -> Page:
    programs = sorted(directory.programs.values(), key=lambda p: _program_sort_key(p, lang))
    return Page(
        path="programmes/index",
        template="programs_index.md.j2",
        context={
            "programs": [program_item(p, lang, f"{p.id}.md") for p in programs],
            "region_options": [
                (r.code, r.name[lang]) for r in sorted(directory.regions.values(), key=lambda r: r.code)
            ],
            "kind_options": [
                (k.value, labels.word(labels.PROGRAM_KINDS, k, lang)) for k in labels.PROGRAM_KINDS
            ],
            "audience_options": [(a.value, labels.word(labels.AUDIENCES, a, lang)) for a in labels.AUDIENCES],
        },
    )


def organisations_index_page(directory: Directory, lang: Language) -> Page:
    groups = []
    for kind in OrganisationKind:
        members = sorted(
            (o for o in directory.organisations.values() if o.kind == kind),
            key=lambda o: o.name[lang].casefold(),
        )
        if members:
            groups.append(
                (
                    kind.value,
                    labels.word(labels.ORGANISATION_KINDS, kind, lang),
                    [organisation_view(directory, o, lang, "../") for o in members],
                )
            )
    return Page(
        path="organisations/index",
        template="organisations_index.md.j2",
        context={"groups": groups, "count": len(directory.organisations)},
    )


def organisation_page(directory: Directory, org: Organisation, lang: Language) -> Page:
    """``organisations/<id>``: what it does, where, contacts, programs, advisors, sources."""
    up = "../"

    def program_items(programs: Iterable[Program]) -> list[ProgramItem]:
        return [
            program_item(p, lang, f"{up}programmes/{p.id}.md")
            for p in sorted(programs, key=lambda p: _program_sort_key(p, lang))
        ]

    regions = region_page_links(directory, org.regions, lang, up)
    advisors = sorted(
        (a for a in directory.advisors.values() if a.organisation == org.id), key=lambda a: a.name.casefold()
    )
    return Page(
        path=f"organisations/{org.id}",
        template="organisation.md.j2",
        context={
            "org": organisation_view(directory, org, lang, up),
            "regions": regions,
            "mrcs": join(org.serves.mrcs) if org.serves else "",
            "municipalities": join(org.serves.municipalities) if org.serves else "",
            "vcard": f"{org.id}.vcf",
            "programs_run": program_items(p for p in directory.programs.values() if p.operator == org.id),
            "programs_funded": program_items(
                p for p in directory.programs.values() if org.id in p.funders and p.operator != org.id
            ),
            "advisors": [advisor_view(directory, a, lang, up) for a in advisors],
            "sources": [source_view(s, lang, up) for s in org.sources],
            "checked": checked_view(org, lang),
            "jsonld": as_script(organisation_jsonld(directory, org, lang)),
        },
    )


@dataclass(frozen=True)
class RegionAdvisors:
    name: str
    slug: str
    erac: Link
    advisors: list[AdvisorView]


def advisors_index_page(directory: Directory, lang: Language) -> Page:
    """``conseillers/index``: every advisor, by region in official-code order."""
    up = "../"
    regions = [
        RegionAdvisors(
            name=r.name[lang],
            slug=r.id,
            erac=Link(directory.erac_of(r).name[lang], organisation_href(r.erac, up)),
            advisors=[
                advisor_view(directory, a, lang, up)
                for a in sorted(directory.advisors_in(r), key=lambda a: a.name.casefold())
            ],
        )
        for r in sorted(directory.regions.values(), key=lambda r: r.code)
    ]
    return Page(
        path="conseillers/index",
        template="advisors_index.md.j2",
        context={"regions": regions, "count": len(directory.advisors)},
    )


def home_finder_partial(lang: Language) -> Page:
    """The postal-code finder included by the hand-written home page; without JavaScript
    its form leads to the list of postal areas."""
    return Page(path="_generated/finder", template="home_finder.md.j2", context={"action": "codes-postaux/"})


@dataclass(frozen=True)
class PostalAreaRegion:
    name: str
    href: str
    erac: Link | None  # the territory's own ERAC, when not the region's (the Îles)
    municipalities: str
    advisors: str


@dataclass(frozen=True)
class PostalAreaView:
    fsa: str
    regions: list[PostalAreaRegion]


def postal_index_page(directory: Directory, lang: Language, lookup: dict[str, Any]) -> Page:
    """``codes-postaux/index``: every postal area with its region and nearest advisors, from
    the finder's lookup (the function's answers): the finder without JavaScript. A shared
    area lists its municipalities under the answer each gets (region, own ERAC, advisors),
    as the function routes them when the form names the municipality."""
    by_code = {str(r.code): r for r in directory.regions.values()}
    answers = lookup["answers"]

    def region(answer: dict[str, Any], towns: list[str]) -> PostalAreaRegion:
        r = by_code[answer["r"]]
        own = answer["e"] != r.erac
        return PostalAreaRegion(
            name=r.name[lang],
            href=f"../regions/{r.id}.md",
            erac=Link(directory.organisations[answer["e"]].name[lang], organisation_href(answer["e"], "../"))
            if own
            else None,
            municipalities=join(towns),
            advisors=join(directory.advisors[a].name for a in answer["a"]),
        )

    groups: dict[str, list[PostalAreaView]] = {}
    for fsa, area in sorted(lookup["areas"].items()):
        if "x" in area:
            options = [region(answers[area["x"]], [])]
        elif "r" in area:  # no municipality list: the regions, as the form asks them
            options = [region(answers[index], names) for _, index, names in area["r"]]
        else:
            # One entry per distinct region, ERAC and advisors, in the form's order; the
            # first-line organisation (one per municipality) is left to the region pages.
            towns: dict[tuple[str, str, tuple[str, ...]], list[str]] = {}
            for mcode, index in area["m"]:
                answer = answers[index]
                key = (answer["r"], answer["e"], tuple(answer["a"]))
                towns.setdefault(key, []).append(lookup["places"][mcode][0])
            options = [region({"r": r, "e": e, "a": list(a)}, names) for (r, e, a), names in towns.items()]
        groups.setdefault(fsa[:2], []).append(PostalAreaView(fsa=fsa, regions=options))
    return Page(
        path="codes-postaux/index", template="postal_index.md.j2", context={"groups": list(groups.items())}
    )


def all_pages(directory: Directory, lang: Language, lookup: dict[str, Any] | None = None) -> list[Page]:
    """Every generated page of the site in ``lang`` (``lookup``: the finder's, built when not given)."""
    if lookup is None:
        lookup = build_finder_lookup(directory)
    pages = [
        home_regions_partial(directory, lang),
        home_finder_partial(lang),
        map_partial(directory, lang),
        postal_index_page(directory, lang, lookup),
        region_options_partial(directory, lang),
        municipality_options_partial(directory, lang),
        regions_index_page(directory, lang),
        programs_index_page(directory, lang),
        organisations_index_page(directory, lang),
        advisors_index_page(directory, lang),
    ]
    pages += [region_page(directory, r, lang) for r in directory.regions.values()]
    pages += [organisation_page(directory, o, lang) for o in directory.organisations.values()]
    pages += [program_page(directory, p, lang) for p in directory.programs.values()]
    return pages
