"""The function's scheduled tasks, in one place: what runs, and how often.

In AWS each task is an EventBridge Scheduler event of ``template.yaml`` (``Type: ScheduleV2``,
``Input: '{"task": "<name>"}'``); under ``make dev`` the dev server's local scheduler
(``devserver/scheduler.py``) sends the same event to the same handler at the same rate, and
once at start. ``handler.TASKS`` maps each name to the plain function that does the work.
A test checks that this list, the handler's tasks and the template's schedules agree, so a
new task (reminders, say) is added here, in ``handler.TASKS`` and in ``template.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduledTask:
    name: str  # the event's "task", a key of handler.TASKS
    every_minutes: int

    @property
    def expression(self) -> str:
        """The EventBridge ``rate()`` expression of template.yaml."""
        if self.every_minutes % 60 == 0:
            hours = self.every_minutes // 60
            return f"rate({hours} hour{'s' if hours > 1 else ''})"
        return f"rate({self.every_minutes} minute{'s' if self.every_minutes > 1 else ''})"

    @property
    def event(self) -> dict[str, str]:
        return {"task": self.name}


SCHEDULE: tuple[ScheduledTask, ...] = (
    # re-queue requests recorded but never queued, or queued and gone quiet (handler.sweep)
    ScheduledTask("sweep", every_minutes=15),
    # move the dead-letter queue back to the delivery queue (handler.redrive)
    ScheduledTask("redrive", every_minutes=6 * 60),
    # one email per recipient with the requests past its daily cap (handler.digest, digest.py)
    ScheduledTask("digest", every_minutes=24 * 60),
)
