"""How much of the network is real: ERACs named from a source, real and sample
records by region, and records whose last check is over a year old.

``python -m generator validate`` and ``build`` print the summary and the stale
records; ``python -m generator coverage`` writes ``docs/network-coverage.md``
(``--check`` fails when it is out of date, as ``reference --check`` does).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from generator.directory import Directory
from generator.models import Advisor, Organisation, Program, Region, Source
from generator.vocab import OrganisationKind

ERAC_COUNT = 18
"""One ERAC per administrative region, plus the Îles-de-la-Madeleine's own."""

STALE_AFTER = dt.timedelta(days=365)
"""A record whose newest consulted date is older than this is flagged (12 months)."""

COVERAGE_DOC = "docs/network-coverage.md"


def last_checked(sources: Iterable[Source]) -> dt.date | None:
    """The newest ``consulted`` date among ``sources``, ``None`` when none has one."""
    dates = [s.consulted for s in sources if s.consulted is not None]
    return max(dates) if dates else None


def content_path(record: Region | Organisation | Advisor | Program) -> str:
    """The file a record lives in (its id is its file name)."""
    folder = {Region: "regions", Organisation: "organisations", Advisor: "advisors", Program: "programs"}
    return f"content/{folder[type(record)]}/{record.id}.yaml"


@dataclass(frozen=True)
class Stale:
    path: str
    checked: dt.date


def stale_records(directory: Directory, today: dt.date) -> list[Stale]:
    """Real records last checked more than :data:`STALE_AFTER` before ``today``,
    oldest first (samples are never checked: they are fictitious)."""
    records: list[Region | Organisation | Advisor | Program] = [
        *directory.regions.values(),
        *directory.organisations.values(),
        *directory.advisors.values(),
        *directory.programs.values(),
    ]
    found = []
    for record in records:
        if getattr(record, "sample", False):
            continue
        checked = last_checked(record.sources)
        if checked is not None and today - checked > STALE_AFTER:
            found.append(Stale(content_path(record), checked))
    return sorted(found, key=lambda s: (s.checked, s.path))


@dataclass(frozen=True)
class RegionCount:
    code: str
    name: str
    erac: str
    erac_named: bool
    real: int
    sample: int
    advisors_real: int
    advisors_sample: int


@dataclass(frozen=True)
class Coverage:
    eracs_named: int
    eracs_total: int
    real: int
    sample: int
    quebec_wide: int
    advisors_real: int
    advisors_sample: int
    regions: list[RegionCount]


def _named(org: Organisation) -> bool:
    """An ERAC is named when its record is a real one (not a placeholder sample)."""
    return not org.sample


def coverage(directory: Directory) -> Coverage:
    """Counts over the whole directory and per region (an organisation serving
    several regions counts in each; Québec-wide ones are counted apart)."""
    orgs = list(directory.organisations.values())
    eracs = [o for o in orgs if o.kind == OrganisationKind.ERAC]
    regions = []
    for region in sorted(directory.regions.values(), key=lambda r: r.code):
        local = [o for o in orgs if o.regions != "all" and region.code in o.regions]
        advisors = directory.advisors_in(region)
        erac = directory.erac_of(region)
        regions.append(
            RegionCount(
                code=str(region.code),
                name=region.name.fr,
                erac=erac.name.fr,
                erac_named=_named(erac),
                real=sum(1 for o in local if not o.sample),
                sample=sum(1 for o in local if o.sample),
                advisors_real=sum(1 for a in advisors if not a.sample),
                advisors_sample=sum(1 for a in advisors if a.sample),
            )
        )
    return Coverage(
        eracs_named=sum(1 for o in eracs if _named(o)),
        eracs_total=ERAC_COUNT,
        real=sum(1 for o in orgs if not o.sample),
        sample=sum(1 for o in orgs if o.sample),
        quebec_wide=sum(1 for o in orgs if o.regions == "all"),
        advisors_real=sum(1 for a in directory.advisors.values() if not a.sample),
        advisors_sample=sum(1 for a in directory.advisors.values() if a.sample),
        regions=regions,
    )


def summary_line(cov: Coverage, lang: str) -> str:
    """One line for the build output."""
    if lang == "en":
        return (
            f"Network: {cov.eracs_named}/{cov.eracs_total} ERACs named from a source; "
            f"organisations {cov.real} real, {cov.sample} samples; "
            f"advisors {cov.advisors_real} real, {cov.advisors_sample} samples"
        )
    return (
        f"Réseau : {cov.eracs_named}/{cov.eracs_total} ERAC nommées d'après une source ; "
        f"organismes {cov.real} réels, {cov.sample} exemples ; "
        f"conseillers {cov.advisors_real} réels, {cov.advisors_sample} exemples"
    )


def stale_line(item: Stale, lang: str) -> str:
    if lang == "en":
        return (
            f"{item.path}: last checked {item.checked.isoformat()}, over 12 months ago "
            "— check its sources again and update consulted:"
        )
    return (
        f"{item.path} : vérifié le {item.checked.isoformat()}, il y a plus de 12 mois "
        "— revérifiez ses sources et mettez consulted: à jour"
    )


def coverage_markdown(cov: Coverage) -> str:
    """``docs/network-coverage.md``: the counts, generated (ends with one newline)."""
    lines = [
        "<!-- Généré par / generated by `python -m generator coverage` : ne pas modifier / do not edit. -->",
        "",
        "# Couverture du réseau — Network coverage",
        "",
        "Ce que le répertoire contient de réel : une fiche réelle cite au moins une source datée "
        "(`consulted:`) ; une fiche d'exemple (`sample: true`, courriel `@example.org`) est "
        "fictive et affichée comme telle. *What the directory holds that is real: a real record "
        "cites at least one dated source; a sample record is fictitious and labelled as such.*",
        "",
        f"- ERAC nommées d'après une source / ERACs named from a source: **{cov.eracs_named} / "
        f"{cov.eracs_total}**",
        f"- Organismes réels / real organisations: **{cov.real}**; exemples / samples: **{cov.sample}** "
        f"(dont / of which {cov.quebec_wide} à l'échelle du Québec / Québec-wide)",
        f"- Conseillers réels / real advisors: **{cov.advisors_real}**; exemples / samples: "
        f"**{cov.advisors_sample}** (advisors are people: real ones come from the network, "
        "never from the web)",
        "",
        "| code | région / region | ERAC | nommée / named | organismes réels / real | "
        "exemples / samples | conseillers réels / real advisors | conseillers exemples / sample advisors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in cov.regions:
        named = "oui / yes" if r.erac_named else "non / no"
        lines.append(
            f"| {r.code} | {r.name} | {r.erac} | {named} | {r.real} | {r.sample} | "
            f"{r.advisors_real} | {r.advisors_sample} |"
        )
    lines += [
        "",
        "Une organisation qui sert plusieurs régions compte dans chacune ; celles qui servent tout "
        "le Québec sont comptées à part. *An organisation serving several regions counts in each; "
        "Québec-wide ones are counted apart.*",
    ]
    return "\n".join(lines) + "\n"
