"""The GitHub workflows: the pull-request checks run what the brief promises editors,
the deploy workflow's header documents every secret and variable it reads, and the
annotation filter turns real validator output into GitHub annotations."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((WORKFLOWS / name).read_text())
    return data


def runs(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) + str(step.get("uses", "")) for step in job["steps"])


def test_pull_request_checks() -> None:
    data = workflow("pull-request.yml")
    assert "pull_request" in data[True]  # YAML 1.1 reads the key `on` as True
    job = data["jobs"]["checks"]
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert any(step.get("with", {}).get("python-version") == "3.11" for step in job["steps"])
    text = runs(job)
    for expected in (
        "make validate",
        "validate-annotations.awk",
        "make test",
        "make build",
        "scripts/check_links.py site",
        "python -m generator routing-diff",
        "$GITHUB_STEP_SUMMARY",
        "actions/upload-artifact@",
    ):
        assert expected in text, expected


def test_deploy_header_lists_every_secret_and_variable() -> None:
    text = (WORKFLOWS / "deploy.yml").read_text()
    header = text.split("\nname:", 1)[0]
    used = set(re.findall(r"\$\{\{\s*(?:secrets|vars)\.([A-Z0-9_]+)", text))
    assert used >= {"AWS_DEPLOY_ROLE_ARN", "RELAIS_API_URL"}
    for name in used:
        assert re.search(rf"^#\s+{name}\s", header, flags=re.M), f"{name} is not documented in the header"


def test_deploy_uses_oidc_and_sam() -> None:
    data = workflow("deploy.yml")
    assert data[True]["push"]["branches"] == ["main"]
    job = data["jobs"]["deploy"]
    assert job["permissions"]["id-token"] == "write"
    text = runs(job)
    assert "aws-actions/configure-aws-credentials@" in text
    assert "sam build" in text and "sam deploy" in text
    assert "RELAIS_API_URL" in str(job["steps"])


@pytest.mark.skipif(shutil.which("awk") is None, reason="needs awk")
def test_annotations_from_validator_output() -> None:
    output = (
        "content/advisors/sample-guide-joliette.yaml:7:15: serves.fsas[1] : « j0k » n'est pas une RTA\n"
        "  → écrivez par exemple J6E (100 % majuscules)\n"
        "content/regions: il manque les régions 17\n"
        "2 erreur(s)\n"
    )
    result = subprocess.run(
        ["awk", "-f", str(REPO / ".github" / "validate-annotations.awk")],
        input=output,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        "::error file=content/advisors/sample-guide-joliette.yaml,line=7,col=15::serves.fsas[1] : "
        "« j0k » n'est pas une RTA%0A→ écrivez par exemple J6E (100 %25 majuscules)",
        "::error file=content/regions::il manque les régions 17",
    ]
