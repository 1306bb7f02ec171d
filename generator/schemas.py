"""JSON Schemas for editors, generated from the models (never hand-written).

``schemas/<kind>.schema.json`` for each content kind, referenced by the first
line of every content file (``# yaml-language-server: $schema=…``) so editors
complete field names and flag mistakes as you type. ``python -m generator
schemas`` writes them; ``--check`` (and a test) fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.models import KINDS

SCHEMA_DIR = Path("schemas")

SCHEMA_NAMES = {
    "regions": "region",
    "organisations": "organisation",
    "advisors": "advisor",
    "programs": "program",
    "territory": "territory",
}
"""Content folder → schema file stem."""


def schema_texts() -> dict[str, str]:
    """File name → the schema's text (pretty, keys sorted, trailing newline)."""
    out: dict[str, str] = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        out[f"{SCHEMA_NAMES[kind]}.schema.json"] = (
            json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        )
    return out


def write_schemas(root: Path) -> list[Path]:
    """Write every schema under ``root/schemas``; returns the paths written."""
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def stale_schemas(root: Path) -> list[Path]:
    """The schema files under ``root/schemas`` that are missing or differ from the models."""
    stale = []
    for name, text in schema_texts().items():
        path = root / SCHEMA_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
    return stale
