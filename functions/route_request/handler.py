"""Lambda entry point: one function, four kinds of event.

* API Gateway HTTP API v2 (``requestContext.http``) → take in a request (``intake.submit``)
  and answer (``api.respond``); ``GET /challenge`` → a proof-of-work challenge for the form.
* SQS (``Records[].eventSource == "aws:sqs"``) → deliver each request's pending emails;
  retryable failures go back with ``batchItemFailures`` and an exponential visibility
  back-off (``ChangeMessageVisibility``, capped at 12 h), so an hours-long SES outage is
  outlasted before the message reaches the dead-letter queue.
* EventBridge ``{"source": "aws.ses"}``: a bounce or complaint about one of our emails
  (``ses_events.py``) → mark that recipient, tell the operators or the ERAC.
* EventBridge Scheduler (or the dev server's local scheduler; ``schedule.py``)
  ``{"task": "sweep"}`` → re-queue recorded requests that were never
  queued or went quiet; ``{"task": "redrive"}`` → move the dead-letter queue back;
  ``{"task": "digest"}`` → send the digests of requests past a recipient's cap.

Lambda loads it as ``lambda_entry.lambda_handler`` (see ``lambda_entry.py``); locally
it is ``functions.route_request.handler``. The app (settings, routing table, clients) is
built once per process, at import inside Lambda.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Mapping
from typing import Any

from . import log
from .abuse import Source
from .api import Submission, challenge_response, internal_error, parse_event, respond
from .app import App, build_app
from .errors import QueueUnavailable, RelaisError
from .intake import submit
from .settings import Settings


@functools.cache
def default_app() -> App:
    return build_app(Settings.from_env())


def lambda_handler(event: Mapping[str, Any], context: object = None) -> dict[str, Any]:
    return handle(event, default_app())


def handle(event: Mapping[str, Any], app: App) -> dict[str, Any]:
    """Dispatch ``event`` on its shape."""
    if "requestContext" in event and "http" in event.get("requestContext", {}):
        return handle_http(event, app)
    records = event.get("Records")
    if isinstance(records, list) and records and records[0].get("eventSource") == "aws:sqs":
        return handle_sqs(records, app)
    if event.get("source") == "aws.ses":
        return handle_ses_event(event, app)
    task = TASKS.get(str(event.get("task")))
    if task is not None:
        return task(app)
    log.event("unknown_event", error="unknown_event")
    return {"status": "ignored"}


def handle_http(event: Mapping[str, Any], app: App) -> dict[str, Any]:
    http = event.get("requestContext", {}).get("http", {})
    if str(http.get("path", event.get("rawPath", ""))).rstrip("/").endswith("/challenge"):
        return challenge(http, app)
    # the dev server keeps its /api prefix in rawPath (devserver/server.py)
    path = str(event.get("rawPath") or "").removeprefix("/api")
    if path.startswith(("/a/", "/s/", "/stats")):
        # the emails' links and the statistics: their modules load on their own paths only
        from .lifecycle_http import handle as handle_lifecycle

        try:
            return handle_lifecycle(event, app)
        except Exception as exc:  # the boundary: a bug answers 500, logged without its message
            log.exception("lifecycle_failed", exc, http_status=500)
            return {
                "statusCode": 500,
                "headers": {"content-type": "text/plain; charset=utf-8", "cache-control": "no-store"},
                "body": "Erreur interne / Internal error",
            }
    parsed = parse_event(event, max_body_bytes=app.settings.max_body_bytes)
    if not isinstance(parsed, Submission):
        log.event("request_unreadable", http_status=parsed.http_status)
        return respond(parsed, form=parsed.form, site_origin=app.settings.site_origin)
    try:
        outcome = submit(
            parsed.fields,
            table=app.table,
            store=app.store,
            queue=app.queue,
            now_ms=int(app.clock() * 1000),
            config=app.intake_config,
            counters=app.counters,
            # sourceIp is the TCP peer API Gateway saw, not a header the client can forge.
            source=Source(client=http.get("sourceIp"), proof=parsed.fields.get("proof")),
        )
    except Exception as exc:  # the boundary: a bug answers 500, logged without its message
        log.exception("request_failed", exc, http_status=500)
        return internal_error(form=parsed.form, fields=parsed.fields, site_origin=app.settings.site_origin)
    return respond(outcome, form=parsed.form, site_origin=app.settings.site_origin)


def challenge(http: Mapping[str, Any], app: App) -> dict[str, Any]:
    """``GET /challenge``: a new signed proof-of-work challenge (nothing stored)."""
    from .proof_of_work import issue

    if str(http.get("method", "GET")).upper() != "GET":
        return challenge_response(None)
    issued = issue(
        app.secret,
        now=int(app.clock()),
        max_number=app.settings.pow_max_number,
        expires_in=app.settings.pow_expires_minutes * 60,
    )
    return challenge_response(issued)


def _submission_id(body: str) -> str | None:
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, TypeError):
        return None
    value = data.get("submission_id") if isinstance(data, dict) else None
    return value if isinstance(value, str) and value else None


def handle_sqs(records: list[Mapping[str, Any]], app: App) -> dict[str, Any]:
    """Deliver each message's request; report the ones to retry (partial batch response)."""
    from .delivery import backoff_seconds  # the queue path only: keeps a cold form post lean

    failures: list[dict[str, str]] = []
    for record in records:
        submission_id = _submission_id(record.get("body", ""))
        if submission_id is None:
            log.event("queue_message_unreadable", error="unreadable")  # retrying cannot help
            continue
        try:
            retry = app.deliver(submission_id).outcome == "retry"
        except RelaisError as exc:  # the store failed: try again later
            log.event("delivery_store_error", error_code=exc.code)
            retry = True
        except Exception as exc:  # a bug: keep the message, the DLQ alarm will tell
            log.exception("delivery_failed", exc)
            retry = True
        if not retry:
            continue
        failures.append({"itemIdentifier": str(record["messageId"])})
        receive_count = int(record.get("attributes", {}).get("ApproximateReceiveCount", "1"))
        delay = backoff_seconds(receive_count)
        try:
            app.queue.retry_later(str(record["receiptHandle"]), delay)
        except QueueUnavailable as exc:
            log.event("retry_backoff_not_set", error_code=exc.code)
        log.event("delivery_will_retry", attempt=receive_count, delay_seconds=delay)
    return {"batchItemFailures": failures}


def handle_ses_event(event: Mapping[str, Any], app: App) -> dict[str, Any]:
    """A bounce or complaint from the configuration set, through EventBridge (ses_events.py)."""
    from .ses_events import AddressProblem, read_event

    found = read_event(event)
    if not isinstance(found, AddressProblem):
        log.event("ses_event_ignored", status=found.reason)
        return {"status": "ignored"}
    return app.record_address_problem(found)


def sweep(app: App) -> dict[str, Any]:
    """Queue again every request recorded but not queued, or queued and gone quiet."""
    now = int(app.clock())
    stale = app.store.stale(
        unqueued_before=now - app.settings.sweep_after_minutes * 60,
        untouched_before=now - app.settings.sweep_stale_hours * 3600,
    )
    requeued = 0
    for submission_id in stale:
        try:
            app.queue.enqueue(submission_id)
            app.store.mark_queued(submission_id, now)
        except RelaisError as exc:
            log.event("sweep_requeue_failed", error_code=exc.code)
            continue
        requeued += 1
    log.event("sweep_done", count=requeued)
    from .followup import follow_up  # the schedule's path only

    try:
        followed = follow_up(app, now)
    except RelaisError as exc:  # the store failed: the next sweep tries again
        log.event("follow_up_failed", error_code=exc.code)
        followed = {}
    return {"requeued": requeued, "stale": len(stale), **followed}


def digest(app: App) -> dict[str, Any]:
    """Send each recipient past its cap one email with the requests waiting for it."""
    try:
        result = app.send_digests()
    except RelaisError as exc:  # the store failed: the next run sends them
        log.event("digest_store_error", error_code=exc.code)
        return {"digests": 0, "error": exc.code}
    return {"digests": result.digests, "requests": result.requests, "waiting": result.waiting}


def redrive(app: App) -> dict[str, Any]:
    """Start moving the dead-letter queue's messages back to the delivery queue."""
    try:
        started = app.queue.redrive_dead_letters()
    except QueueUnavailable as exc:
        log.event("redrive_failed", error_code=exc.code)
        return {"started": False}
    log.event("redrive_done", status="started" if started else "not_started")
    return {"started": started}


# The scheduled tasks by name: ``{"task": name}`` from EventBridge Scheduler in AWS, from the
# dev server's local scheduler under ``make dev`` (schedule.SCHEDULE says how often).
TASKS: dict[str, Callable[[App], dict[str, Any]]] = {"sweep": sweep, "redrive": redrive, "digest": digest}


if os.environ.get("AWS_LAMBDA_FUNCTION_NAME"):  # in Lambda: read settings and table at init, once
    default_app()
