"""Everything built from a validated Directory, in one call shared by
``python -m generator build`` and the mkdocs hook (``site_src/hooks/generate.py``)."""

from __future__ import annotations

from pathlib import Path

from generator.directory import Directory
from generator.finder import write_finder_lookup
from generator.opendata import write_open_data
from generator.render import render_site
from generator.routing_table import DEFAULT_PATH, write_routing_table


def write_outputs(directory: Directory, root: Path) -> Path:
    """Write the function's routing table, the postal-code finder's lookup file, the
    generated pages and the open data under ``root``; returns the routing table's path."""
    table = write_routing_table(directory, root / DEFAULT_PATH)
    write_finder_lookup(directory, root)
    render_site(directory, root)
    write_open_data(directory, root)
    return table
