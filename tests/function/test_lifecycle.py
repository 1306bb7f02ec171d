"""The pure core of a request's life: ``transition(state, action, actor, now)`` with a fixed clock."""

from __future__ import annotations

from dataclasses import replace

import pytest

from functions.route_request.lifecycle import (
    AlreadyDone,
    Close,
    Contact,
    Done,
    FollowUp,
    Holders,
    Notice,
    Refused,
    Remind,
    State,
    Take,
    Transfer,
    initial_state,
    reminders_due,
    transition,
)
from functions.route_request.workdays import Calendar

from .test_workdays import at

T0 = at("2026-11-26T10:00")  # a Thursday
HERE = Holders("14", "erac-lanaudiere", "adv-joliette")
ELSEWHERE = Holders("15", "erac-laurentides", "adv-laurentides")


def fresh() -> State:
    return initial_state(HERE, T0)


def done(decision: object) -> Done:
    assert isinstance(decision, Done), decision
    return decision


def test_taking_charge_tells_the_others_and_the_requester() -> None:
    d = done(transition(fresh(), Take(), "erac-lanaudiere", T0 + 60))
    assert d.state.stage == "taken" and d.state.taken_by == "erac-lanaudiere" and d.state.taken_at == T0 + 60
    assert d.notices == (
        Notice("taken", "adv-joliette", "erac-lanaudiere"),
        Notice("requester_taken", "requester", "erac-lanaudiere"),
    )
    assert d.state.version == 1 and d.state.history[-1].action == "take"


def test_taking_twice_is_harmless_and_a_second_taker_is_told() -> None:
    taken = done(transition(fresh(), Take(), "erac-lanaudiere", T0)).state
    assert transition(taken, Take(), "erac-lanaudiere", T0 + 1) == AlreadyDone(taken)
    assert transition(taken, Take(), "adv-joliette", T0 + 1) == Refused(taken, "taken_by_other")


def test_only_a_holder_may_act() -> None:
    assert transition(fresh(), Take(), "erac-laval", T0) == Refused(fresh(), "not_holder")


def test_contact_made_implies_taking_charge_and_notes_the_requester() -> None:
    d = done(transition(fresh(), Contact(), "adv-joliette", T0 + 5))
    assert d.state.stage == "contact_made" and d.state.taken_by == "adv-joliette"
    assert Notice("requester_contact", "requester", "adv-joliette") in d.notices
    assert Notice("contact_made", "erac-lanaudiere", "adv-joliette") in d.notices
    assert transition(d.state, Contact(), "adv-joliette", T0 + 6) == AlreadyDone(d.state)


def test_another_holder_can_record_the_contact_after_the_erac_took_it() -> None:
    taken = done(transition(fresh(), Take(), "erac-lanaudiere", T0)).state
    d = done(transition(taken, Contact(), "adv-joliette", T0 + 9))
    assert d.state.taken_by == "erac-lanaudiere" and d.state.stage == "contact_made"


def test_closing_needs_a_known_outcome_and_is_idempotent() -> None:
    assert transition(fresh(), Close("whatever"), "erac-lanaudiere", T0) == Refused(fresh(), "bad_outcome")
    closed = done(transition(fresh(), Close("accompanied"), "erac-lanaudiere", T0)).state
    assert closed.stage == "closed" and closed.outcome == "accompanied"
    assert transition(closed, Close("accompanied"), "adv-joliette", T0 + 1) == AlreadyDone(closed)
    assert transition(closed, Close("not_pursued"), "adv-joliette", T0 + 1) == Refused(closed, "closed")
    assert transition(closed, Transfer(ELSEWHERE, "x"), "adv-joliette", T0 + 1) == Refused(closed, "closed")


def test_a_transfer_hands_over_restarts_the_clock_and_informs_both_sides() -> None:
    taken = done(transition(fresh(), Take(), "erac-lanaudiere", T0)).state
    d = done(transition(taken, Transfer(ELSEWHERE, "  Entreprise   à Mirabel "), "erac-lanaudiere", T0 + 100))
    assert d.state.holders == ELSEWHERE and d.state.stage == "received"
    assert d.state.since == T0 + 100 and d.state.taken_by is None and d.state.reminders == ()
    event = d.state.history[-1]
    assert (event.action, event.actor, event.to, event.reason) == (
        "transfer",
        "erac-lanaudiere",
        "erac-laurentides,adv-laurentides",
        "Entreprise à Mirabel",
    )
    assert d.notices == (
        Notice("transferred_in", "erac-laurentides", "erac-lanaudiere"),
        Notice("transferred_in", "adv-laurentides", "erac-lanaudiere"),
        Notice("transferred_out", "adv-joliette", "erac-lanaudiere"),
    )
    # the previous holder's second click: harmless; the others can no longer act
    assert transition(d.state, Transfer(ELSEWHERE, "again"), "erac-lanaudiere", T0 + 101) == AlreadyDone(
        d.state
    )
    assert transition(d.state, Take(), "adv-joliette", T0 + 101) == Refused(d.state, "not_holder")


@pytest.mark.parametrize("reason", ["", "   ", "x" * 301])
def test_a_transfer_needs_a_short_reason(reason: str) -> None:
    assert transition(fresh(), Transfer(ELSEWHERE, reason), "erac-lanaudiere", T0) == Refused(
        fresh(), "bad_reason"
    )


def test_a_transfer_to_the_same_holders_is_refused() -> None:
    assert transition(fresh(), Transfer(HERE, "x"), "erac-lanaudiere", T0) == Refused(fresh(), "same_holders")


def test_a_state_survives_its_stored_form() -> None:
    state = done(transition(fresh(), Close("referred_program"), "adv-joliette", T0)).state
    assert State.from_dict(state.as_dict(), HERE, delivered=True) == state
    received = fresh()
    assert State.from_dict(received.as_dict(), HERE, delivered=True) == replace(received, stage="delivered")


FOLLOW_UP = FollowUp(reminder_after=2, escalation_after=5)


def due(state: State, local: str) -> list[str]:
    return [
        r.kind
        for r in reminders_due(
            state, at(local), follow_up=FOLLOW_UP, add_business_days=Calendar().add_business_days
        )
    ]


def test_reminders_fall_on_business_days() -> None:
    state = fresh()  # Thursday 26 Nov 2026, 10:00
    assert due(state, "2026-11-28T12:00") == []  # Saturday: still one business day
    assert due(state, "2026-11-30T09:59") == []
    assert due(state, "2026-11-30T10:00") == ["reminder"]  # Monday 10:00: two business days
    assert due(state, "2026-12-03T09:59") == ["reminder"]
    assert due(state, "2026-12-03T10:00") == ["reminder", "escalation"]  # five business days


def test_each_reminder_is_sent_once_and_only_while_nobody_took_the_request() -> None:
    d = done(transition(fresh(), Remind("reminder"), "system", at("2026-11-30T10:00")))
    assert d.notices == (Notice("reminder", "erac-lanaudiere", "system"),)
    assert due(d.state, "2026-12-01T10:00") == []
    assert transition(d.state, Remind("reminder"), "system", T0) == AlreadyDone(d.state)
    esc = done(transition(d.state, Remind("escalation"), "system", at("2026-12-03T10:00")))
    assert esc.notices == (Notice("escalation", "operators", "system"),)
    taken = done(transition(fresh(), Take(), "adv-joliette", T0)).state
    assert due(taken, "2026-12-31T10:00") == []
