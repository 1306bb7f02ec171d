"""Where would a request from this postal code go?

    python -m functions.route_request "J0K 2R0" [--municipality CODE|NAME] [--region-choice 14]
        [--lang fr|en] [--submission-id ID] [--table PATH]

Prints one JSON object on stdout:
* routed: ``{"status": "routed", "postal_code", "region_code", "region", "erac", "advisor",
  "reason", "informed", "table_version"}``, exit 0;
* a postal area shared by several regions (or ERACs) whose full code is not in the table:
  ``{"status": "choose_region", "postal_code", "candidates": [{"code", "name",
  "municipalities", "places": [{"code", "name", "mrc"}]}]}``, exit 0 (run again with
  ``--municipality`` and one of the places' code or name; ``--region-choice`` still works
  where the region alone decides).
``--municipality`` (a municipality's code or official name) decides a shared area and gives
the municipality's location and first-line organisation.
Exit 2 with a message on stderr for an invalid code, a code outside Québec, a Québec area
not in the table or a region choice not offered; exit 1 when the table cannot be read.
The advisor depends on ``--submission-id`` only when several are tied (default ``cli``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .postal import normalise_postal_code
from .routing import BadChoice, ChooseRegion, OutsideQuebec, RegionFound, UnknownArea, resolve_region, route
from .settings import Settings
from .table import TableError, load_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m functions.route_request", description=__doc__.split("\n")[0]
    )
    parser.add_argument("postal_code")
    parser.add_argument("--region-choice")
    parser.add_argument("--municipality")
    parser.add_argument("--lang", choices=("fr", "en"), default="fr")
    parser.add_argument("--submission-id", default="cli")
    parser.add_argument("--table", help="routing table (default: ROUTING_TABLE_PATH or the packaged one)")
    args = parser.parse_args(argv)

    postal = normalise_postal_code(args.postal_code)
    if postal is None:
        print(
            f"error: {args.postal_code!r} is not a valid Canadian postal code (e.g. H2X 1Y4)", file=sys.stderr
        )
        return 2
    path = Path(args.table) if args.table else Settings.from_env().routing_table_path
    try:
        table = load_table(path)
    except TableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    found = resolve_region(
        postal, table, region_choice=args.region_choice, municipality=args.municipality, lang=args.lang
    )
    if isinstance(found, OutsideQuebec):
        print(f"error: {postal} is outside Québec ({found.province}): {found.message}", file=sys.stderr)
        return 2
    if isinstance(found, UnknownArea):
        print(f"error: postal area {found.fsa} is in Québec but not in the routing table", file=sys.stderr)
        return 2
    if isinstance(found, BadChoice):
        if found.field == "municipality":
            names = ", ".join(f"{p.name} ({p.code})" for c in found.candidates for p in c.places)
            print(
                f"error: municipality {args.municipality!r} is not in {found.fsa}; choose one of {names}",
                file=sys.stderr,
            )
            return 2
        codes = ", ".join(c.code for c in found.candidates)
        print(
            f"error: region {args.region_choice} does not serve {found.fsa}; choose one of {codes}",
            file=sys.stderr,
        )
        return 2
    if isinstance(found, ChooseRegion):
        out: dict[str, object] = {
            "status": "choose_region",
            "postal_code": postal.value,
            "candidates": [c.as_dict() for c in found.candidates],
        }
    else:
        assert isinstance(found, RegionFound)
        routing = route(
            postal,
            found.code,
            found.via,
            table,
            submission_id=args.submission_id,
            municipality=args.municipality,
            place=found.municipality,
            erac=found.erac,
        )
        out = {
            "status": "routed",
            "postal_code": postal.value,
            **routing.as_dict(),
            "table_version": table.version,
        }
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
