"""The scheduled follow-up (run by the sweep: EventBridge Scheduler in AWS, the devserver's
scheduler locally): remind the ERAC of a request nobody took after
``REMINDER_BUSINESS_DAYS``, escalate to the operators after ``ESCALATION_BUSINESS_DAYS``,
each once (``lifecycle.transition`` records it in the history), and queue again the notices
an action stored but whose queueing failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import log
from .actions import Missing, perform
from .errors import RelaisError
from .lifecycle import Done, FollowUp, Holders, State, reminders_due
from .workdays import Calendar, parse_dates

if TYPE_CHECKING:
    from .app import App


def follow_up(app: App, now: int) -> dict[str, int]:
    settings = app.settings
    calendar = Calendar.with_extra(parse_dates(settings.extra_holidays))
    rules = FollowUp(settings.reminder_business_days, settings.escalation_business_days)
    sent = requeued = 0
    for summary in app.store.summaries():
        if summary.pending_notices and summary.updated_at < now - settings.sweep_after_minutes * 60:
            try:
                app.queue.enqueue(summary.submission_id)
                requeued += 1
            except RelaisError as exc:
                log.event("notices_requeue_failed", error_code=exc.code)
        lifecycle = summary.lifecycle
        if lifecycle.get("stage", "received") != "received":
            continue
        # a light state from the summary: enough to know whether anything is due
        light = State(
            stage="received",
            holders=Holders(summary.region, ""),
            since=int(lifecycle.get("since", summary.created_at)),  # type: ignore[call-overload]
            reminders=_strings(lifecycle.get("reminders")),
        )
        for remind in reminders_due(
            light, now, follow_up=rules, add_business_days=calendar.add_business_days
        ):
            try:
                result = perform(
                    summary.submission_id,
                    remind,
                    "system",
                    store=app.store,
                    queue=app.queue,
                    table=app.table,
                    now=now,
                )
            except RelaisError as exc:
                log.event("reminder_failed", error_code=exc.code)
                continue
            if not isinstance(result, Missing) and isinstance(result[0], Done):
                sent += 1
    log.event("follow_up_done", count=sent)
    return {"reminders": sent, "notices_requeued": requeued}


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else ()
