"""Throwaway checker for content/regions, ERAC and sample organisations, advisors.

Loads every YAML file with yaml.safe_load, validates it with the pydantic model of
generator.models.KINDS, then runs a few cross-file checks. The real validator lives
in generator/; this script only helps while writing content.

Usage: .venv/bin/python scripts/check_content_models.py  (exit 0 when clean, 1 otherwise)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml
from pydantic import ValidationError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.models import KINDS  # noqa: E402

SEED_002 = ROOT.parent / "shared" / "seeds" / "002_fd6d11168443032a.txt"
HEADER = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json"
SCHEMA_KIND = {"regions": "region", "organisations": "organisation", "advisors": "advisor"}


def load(folder: str, errors: list[str]) -> dict[str, object]:
    """Validate every file of content/<folder>; return models by id."""
    out: dict[str, object] = {}
    for path in sorted((ROOT / "content" / folder).glob("*.yaml")):
        rel = path.relative_to(ROOT)
        text = path.read_text(encoding="utf-8")
        if text.splitlines()[0] != HEADER.format(kind=SCHEMA_KIND[folder]):
            errors.append(f"{rel}: first line must be the schema comment")
        try:
            data = yaml.safe_load(text)
            model = KINDS[folder].model_validate(data)
        except (yaml.YAMLError, ValidationError) as exc:
            errors.append(f"{rel}: {exc}")
            continue
        if model.id != path.stem:
            errors.append(f"{rel}: id {model.id!r} differs from the file name")
        out[model.id] = model
    return out


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def main() -> int:
    errors: list[str] = []
    regions = load("regions", errors)
    organisations = load("organisations", errors)
    advisors = load("advisors", errors)

    # 17 regions, codes 01-17
    codes = sorted(r.code for r in regions.values())
    if codes != [f"{i:02d}" for i in range(1, 18)]:
        errors.append(f"regions: expected codes 01-17 once each, got {codes}")
    by_code = {r.code: r for r in regions.values()}

    # each region's ERAC exists and is an ERAC
    for r in regions.values():
        org = organisations.get(r.erac)
        if org is None:
            errors.append(f"regions/{r.id}: erac {r.erac!r} has no organisation file")
        elif org.kind != "erac":
            errors.append(f"regions/{r.id}: erac {r.erac!r} is of kind {org.kind}")
        elif org.regions != "all" and r.code not in org.regions:
            errors.append(f"regions/{r.id}: erac {r.erac!r} does not list region {r.code}")

    # FSAs: one region unless shared everywhere
    claims: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for r in regions.values():
        seen = set()
        for area in r.postal_areas:
            if area.fsa in seen:
                errors.append(f"regions/{r.id}: FSA {area.fsa} listed twice")
            seen.add(area.fsa)
            claims[area.fsa].append((r.code, area.shared))
            if area.shared and not area.municipalities:
                errors.append(f"regions/{r.id}: shared FSA {area.fsa} needs municipalities")
            for code in area.codes:
                if not code.startswith(area.fsa):
                    errors.append(f"regions/{r.id}: code {code} is not in FSA {area.fsa}")
    for fsa, owners in sorted(claims.items()):
        if len(owners) > 1 and not all(shared for _, shared in owners):
            errors.append(f"FSA {fsa} claimed by regions {[c for c, _ in owners]} but not shared in all")
        if len(owners) == 1 and owners[0][1]:
            errors.append(f"FSA {fsa} marked shared but only region {owners[0][0]} lists it")

    # advisors: organisation and region exist, FSAs belong to the region
    for a in advisors.values():
        if a.organisation not in organisations:
            errors.append(f"advisors/{a.id}: organisation {a.organisation!r} has no file")
        region = by_code.get(a.region)
        if region is None:
            errors.append(f"advisors/{a.id}: region {a.region} has no file")
            continue
        region_fsas = {p.fsa for p in region.postal_areas}
        for fsa in a.serves.fsas:
            if fsa not in region_fsas:
                errors.append(f"advisors/{a.id}: FSA {fsa} is not in region {a.region}")
        if not a.sample:
            errors.append(f"advisors/{a.id}: no source names an advisor; set sample: true")

    # priorities: count and verbatim French text from seed 002
    seed = SEED_002.read_text(encoding="utf-8")
    seed_norm = normalise(seed)
    section = seed[seed.index("PRIORITÉS RÉGIONALES CIBLÉES") : seed.index("RÉPONSES D'INVESTISSEMENT QUÉBEC AUX")]
    expected = len(re.findall(r"^PRIORITÉ \d+\s*$", section, flags=re.M))
    priorities = [(r, p) for r in regions.values() for p in r.priorities]
    if len(priorities) != expected:
        errors.append(f"priorities: {len(priorities)} in the regions, {expected} in seed 002")
    keys = set()
    for r, p in priorities:
        key = (p.plan_territory, p.number)
        if key in keys:
            errors.append(f"regions/{r.id}: priority {key} listed twice")
        keys.add(key)
        for field in ("title", "quote"):
            if normalise(getattr(p, field).fr) not in seed_norm:
                errors.append(f"regions/{r.id}: priority {key} {field}.fr is not verbatim in seed 002")

    for e in errors:
        print(e)
    fsas = len(claims)
    shared = sum(1 for owners in claims.values() if len(owners) > 1)
    print(
        f"{len(regions)} regions, {fsas} FSAs ({shared} shared), {len(priorities)} priorities, "
        f"{len(organisations)} organisations, {len(advisors)} advisors: {len(errors)} problem(s)"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
