"""``python -m generator routing-diff BASE_REF --root PATH`` on a throw-away git
repository: a tiny but complete content tree (17 regions, their ERACs, one advisor)
committed, then edited in the working tree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.vocab import RegionCode

REPO = Path(__file__).resolve().parents[2]
# one FSA per region: J1A, J1B, … (letters Canada Post uses)
LETTERS = "ABCEGHJKLMNPRSTVW"
FSA = {code.value: f"J1{LETTERS[i]}" for i, code in enumerate(RegionCode)}


def region_yaml(code: str, fsas: list[str]) -> str:
    areas = "\n".join(f"  - fsa: {fsa}" for fsa in fsas)
    return f"""id: r{code}
code: "{code}"
name: {{fr: Région {code}, en: Region {code}}}
erac: erac-r{code}
postal_areas:
{areas}
sources:
  - url: https://www.quebec.ca/regions
"""


def organisation_yaml(org_id: str, kind: str, code: str) -> str:
    return f"""id: {org_id}
kind: {kind}
name: {{fr: Organisme {org_id}, en: Organisation {org_id}}}
regions: ["{code}"]
email: {org_id}@example.org
sample: true
sources:
  - url: https://www.quebec.ca/organismes
"""


def advisor_yaml(organisation: str, code: str, fsas: list[str]) -> str:
    return f"""id: sample-camille
name: Camille Exemple
organisation: {organisation}
region: "{code}"
serves:
  fsas: [{", ".join(fsas)}]
languages: [fr]
email: camille@example.org
attested: attested
sample: true
"""


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for code, fsa in FSA.items():
        write(tmp_path, f"content/regions/r{code}.yaml", region_yaml(code, [fsa]))
        write(
            tmp_path,
            f"content/organisations/erac-r{code}.yaml",
            organisation_yaml(f"erac-r{code}", "erac", code),
        )
    write(tmp_path, "content/organisations/mrc-a.yaml", organisation_yaml("mrc-a", "mrc", "14"))
    write(tmp_path, "content/organisations/mrc-b.yaml", organisation_yaml("mrc-b", "mrc", "15"))
    write(tmp_path, "content/advisors/sample-camille.yaml", advisor_yaml("mrc-a", "14", [FSA["14"]]))
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "add", "content")
    git(tmp_path, "commit", "--quiet", "-m", "content")
    return tmp_path


def routing_diff(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "routing-diff", *args, "--root", str(root)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_no_change(repo: Path) -> None:
    result = routing_diff(repo, "main")

    assert result.returncode == 0, result.stderr
    assert result.stdout == "Aucun changement de routage.\n"


def test_fsa_and_advisor_moving_to_another_region(repo: Path) -> None:
    # J1S leaves Lanaudière (14) for the Laurentides (15), and the advisor follows it
    # to an MRC of the Laurentides
    write(repo, "content/regions/r14.yaml", region_yaml("14", ["J1X"]))
    write(repo, "content/regions/r15.yaml", region_yaml("15", [FSA["15"], FSA["14"]]))
    write(repo, "content/advisors/sample-camille.yaml", advisor_yaml("mrc-b", "15", [FSA["14"], FSA["15"]]))

    result = routing_diff(repo, "main")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "## Changements de routage"
    assert f"| `{FSA['14']}` | 14 Région 14 → 15 Région 15 | erac-r14 → erac-r15 |" in lines
    assert "| `J1X` | — → 14 Région 14 | — → erac-r14 |" in lines
    assert (
        f"| Camille Exemple (`sample-camille`) | {FSA['15']} | — "
        "| région : 14 Région 14 → 15 Région 15; organisation : mrc-a → mrc-b |"
    ) in lines
    # the working tree was only read
    assert "J1X" in (repo / "content/regions/r14.yaml").read_text()


def test_english_report(repo: Path) -> None:
    (repo / "content/advisors/sample-camille.yaml").unlink()

    result = routing_diff(repo, "HEAD", "--lang", "en")

    assert result.returncode == 0, result.stderr
    assert "### Advisors removed" in result.stdout
    assert f"| Camille Exemple (`sample-camille`) | 14 Region 14 | {FSA['14']} |" in result.stdout


def test_unknown_ref(repo: Path) -> None:
    result = routing_diff(repo, "no-such-branch")

    assert result.returncode == 1
    assert result.stdout == ""
    assert "« no-such-branch » n'est pas une référence git connue" in result.stderr


def test_invalid_working_tree(repo: Path) -> None:
    write(repo, "content/advisors/sample-camille.yaml", advisor_yaml("mrc-a", "14", ["XYZ"]))

    result = routing_diff(repo, "main")

    assert result.returncode == 1
    assert "le contenu de la copie de travail ne passe pas la validation" in result.stderr
    assert "content/advisors/sample-camille.yaml:6:" in result.stderr
