"""The local scheduler of ``make dev``: the function's scheduled tasks, run in the dev server.

In AWS, EventBridge Scheduler sends ``{"task": "sweep"}`` (and every other task of
``functions/route_request/schedule.py``) to the function at the template's rate. Here a
background thread sends the same events to the same ``handler.handle`` at the same rates, and
runs each task once at start, before the first request is served: a request recorded but not
delivered when the previous dev server stopped (a crash, Ctrl-C mid-delivery) is delivered
then, instead of staying ``received`` forever. At start nothing is in flight, so the start
sweep takes every request still pending (its age thresholds are zero); later sweeps use the
function's settings, so they never race a delivery under way.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from functions.route_request import log
from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.schedule import SCHEDULE, ScheduledTask


def run_task(app: App, task: ScheduledTask) -> Mapping[str, Any] | None:
    """Send ``task``'s event to the handler, as EventBridge Scheduler does; a failure is
    printed and the scheduler carries on (the next run tries again)."""
    try:
        return handle(task.event, app)
    except Exception as exc:  # a bug in a task must not stop the dev server
        log.exception("scheduled_task_failed", exc, status=task.name)
        print(
            f"devserver: scheduled task {task.name} failed: {type(exc).__name__}", file=sys.stderr, flush=True
        )
        return None


def run_at_start(app: App, tasks: Sequence[ScheduledTask] = SCHEDULE) -> dict[str, Any]:
    """Run every task once before serving; the sweep takes every pending request."""
    at_start = replace(app, settings=app.settings.with_overrides(sweep_after_minutes=0, sweep_stale_hours=0))
    return {task.name: run_task(at_start, task) for task in tasks}


def run_periodically(
    app: App,
    stop: threading.Event,
    *,
    tasks: Sequence[ScheduledTask] = SCHEDULE,
    every_seconds: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    tick: float = 0.5,
) -> None:
    """Until ``stop`` is set, run each task every ``task.every_minutes`` (or every
    ``every_seconds`` for all, when given: tests and impatient developers)."""

    def period(task: ScheduledTask) -> float:
        return every_seconds if every_seconds is not None else task.every_minutes * 60.0

    due = {task.name: clock() + period(task) for task in tasks}
    while not stop.wait(tick):
        now = clock()
        for task in tasks:
            if now >= due[task.name]:
                run_task(app, task)
                due[task.name] = now + period(task)
