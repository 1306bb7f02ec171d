"""The committed JSON Schemas are the models' own: regenerate with
``python -m generator schemas`` when a model changes."""

from __future__ import annotations

import json
from pathlib import Path

from generator.schemas import schema_texts, stale_schemas, write_schemas


def test_committed_schemas_match_the_models(repo_root: Path) -> None:
    stale = [p.relative_to(repo_root).as_posix() for p in stale_schemas(repo_root)]
    assert stale == [], "run: python -m generator schemas"


def test_there_is_one_schema_per_content_kind() -> None:
    assert sorted(schema_texts()) == [
        "advisor.schema.json",
        "organisation.schema.json",
        "program.schema.json",
        "region.schema.json",
        "territory.schema.json",
    ]


def test_schemas_forbid_unknown_fields_and_are_stable_json(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    text = (tmp_path / "schemas" / "region.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["additionalProperties"] is False
    assert "postal_areas" in schema["required"]
    assert text == json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert stale_schemas(tmp_path) == []
