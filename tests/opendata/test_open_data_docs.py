"""docs/open-data.md describes every published table: its name and file, and for the
routing tables (ours, not HSDS's) every column."""

from __future__ import annotations

from pathlib import Path

from generator.opendata import ALL_TABLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"


def test_every_table_and_routing_column_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in text.splitlines() if line.startswith("| `")}
    for table in ALL_TABLES:
        assert table.name in rows, f"docs/open-data.md has no row for table {table.name}"
        assert f"`{table.stem}`" in rows[table.name], table.name
        if not table.hsds:
            missing = [c.name for c in table.columns if f"`{c.name}`" not in rows[table.name]]
            assert missing == [], (table.name, missing)
