"""``python -m generator routing-diff BASE_REF [--root PATH]``: what a change to the
content does to routing.

Builds the routing table from the content at git ``BASE_REF`` (read with
``git archive``, never by checking anything out) and from the working tree, then
prints Markdown for a pull request: postal areas (FSAs and full postal codes) whose
region, ERAC or candidate regions change, municipalities of the territory table whose
region, ERAC or first-line organisation changes, and advisors gaining or losing areas. The
comparison itself is a pure function on two tables (``diff_tables``), rendering is
another (``render_markdown``).

Exit status: 0 when the diff was printed (changes or not), 1 when the ref is unknown
or either content tree does not validate.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NONE = "—"


@dataclass(frozen=True)
class AreaChange:
    """A postal area (an FSA such as ``J0K`` or a full code such as ``J0K 2R0``) whose
    routing changes. ``regions`` lists the candidate regions (one when the area is not
    shared); empty when the area is not in that table."""

    area: str
    regions_before: tuple[str, ...]
    regions_after: tuple[str, ...]
    eracs_before: tuple[str, ...]
    eracs_after: tuple[str, ...]


@dataclass(frozen=True)
class AdvisorChange:
    """An advisor present before and after whose served areas, region or organisation changed."""

    id: str
    name: str
    fsas_added: tuple[str, ...] = ()
    fsas_removed: tuple[str, ...] = ()
    municipalities_added: tuple[str, ...] = ()
    municipalities_removed: tuple[str, ...] = ()
    region_before: str = ""
    region_after: str = ""
    organisation_before: str = ""
    organisation_after: str = ""


@dataclass(frozen=True)
class AdvisorPresence:
    """An advisor only in one of the two tables."""

    id: str
    name: str
    region: str
    fsas: tuple[str, ...]
    municipalities: tuple[str, ...]


@dataclass(frozen=True)
class MunicipalityChange:
    """A municipality whose region, ERAC or first-line organisation changes (empty strings
    when it is not in that table)."""

    code: str
    name: str
    region_before: str
    region_after: str
    erac_before: str
    erac_after: str
    first_line_before: str
    first_line_after: str


@dataclass(frozen=True)
class RoutingDiff:
    areas: list[AreaChange] = field(default_factory=list)
    municipalities: list[MunicipalityChange] = field(default_factory=list)
    advisors: list[AdvisorChange] = field(default_factory=list)
    advisors_added: list[AdvisorPresence] = field(default_factory=list)
    advisors_removed: list[AdvisorPresence] = field(default_factory=list)
    # region code -> name by language, from both tables, for rendering
    region_names: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (
            self.areas or self.municipalities or self.advisors or self.advisors_added or self.advisors_removed
        )


# --- comparing -----------------------------------------------------------------------


def _erac(table: dict[str, Any], code: str) -> str:
    return str(table.get("regions", {}).get(code, {}).get("erac", ""))


def _town_erac(table: dict[str, Any], town: dict[str, Any]) -> str:
    return str(town.get("erac") or _erac(table, str(town.get("region", ""))))


def _area_routes(table: dict[str, Any]) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """area -> (candidate region codes, their ERACs) for every FSA and full code of a table
    (an FSA's ERACs are its municipalities' when the territory table lists them)."""
    routes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    towns: dict[str, Any] = table.get("municipalities", {})
    for fsa, entry in table.get("fsas", {}).items():
        regions = tuple(sorted(entry.get("regions", [])))
        eracs = {
            _erac(table, code)
            for code in regions
            if not any(towns[c]["region"] == code for c in entry.get("places", []) if c in towns)
        }
        eracs |= {_town_erac(table, towns[c]) for c in entry.get("places", []) if c in towns}
        routes[fsa] = (regions, tuple(sorted(eracs)))
    for code, region in table.get("codes", {}).items():
        routes[code] = ((region,), (_erac(table, region),))
    for code, town_code in table.get("postcodes", {}).items():
        town = towns.get(town_code, {})
        routes[code] = ((str(town.get("region", "")),), (_town_erac(table, town),))
    return routes


def _municipality_routes(table: dict[str, Any]) -> dict[str, tuple[str, str, str, str]]:
    """municipality code -> (name, region, ERAC, first-line organisation)."""
    out = {}
    for code, town in table.get("municipalities", {}).items():
        first = town.get("first_line") or [""]
        out[code] = (
            str(town.get("name", "")),
            str(town.get("region", "")),
            _town_erac(table, town),
            str(first[0]),
        )
    return out


def _area_key(area: str) -> tuple[str, int, str]:
    # an FSA first, then its full codes
    return (area[:3], 0 if len(area) == 3 else 1, area)


def _presence(advisor_id: str, entry: dict[str, Any]) -> AdvisorPresence:
    return AdvisorPresence(
        id=advisor_id,
        name=str(entry.get("name", "")),
        region=str(entry.get("region", "")),
        fsas=tuple(sorted(entry.get("fsas", []))),
        municipalities=tuple(sorted(entry.get("municipalities", []))),
    )


def diff_tables(before: dict[str, Any], after: dict[str, Any]) -> RoutingDiff:
    """Compare two routing tables (the shape of ``functions/route_request/routing_table.json``;
    an empty dict stands for "no content"). Returns the areas whose candidate regions or
    ERACs differ and the advisors whose served areas, region or organisation differ,
    plus advisors added and removed, all sorted."""
    routes_before, routes_after = _area_routes(before), _area_routes(after)
    areas: list[AreaChange] = []
    for area in sorted(set(routes_before) | set(routes_after), key=_area_key):
        regions_b, eracs_b = routes_before.get(area, ((), ()))
        regions_a, eracs_a = routes_after.get(area, ((), ()))
        if (regions_b, eracs_b) != (regions_a, eracs_a):
            areas.append(AreaChange(area, regions_b, regions_a, eracs_b, eracs_a))

    towns_b, towns_a = _municipality_routes(before), _municipality_routes(after)
    municipalities: list[MunicipalityChange] = []
    for code in sorted(set(towns_b) | set(towns_a)):
        name_b, region_b, erac_b, first_b = towns_b.get(code, ("", "", "", ""))
        name_a, region_a, erac_a, first_a = towns_a.get(code, ("", "", "", ""))
        if (region_b, erac_b, first_b) != (region_a, erac_a, first_a):
            municipalities.append(
                MunicipalityChange(
                    code, name_a or name_b, region_b, region_a, erac_b, erac_a, first_b, first_a
                )
            )

    advisors_b: dict[str, Any] = before.get("advisors", {})
    advisors_a: dict[str, Any] = after.get("advisors", {})
    changes: list[AdvisorChange] = []
    for advisor_id in sorted(set(advisors_b) & set(advisors_a)):
        old, new = advisors_b[advisor_id], advisors_a[advisor_id]
        fsas_old, fsas_new = set(old.get("fsas", [])), set(new.get("fsas", []))
        mun_old, mun_new = set(old.get("municipalities", [])), set(new.get("municipalities", []))
        change = AdvisorChange(
            id=advisor_id,
            name=str(new.get("name", "")),
            fsas_added=tuple(sorted(fsas_new - fsas_old)),
            fsas_removed=tuple(sorted(fsas_old - fsas_new)),
            municipalities_added=tuple(sorted(mun_new - mun_old)),
            municipalities_removed=tuple(sorted(mun_old - mun_new)),
            region_before=str(old.get("region", "")),
            region_after=str(new.get("region", "")),
            organisation_before=str(old.get("organisation", "")),
            organisation_after=str(new.get("organisation", "")),
        )
        moved = (
            change.region_before != change.region_after
            or change.organisation_before != change.organisation_after
        )
        if moved or change.fsas_added or change.fsas_removed or mun_old != mun_new:
            changes.append(change)

    names: dict[str, dict[str, str]] = {}
    for table in (before, after):  # the newer name wins
        for code, region in table.get("regions", {}).items():
            names[code] = dict(region.get("name", {}))
    return RoutingDiff(
        areas=areas,
        municipalities=municipalities,
        advisors=changes,
        advisors_added=[_presence(i, advisors_a[i]) for i in sorted(set(advisors_a) - set(advisors_b))],
        advisors_removed=[_presence(i, advisors_b[i]) for i in sorted(set(advisors_b) - set(advisors_a))],
        region_names=names,
    )


# --- rendering -----------------------------------------------------------------------

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "none": "Aucun changement de routage.",
        "title": "## Changements de routage",
        "areas": "### Secteurs postaux",
        "areas_intro": "Codes postaux dont la région, l'ERAC ou les régions au choix changent.",
        "towns": "### Municipalités",
        "towns_intro": "Municipalités dont la région, l'ERAC ou l'organisme de première ligne change.",
        "town": "Municipalité",
        "first_line": "Première ligne",
        "area": "Secteur",
        "region": "Région",
        "erac": "ERAC",
        "advisors": "### Conseillers et conseillères",
        "advisor": "Conseiller·ère",
        "gained": "Secteurs ajoutés",
        "lost": "Secteurs retirés",
        "other": "Autres changements",
        "added": "### Conseillers et conseillères ajoutés",
        "removed": "### Conseillers et conseillères retirés",
        "serves": "Secteurs desservis",
        "or": " ou ",
        "choice": " (au choix)",
        "organisation": "organisation",
        "summary": (
            "{areas} secteur(s) postal(aux), {towns} municipalité(s) et {advisors} conseiller·ère(s) touchés."
        ),
    },
    "en": {
        "none": "No routing change.",
        "title": "## Routing changes",
        "areas": "### Postal areas",
        "areas_intro": "Postal codes whose region, ERAC or candidate regions change.",
        "towns": "### Municipalities",
        "towns_intro": "Municipalities whose region, ERAC or first-line organisation changes.",
        "town": "Municipality",
        "first_line": "First line",
        "area": "Area",
        "region": "Region",
        "erac": "ERAC",
        "advisors": "### Advisors",
        "advisor": "Advisor",
        "gained": "Areas added",
        "lost": "Areas removed",
        "other": "Other changes",
        "added": "### Advisors added",
        "removed": "### Advisors removed",
        "serves": "Areas served",
        "or": " or ",
        "choice": " (requester chooses)",
        "organisation": "organisation",
        "summary": "{areas} postal area(s), {towns} municipality(ies) and {advisors} advisor(s) affected.",
    },
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|") or NONE


def _region(diff: RoutingDiff, code: str, lang: str) -> str:
    name = diff.region_names.get(code, {}).get(lang, "")
    return f"{code} {name}".strip()


def _regions(diff: RoutingDiff, codes: tuple[str, ...], lang: str) -> str:
    if not codes:
        return NONE
    text = _WORDS[lang]["or"].join(_region(diff, code, lang) for code in codes)
    return text + (_WORDS[lang]["choice"] if len(codes) > 1 else "")


def _arrow(before: str, after: str) -> str:
    return _cell(after) if before == after else f"{_cell(before)} → {_cell(after)}"


def _served(fsas: tuple[str, ...], municipalities: tuple[str, ...]) -> str:
    return _cell(", ".join((*fsas, *municipalities)))


def render_markdown(diff: RoutingDiff, lang: str = "fr") -> str:
    """Markdown for a pull request's summary, in ``lang`` (``fr`` or ``en``): tables of
    changed areas and advisors, or one sentence when nothing changes."""
    w = _WORDS["en" if lang == "en" else "fr"]
    lang = "en" if lang == "en" else "fr"
    if diff.empty:
        return w["none"] + "\n"
    affected = len(diff.advisors) + len(diff.advisors_added) + len(diff.advisors_removed)
    summary = w["summary"].format(areas=len(diff.areas), towns=len(diff.municipalities), advisors=affected)
    out = [w["title"], "", summary, ""]
    if diff.areas:
        out += [w["areas"], "", w["areas_intro"], ""]
        out += [f"| {w['area']} | {w['region']} | {w['erac']} |", "|---|---|---|"]
        for a in diff.areas:
            regions = _arrow(_regions(diff, a.regions_before, lang), _regions(diff, a.regions_after, lang))
            eracs = _arrow(", ".join(a.eracs_before), ", ".join(a.eracs_after))
            out.append(f"| `{a.area}` | {regions} | {eracs} |")
        out.append("")
    if diff.municipalities:
        out += [w["towns"], "", w["towns_intro"], ""]
        out += [f"| {w['town']} | {w['region']} | {w['erac']} | {w['first_line']} |", "|---|---|---|---|"]
        for m in diff.municipalities:
            region = _arrow(
                _region(diff, m.region_before, lang) if m.region_before else "",
                _region(diff, m.region_after, lang) if m.region_after else "",
            )
            out.append(
                f"| {_cell(m.name)} (`{m.code}`) | {region} | {_arrow(m.erac_before, m.erac_after)} "
                f"| {_arrow(m.first_line_before, m.first_line_after)} |"
            )
        out.append("")
    if diff.advisors:
        out += [w["advisors"], ""]
        out += [f"| {w['advisor']} | {w['gained']} | {w['lost']} | {w['other']} |", "|---|---|---|---|"]
        for c in diff.advisors:
            other = []
            sep = ": " if lang == "en" else " : "
            if c.region_before != c.region_after:
                moved = f"{_region(diff, c.region_before, lang)} → {_region(diff, c.region_after, lang)}"
                other.append(f"{w['region'].lower()}{sep}{moved}")
            if c.organisation_before != c.organisation_after:
                other.append(f"{w['organisation']}{sep}{c.organisation_before} → {c.organisation_after}")
            out.append(
                f"| {_cell(c.name)} (`{c.id}`) | {_served(c.fsas_added, c.municipalities_added)} "
                f"| {_served(c.fsas_removed, c.municipalities_removed)} | {_cell('; '.join(other))} |"
            )
        out.append("")
    for title, people in ((w["added"], diff.advisors_added), (w["removed"], diff.advisors_removed)):
        if people:
            out += [title, "", f"| {w['advisor']} | {w['region']} | {w['serves']} |", "|---|---|---|"]
            for p in people:
                out.append(
                    f"| {_cell(p.name)} (`{p.id}`) | {_cell(_region(diff, p.region, lang))} "
                    f"| {_served(p.fsas, p.municipalities)} |"
                )
            out.append("")
    return "\n".join(out)


# --- reading both content trees ------------------------------------------------------


class RoutingDiffError(Exception):
    """A user-facing problem: unknown ref, not a git repository, content that does not validate."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def extract_content(root: Path, ref: str, into: Path) -> bool:
    """Write ``content/`` as it is at ``ref`` under ``into/content``, with ``git archive``
    (the working tree is never touched). Returns False when ``content/`` does not
    exist at ``ref``; raises RoutingDiffError when ``ref`` is not a commit."""
    if _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").returncode != 0:
        raise RoutingDiffError(ref)
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    tree = f"{ref}:{prefix}content"
    if _git(root, "cat-file", "-e", tree).returncode != 0:
        return False
    archive = _git(root, "archive", "--format=tar", tree)
    if archive.returncode != 0:
        raise RoutingDiffError(ref)
    target = into / "content"
    target.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        # "data" refuses absolute paths, links out of the folder and special files
        tar.extractall(target, filter="data")
    return True


def table_for(root: Path, lang: str = "fr") -> tuple[dict[str, Any], list[str]]:
    """The routing table built from ``root/content``, or the validation errors as lines."""
    from generator.load import load_directory  # the loader pulls in pydantic models: import late
    from generator.routing_table import build_routing_table

    result = load_directory(root)
    if result.directory is None or result.errors:
        return {}, [error.render(lang) for error in result.errors]
    return build_routing_table(result.directory), []


_ERRORS = {
    "fr": {
        "ref": "routing-diff : « {ref} » n'est pas une référence git connue dans {root} "
        "(un nom de branche, d'étiquette ou un identifiant de commit ; en CI, récupérez tout "
        "l'historique avec fetch-depth: 0).",
        "git": "routing-diff : {root} n'est pas un dépôt git.",
        "invalid": "routing-diff : le contenu {where} ne passe pas la validation ; "
        "corrigez d'abord les erreurs de « python -m generator validate » :",
        "base": "à {ref}",
        "work": "de la copie de travail",
    },
    "en": {
        "ref": "routing-diff: “{ref}” is not a git ref known in {root} "
        "(a branch, tag or commit id; in CI, fetch the whole history with fetch-depth: 0).",
        "git": "routing-diff: {root} is not a git repository.",
        "invalid": "routing-diff: the content {where} does not validate; "
        "fix the errors of “python -m generator validate” first:",
        "base": "at {ref}",
        "work": "of the working tree",
    },
}


def routing_diff(root: Path, ref: str, lang: str = "fr") -> str:
    """Markdown for the routing changes between ``ref`` and the working tree under ``root``.
    Raises RoutingDiffError (message in ``lang``) for an unknown ref or invalid content."""
    words = _ERRORS["en" if lang == "en" else "fr"]
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise RoutingDiffError(words["git"].format(root=root))
    with tempfile.TemporaryDirectory(prefix="relais-routing-diff-") as tmp:
        try:
            has_content = extract_content(root, ref, Path(tmp))
        except RoutingDiffError:
            raise RoutingDiffError(words["ref"].format(ref=ref, root=root)) from None
        before, errors = table_for(Path(tmp), lang) if has_content else ({}, [])
        if errors:
            where = words["base"].format(ref=ref)
            raise RoutingDiffError("\n".join([words["invalid"].format(where=where), *errors]))
    after, errors = table_for(root, lang)
    if errors:
        raise RoutingDiffError("\n".join([words["invalid"].format(where=words["work"]), *errors]))
    return render_markdown(diff_tables(before, after), lang)


# --- command line --------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser, default_root: Path = Path(".")) -> None:
    """The arguments of ``python -m generator routing-diff``."""
    parser.add_argument("base_ref", metavar="BASE_REF", help="git ref to compare with (e.g. origin/main)")
    parser.add_argument("--root", type=Path, default=default_root, help="project root holding content/")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the report (fr)")


def run(args: argparse.Namespace) -> int:
    """Print the routing diff; 0 when printed, 1 on an unknown ref or invalid content."""
    try:
        sys.stdout.write(routing_diff(args.root, args.base_ref, args.lang))
    except RoutingDiffError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator routing-diff", description=__doc__.split("\n")[0]
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
