"""Operators' commands on the recorded requests (docs/function.md "Abuse limits").

    python -m functions.route_request.operate held              # list the held requests
    python -m functions.route_request.operate release REL-2026-ABC123
    python -m functions.route_request.operate discard REL-2026-ABC123
    python -m functions.route_request.operate digest            # send the waiting digests now

They use the same settings as the function (``settings.py``): locally the SQLite file and
outbox under ``RELAIS_VAR_DIR``; against AWS, ``RELAIS_BACKEND=aws`` with the stack's
``TABLE_NAME``, ``QUEUE_URL``, ``LIMITS_TABLE_NAME``, ``ABUSE_SECRET_ARN``… and the
operator's credentials. ``held`` prints one line per request: reference, UTC time,
region, and the start of its description, so an operator can judge it without opening the
table. The function's JSON log lines go to stderr, the answers to stdout. Exit 0 when
done, 2 when the reference is not a held request, 1 when the store cannot be reached.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import UTC, datetime
from typing import TextIO

from .app import build_app
from .errors import RelaisError
from .holds import NotHeld, discard, held, release
from .settings import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m functions.route_request.operate", description=__doc__.split("\n")[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("held", help="list the requests held for review")
    for name, what in (("release", "send a held request"), ("discard", "never send a held request")):
        command = commands.add_parser(name, help=what)
        command.add_argument("reference", help="e.g. REL-2026-ABC123")
    commands.add_parser("digest", help="send the digests of requests past a recipient's cap")
    args = parser.parse_args(argv)
    out = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):  # the log lines (log.py writes to stdout)
        return _run(args, out)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    app = build_app(Settings.from_env())
    now = int(app.clock())
    try:
        if args.command == "held":
            for record in held(app.store):
                when = datetime.fromtimestamp(record.created_at, UTC).strftime("%Y-%m-%d %H:%M")
                excerpt = " ".join(record.request.get("description", "").split())[:70]
                print(f"{record.reference}\t{when} UTC\t{record.routing.region_code}\t{excerpt}", file=out)
            return 0
        if args.command == "digest":
            result = app.send_digests()
            print(
                f"{result.digests} digest(s), {result.requests} request(s); {result.waiting} still waiting",
                file=out,
            )
            return 0
        if args.command == "release":
            outcome = release(app.store, app.queue, args.reference, now=now)
        else:
            outcome = discard(app.store, args.reference, now=now)
    except RelaisError as exc:
        print(f"error: the store could not be reached ({exc.code}); nothing changed", file=sys.stderr)
        return 1
    if isinstance(outcome, NotHeld):
        print(f"error: {outcome.reference} is not a held request (see: operate held)", file=sys.stderr)
        return 2
    verb = "released" if args.command == "release" else "discarded"
    print(f"{outcome.record.reference} {verb}", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
