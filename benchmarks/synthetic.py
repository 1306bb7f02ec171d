"""A synthetic content tree at a chosen scale, for build and page-weight benchmarks.

Copies the real content and multiplies organisations, advisors and programs by
cloning records under new ids (``<id>-syn07``, an organisation's name ending `` (07)``
and without a website);
regions stay the 17 real ones, so
every generated page kind exists with realistic text. ERACs are not cloned (one
per region) and clones of an advisor point to the clone of its organisation when
that organisation was cloned too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

CLONED_KINDS = ("organisations", "advisors", "programs")


def _clone_id(record_id: str, n: int) -> str:
    return f"{record_id}-syn{n:02d}"


def make_synthetic_tree(source_root: Path, target_root: Path, factor: int) -> dict[str, int]:
    """Copy ``source_root``'s content, mkdocs.yml and site_src into ``target_root``
    with organisations, advisors and programs multiplied by ``factor``. Returns the
    number of records per kind written."""
    target_root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source_root / "mkdocs.yml", target_root / "mkdocs.yml")
    shutil.copytree(source_root / "site_src", target_root / "site_src", dirs_exist_ok=True)
    shutil.copytree(source_root / "content", target_root / "content", dirs_exist_ok=True)
    counts: dict[str, int] = {}
    cloned_orgs: set[str] = set()
    for kind in CLONED_KINDS:
        folder = target_root / "content" / kind
        originals = sorted(folder.glob("*.yaml"))
        for path in originals:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if kind == "organisations" and data.get("kind") == "erac":
                continue
            if kind == "organisations":
                cloned_orgs.add(data["id"])
            for n in range(1, factor):
                clone = dict(data)
                clone["id"] = _clone_id(data["id"], n)
                if kind == "organisations":
                    # one record per organisation name (generator/checks.py): each clone its own
                    clone["name"] = {lang: f"{text} ({n:02d})" for lang, text in data["name"].items()}
                    # and one per website of a kind: clones have none
                    clone.pop("website", None)
                if kind == "advisors" and data["organisation"] in cloned_orgs:
                    clone["organisation"] = _clone_id(data["organisation"], n)
                if "email" in clone and str(clone["email"]).endswith("@example.org"):
                    local = str(clone["email"]).split("@", 1)[0]
                    clone["email"] = f"{local}.syn{n:02d}@example.org"
                text = yaml.safe_dump(clone, allow_unicode=True, sort_keys=False)
                (folder / f"{clone['id']}.yaml").write_text(text, encoding="utf-8")
        counts[kind] = len(list(folder.glob("*.yaml")))
    counts["regions"] = len(list((target_root / "content" / "regions").glob("*.yaml")))
    return counts
