"""The facts of the seed documents are in the content, exactly as written.

These tests read the repository's own content/ (not a fixture) and the seed
documents in ../shared/seeds/, and fail when an edit drifts from the sources.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.directory import Directory
from generator.load import load_directory
from generator.vocab import RegionCode

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT.parent / "shared" / "seeds"

pytestmark = pytest.mark.real_content

# The IQ plan (seed 002) numbers its 18 territories alphabetically; official codes differ.
PLAN_TERRITORY_TO_CODE = {
    1: "08",  # Abitibi-Témiscamingue
    2: "01",  # Bas-Saint-Laurent
    3: "03",  # Capitale-Nationale
    4: "17",  # Centre-du-Québec
    5: "12",  # Chaudière-Appalaches
    6: "09",  # Côte-Nord
    7: "05",  # Estrie
    8: "11",  # Gaspésie
    9: "11",  # Îles-de-la-Madeleine: a territory of its own inside region 11
    10: "14",  # Lanaudière
    11: "15",  # Laurentides
    12: "13",  # Laval
    13: "04",  # Mauricie
    14: "16",  # Montérégie
    15: "06",  # Montréal
    16: "10",  # Nord-du-Québec
    17: "07",  # Outaouais
    18: "02",  # Saguenay–Lac-Saint-Jean
}


def seed(name_prefix: str) -> str:
    (path,) = SEEDS.glob(f"{name_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def normalise(text: str) -> str:
    """Markdown emphasis and line breaks are layout, not wording."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


@pytest.fixture(scope="module")
def directory() -> Directory:
    result = load_directory(REPO_ROOT)
    assert result.errors == []
    assert result.directory is not None
    return result.directory


def plan_priorities() -> list[tuple[int, int]]:
    """(plan territory, priority number) for every priority the plan lists."""
    text = seed("002")
    section = text[
        text.index("PRIORITÉS RÉGIONALES CIBLÉES") : text.index("RÉPONSES D'INVESTISSEMENT QUÉBEC AUX")
    ]
    found, territory = [], 0
    for line in section.splitlines():
        if m := re.match(r"^(\d+)\. [A-ZÀ-Ý]", line):
            territory = int(m.group(1))
        elif m := re.match(r"^PRIORITÉ (\d+)\s*$", line):
            found.append((territory, int(m.group(1))))
    return found


def test_all_seventeen_official_regions_are_there(directory: Directory) -> None:
    assert sorted(r.code for r in directory.regions.values()) == [c.value for c in RegionCode]


def test_every_priority_of_the_plan_is_in_its_official_region(directory: Directory) -> None:
    expected = plan_priorities()
    assert len(expected) == 37
    written = {
        (p.plan_territory, p.number): region.code
        for region in directory.regions.values()
        for p in region.priorities
    }
    assert sorted(written) == sorted(expected)
    for (territory, number), code in written.items():
        assert code == PLAN_TERRITORY_TO_CODE[territory], (territory, number)


def test_priorities_are_quoted_verbatim(directory: Directory) -> None:
    source = normalise(seed("002"))
    for region in directory.regions.values():
        for p in region.priorities:
            assert normalise(p.title.fr) in source, (region.id, p.number, "title")
            assert normalise(p.quote.fr) in source, (region.id, p.number, "quote")


def test_iles_de_la_madeleine_is_a_territory_of_its_own_in_region_11(directory: Directory) -> None:
    region = directory.region_by_code("11")
    territories = {p.territory.fr for p in region.priorities}
    assert territories == {"Gaspésie", "Îles-de-la-Madeleine"}


def test_lanaudiere_erac_contact_is_the_press_release_one(directory: Directory) -> None:
    erac = directory.erac_of(directory.region_by_code("14"))
    assert erac.name.fr == "Lanaudière Économique"
    assert erac.phone == "450 365-9218 p. 201"
    assert erac.email == "direction@lanaudiere-economique.org"
    assert "000_ea424c5ca448c04d.txt" in {s.seed for s in erac.sources}


def test_each_otn_funded_project_has_the_amount_the_summary_gives(directory: Directory) -> None:
    text = seed("004")
    amounts = {int(a.replace(" ", "")) for a in re.findall(r"\((\d{1,3}(?: \d{3})+) \$\)", text)}
    assert len(amounts) == 9
    projects = [p for p in directory.programs.values() if p.parent == "otn" and p.dates.announced]
    funded = {a.amount for p in projects for a in p.amounts if p.dates.announced.isoformat() == "2022-04-20"}
    assert amounts <= funded


def test_iq_plan_action_5_concerns_the_eight_regions_of_the_table(directory: Directory) -> None:
    action = directory.programs["iq-action-5"]
    # plan territories 4, 5, 7, 8, 12, 13, 14, 15 in official codes
    assert action.regions != "all"
    assert sorted(action.regions) == ["04", "05", "06", "11", "12", "13", "16", "17"]


def test_no_advisor_is_presented_as_real_without_a_source(directory: Directory) -> None:
    for advisor in directory.advisors.values():
        assert advisor.sample or advisor.sources, advisor.id
        if advisor.sample:
            assert advisor.email.endswith("@example.org")


def test_every_region_has_at_least_two_sample_advisors_with_distinct_areas(directory: Directory) -> None:
    for region in directory.regions.values():
        advisors = directory.advisors_in(region)
        assert len(advisors) >= 2, region.id
        areas = [frozenset(a.serves.fsas) for a in advisors]
        assert len(set(areas)) == len(areas), region.id
