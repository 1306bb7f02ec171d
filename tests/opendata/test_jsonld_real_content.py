"""schema.org JSON-LD on every page rendered from the real content (tests/site checks the
fixture's built site): each organisation page carries one ``Organization`` or
``GovernmentOrganization`` with the record's address, telephone, ``areaServed`` and
``sameAs`` (its website); each program page one ``GovernmentService`` with its provider
and ``areaServed``; no other page carries any."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator.directory import Directory
from generator.load import load_directory
from generator.render import render_site
from generator.vocab import Language

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.real_content
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', flags=re.S)
GOVERNMENT = {"government", "mrc"}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Directory, dict[str, str]]:
    result = load_directory(ROOT)
    assert result.directory is not None, result.errors[:3]
    root = tmp_path_factory.mktemp("render")
    render_site(result.directory, root)
    docs = root / "site_src" / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in docs.rglob("*.md")}
    return result.directory, pages


def blocks(text: str) -> list[dict[str, Any]]:
    return [json.loads(block) for block in SCRIPT.findall(text)]


def areas(directory: Directory, regions: object, lang: Language) -> object:
    if regions == "all":
        return "Québec"
    assert isinstance(regions, list)
    return sorted(directory.region_by_code(code).name[lang] for code in regions)


def served(data: dict[str, Any]) -> object:
    area = data["areaServed"]
    return area["name"] if isinstance(area, dict) else sorted(a["name"] for a in area)


def test_every_page_carries_the_json_ld_of_its_record(rendered: tuple[Directory, dict[str, str]]) -> None:
    directory, pages = rendered
    seen: dict[str, set[str]] = {"organisations": set(), "programmes": set()}
    problems = []
    for rel, text in sorted(pages.items()):
        found = blocks(text)
        match = re.fullmatch(r"(organisations|programmes)/([a-z0-9-]+)\.(fr|en)\.md", rel)
        if match is None or match.group(2) == "index":
            if found:
                problems.append(f"{rel}: unexpected JSON-LD")
            continue
        kind, ident, lang = match.group(1), match.group(2), Language(match.group(3))
        if len(found) != 1:
            problems.append(f"{rel}: {len(found)} JSON-LD blocks")
            continue
        [data] = found
        if data.get("@context") != "https://schema.org" or not data.get("name"):
            problems.append(f"{rel}: no @context or name")
        if kind == "organisations":
            org = directory.organisations[ident]
            expected_type = "GovernmentOrganization" if org.kind in GOVERNMENT else "Organization"
            checks = {
                "@type": (data.get("@type"), expected_type),
                "name": (data.get("name"), org.name[lang]),
                "telephone": (data.get("telephone"), org.phone),
                "sameAs": (data.get("sameAs"), [org.website] if org.website else None),
                "areaServed": (served(data), areas(directory, org.regions, lang)),
                "address": (
                    (data.get("address") or {}).get("addressLocality"),
                    org.address.city if org.address else None,
                ),
                "postalCode": (
                    (data.get("address") or {}).get("postalCode"),
                    org.address.postal_code if org.address else None,
                ),
            }
        else:
            program = directory.programs[ident]
            operator = directory.organisations[program.operator]
            checks = {
                "@type": (data.get("@type"), "GovernmentService"),
                "name": (data.get("name"), program.name[lang]),
                "provider": ((data.get("provider") or {}).get("name"), operator.name[lang]),
                "areaServed": (served(data), areas(directory, program.regions, lang)),
                "url": (data.get("url"), program.website),
            }
        problems += [
            f"{rel}: {key} is {got!r}, not {want!r}" for key, (got, want) in checks.items() if got != want
        ]
        seen[kind].add(ident)
    assert problems == []
    assert seen["organisations"] == set(directory.organisations)
    assert seen["programmes"] == set(directory.programs)
