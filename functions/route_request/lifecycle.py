"""A request's life after its first emails: who holds it, who took it, what happened. Pure.

States, in order: ``received`` → ``delivered`` (its first emails went out) → ``taken``
(one recipient said "I've got it") → ``contact_made`` (the business was reached) →
``closed`` (with an outcome). A transfer hands the request to other holders (another
advisor, another first-line organisation or another region's ERAC) and starts it again
at ``received`` for them. Every change is an :class:`Event` in the history: who, when, why.

:func:`transition` decides, in this order:

1. A system reminder (:class:`Remind`) is done once per kind, only while nobody took the request.
2. Only a current holder may act (:class:`Refused` ``not_holder``), except that a holder
   who transferred the request away and clicks again gets :class:`AlreadyDone`.
3. ``take``: a request already taken by someone else is :class:`Refused` ``taken_by_other``
   (that page tells them who); taken by the same actor (or further along) is
   :class:`AlreadyDone`: acting twice is harmless.
4. ``contact``: any holder, once; it implies taking charge when nobody had.
5. ``close``: any holder, with an outcome from :data:`OUTCOMES`; closing again with the same
   outcome is :class:`AlreadyDone`, with another one :class:`Refused` ``closed``.
6. ``transfer``: any holder of an open request, to holders other than the current ones.

Each :class:`Done` carries the notices to send: the other holders are told, the requester
gets a note at ``taken`` and ``contact_made``; a transfer tells the new holders and the
previous ones. Adapters store the new state (conditionally on its ``version``) and send.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

Stage = Literal["received", "delivered", "taken", "contact_made", "closed"]
STAGES: tuple[Stage, ...] = ("received", "delivered", "taken", "contact_made", "closed")
OUTCOMES = ("accompanied", "referred_program", "referred_elsewhere", "not_pursued", "unreachable")
ReminderKind = Literal["reminder", "escalation"]
SYSTEM = "system"
REQUESTER = "requester"
OPERATORS = "operators"

NoticeKind = Literal[
    "taken",
    "requester_taken",
    "contact_made",
    "requester_contact",
    "closed",
    "transferred_in",
    "transferred_out",
    "reminder",
    "escalation",
]


@dataclass(frozen=True)
class Event:
    at: int
    action: str  # received, take, contact, close, transfer, reminder, escalation
    actor: str
    to: str | None = None  # transfer: the new holders, comma-separated ids
    reason: str | None = None  # transfer: the short reason typed by the network's member
    outcome: str | None = None

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"at": self.at, "action": self.action, "actor": self.actor}
        for key in ("to", "reason", "outcome"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Event:
        def opt(key: str) -> str | None:
            value = data.get(key)
            return None if value is None else str(value)

        return cls(
            at=int(data["at"]),  # type: ignore[call-overload]
            action=str(data["action"]),
            actor=str(data["actor"]),
            to=opt("to"),
            reason=opt("reason"),
            outcome=opt("outcome"),
        )


@dataclass(frozen=True)
class Holders:
    """Who holds the request: the region's ERAC and, when there is one, the advisor."""

    region: str
    erac: str
    advisor: str | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.erac, self.advisor) if self.advisor else (self.erac,)


@dataclass(frozen=True)
class State:
    stage: Stage
    holders: Holders
    since: int  # received, or last transferred: the follow-up clock starts here
    taken_by: str | None = None
    taken_at: int | None = None
    outcome: str | None = None
    reminders: tuple[str, ...] = ()
    history: tuple[Event, ...] = ()
    version: int = 0

    def as_dict(self) -> dict[str, object]:
        """The stored form (``lifecycle`` attribute); ``delivered`` is derived, never stored."""
        return {
            "stage": "received" if self.stage == "delivered" else self.stage,
            "since": self.since,
            "taken_by": self.taken_by,
            "taken_at": self.taken_at,
            "outcome": self.outcome,
            "reminders": list(self.reminders),
            "history": [e.as_dict() for e in self.history],
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object], holders: Holders, *, delivered: bool) -> State:
        stage = str(data.get("stage", "received"))
        if stage not in STAGES:
            raise ValueError(f"unknown stage {stage!r}")
        if stage == "received" and delivered:
            stage = "delivered"
        history = data.get("history") or []
        reminders = data.get("reminders") or []
        taken_at = data.get("taken_at")
        assert isinstance(history, list) and isinstance(reminders, list)
        return cls(
            stage=stage,  # type: ignore[arg-type]
            holders=holders,
            since=int(data["since"]),  # type: ignore[call-overload]
            taken_by=str(data["taken_by"]) if data.get("taken_by") else None,
            taken_at=int(taken_at) if taken_at is not None else None,  # type: ignore[call-overload]
            outcome=str(data["outcome"]) if data.get("outcome") else None,
            reminders=tuple(str(r) for r in reminders),
            history=tuple(Event.from_dict(e) for e in history),
            version=int(data.get("version", 0)),  # type: ignore[call-overload]
        )


def initial_state(holders: Holders, now: int) -> State:
    return State(stage="received", holders=holders, since=now, history=(Event(now, "received", SYSTEM),))


# --- actions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Take:
    pass


@dataclass(frozen=True)
class Contact:
    pass


@dataclass(frozen=True)
class Close:
    outcome: str


@dataclass(frozen=True)
class Transfer:
    to: Holders
    reason: str


@dataclass(frozen=True)
class Remind:
    kind: ReminderKind


Action = Take | Contact | Close | Transfer | Remind


# --- results -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    to: str  # a holder's id, ``requester`` or ``operators``
    about: str  # who acted (an id, or ``system``)


@dataclass(frozen=True)
class Done:
    state: State
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class AlreadyDone:
    state: State


RefusalReason = Literal["not_holder", "taken_by_other", "closed", "bad_outcome", "same_holders", "bad_reason"]


@dataclass(frozen=True)
class Refused:
    state: State
    reason: RefusalReason


Decision = Done | AlreadyDone | Refused

MAX_REASON = 300


def _others(state: State, actor: str) -> list[str]:
    return [h for h in state.holders.ids if h != actor]


def _done(state: State, now: int, event: Event, notices: list[Notice], **changes: object) -> Done:
    new = replace(state, history=(*state.history, event), version=state.version + 1, **changes)  # type: ignore[arg-type]
    return Done(new, tuple(notices))


def transition(state: State, action: Action, actor: str, now: int) -> Decision:
    """What ``actor`` doing ``action`` at ``now`` makes of ``state`` (rules in the module docstring)."""
    if isinstance(action, Remind):
        if state.stage not in ("received", "delivered") or action.kind in state.reminders:
            return AlreadyDone(state)
        to = OPERATORS if action.kind == "escalation" else state.holders.erac
        return _done(
            state,
            now,
            Event(now, action.kind, SYSTEM),
            [Notice(action.kind, to, SYSTEM)],
            reminders=(*state.reminders, action.kind),
        )

    if actor not in state.holders.ids:
        if isinstance(action, Transfer) and any(
            e.action == "transfer" and e.actor == actor for e in state.history
        ):
            return AlreadyDone(state)
        return Refused(state, "not_holder")

    open_stages = ("received", "delivered")
    if isinstance(action, Take):
        if state.stage in open_stages:
            notices = [Notice("taken", other, actor) for other in _others(state, actor)]
            notices.append(Notice("requester_taken", REQUESTER, actor))
            return _done(
                state, now, Event(now, "take", actor), notices, stage="taken", taken_by=actor, taken_at=now
            )
        if state.taken_by not in (None, actor):
            return Refused(state, "taken_by_other")
        return AlreadyDone(state)

    if isinstance(action, Contact):
        if state.stage in ("contact_made", "closed"):
            return AlreadyDone(state)
        notices = [Notice("contact_made", other, actor) for other in _others(state, actor)]
        notices.append(Notice("requester_contact", REQUESTER, actor))
        taken = {"taken_by": actor, "taken_at": now} if state.taken_by is None else {}
        return _done(state, now, Event(now, "contact", actor), notices, stage="contact_made", **taken)

    if isinstance(action, Close):
        if action.outcome not in OUTCOMES:
            return Refused(state, "bad_outcome")
        if state.stage == "closed":
            return AlreadyDone(state) if state.outcome == action.outcome else Refused(state, "closed")
        notices = [Notice("closed", other, actor) for other in _others(state, actor)]
        return _done(
            state,
            now,
            Event(now, "close", actor, outcome=action.outcome),
            notices,
            stage="closed",
            outcome=action.outcome,
        )

    assert isinstance(action, Transfer)
    if state.stage == "closed":
        return Refused(state, "closed")
    reason = " ".join(action.reason.split())
    if not reason or len(reason) > MAX_REASON:
        return Refused(state, "bad_reason")
    if action.to == state.holders:
        return Refused(state, "same_holders")
    notices = [Notice("transferred_in", new, actor) for new in action.to.ids]
    notices += [
        Notice("transferred_out", old, actor)
        for old in state.holders.ids
        if old != actor and old not in action.to.ids
    ]
    return _done(
        state,
        now,
        Event(now, "transfer", actor, to=",".join(action.to.ids), reason=reason),
        notices,
        stage="received",
        holders=action.to,
        since=now,
        taken_by=None,
        taken_at=None,
        reminders=(),
    )


@dataclass(frozen=True)
class FollowUp:
    reminder_after: int  # business days
    escalation_after: int


def reminders_due(
    state: State, now: int, *, follow_up: FollowUp, add_business_days: Callable[[int, int], int]
) -> list[Remind]:
    """The reminders due at ``now`` for a request nobody took, oldest first, each at most once.
    ``add_business_days(start, n) -> epoch`` comes from :class:`workdays.Calendar`."""
    if state.stage not in ("received", "delivered"):
        return []
    add = add_business_days
    due: list[Remind] = []
    if "reminder" not in state.reminders and now >= add(state.since, follow_up.reminder_after):
        due.append(Remind("reminder"))
    if "escalation" not in state.reminders and now >= add(state.since, follow_up.escalation_after):
        due.append(Remind("escalation"))
    return due
