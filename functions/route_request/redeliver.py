"""Send again the requests whose emails failed, once the cause is fixed (operators' command).

    python -m functions.route_request.redeliver [--reference REL-2026-ABC123 ...] [--dry-run]
        [--dead-letters]

Run it with the function's settings: in AWS, ``RELAIS_BACKEND=aws`` and the stack's
``TABLE_NAME``, ``QUEUE_URL`` and ``DLQ_ARN`` (outputs of ``sam deploy``) with credentials
allowed to scan the table and send to the queue; locally, the ``var/`` of ``make dev``.

Each ``failed`` request (or only those named by ``--reference``) has every recipient marked
``failed_permanent`` made ``pending`` again, becomes ``received``, and is queued: delivery then
sends only those recipients (the ones already ``sent`` get nothing twice). ``--dead-letters``
also starts moving the dead-letter queue back (what the 6-hourly redrive does). Requests held
by an SES block (``SendingBlocked``) are never ``failed``: the queue retries them by itself.

Prints one JSON line per request (reference and recipients made pending; never an address)
and exits 0, or 2 when a ``--reference`` names no failed request.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from .app import App, build_app
from .errors import RelaisError
from .settings import Settings


@dataclass(frozen=True)
class Redelivered:
    reference: str
    recipients: tuple[str, ...]
    queued: bool


def redeliver_failed(app: App, *, references: Sequence[str] = (), dry_run: bool = False) -> list[Redelivered]:
    """Make the failed recipients of every failed request (or of ``references``) pending
    again and queue the request; with ``dry_run``, only say what would be done."""
    now = int(app.clock())
    wanted = set(references)
    done: list[Redelivered] = []
    for submission_id in app.store.failed():
        record = app.store.get(submission_id)
        if record is None or (wanted and record.reference not in wanted):
            continue
        roles = tuple(role for role, state in record.deliveries.items() if state == "failed_permanent")
        if dry_run:
            done.append(Redelivered(record.reference, roles, queued=False))
            continue
        for role in roles:
            app.store.set_delivery(submission_id, role, "pending", now)
        app.store.set_status(submission_id, "received", now)
        try:
            app.queue.enqueue(submission_id)
        except RelaisError:  # recorded as pending: the sweep queues it later
            done.append(Redelivered(record.reference, roles, queued=False))
            continue
        app.store.mark_queued(submission_id, now)
        done.append(Redelivered(record.reference, roles, queued=True))
    return done


def main(argv: list[str] | None = None, *, app: App | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m functions.route_request.redeliver", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--reference", action="append", default=[], help="only this request (repeatable)")
    parser.add_argument("--dry-run", action="store_true", help="say what would be sent, change nothing")
    parser.add_argument("--dead-letters", action="store_true", help="also move the dead-letter queue back")
    args = parser.parse_args(argv)
    app = app or build_app(Settings.from_env())
    done = redeliver_failed(app, references=args.reference, dry_run=args.dry_run)
    for item in done:
        print(
            json.dumps(
                {"reference": item.reference, "recipients": list(item.recipients), "queued": item.queued},
                ensure_ascii=False,
            )
        )
    if args.dead_letters and not args.dry_run:
        print(json.dumps({"dead_letters_moving": app.queue.redrive_dead_letters()}))
    missing = set(args.reference) - {item.reference for item in done}
    for reference in sorted(missing):
        print(f"error: {reference} is not a failed request", file=sys.stderr)
    return 2 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
