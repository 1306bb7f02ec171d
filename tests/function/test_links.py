"""Signed personal links: forged, altered, expired and replayed links are told apart."""

from __future__ import annotations

import base64

import pytest

from functions.route_request.links import (
    ExpiredLink,
    ForgedLink,
    ValidLink,
    read_link,
    sign_link,
)

SECRET = b"k" * 32
NOW = 1_780_000_000
SID = "00000000-0000-0000-0000-00000000002a"


def token(**changes: object) -> str:
    args: dict[str, object] = {
        "submission_id": SID,
        "recipient": "erac-montreal",
        "action": "take",
        "now": NOW,
    }
    args.update(changes)
    return sign_link(SECRET, **args)  # type: ignore[arg-type]


def test_a_signed_link_reads_back_with_its_expiry_30_days_later() -> None:
    assert read_link(SECRET, token(), now=NOW + 1) == ValidLink(
        SID, "erac-montreal", "take", NOW + 30 * 86400
    )


def test_a_link_carries_ids_only_never_personal_data() -> None:
    payload = base64.urlsafe_b64decode(token().split(".")[0] + "==").decode()
    assert payload == f"v1|{SID}|erac-montreal|take|{NOW + 30 * 86400}"


def test_a_link_signed_with_another_key_is_forged() -> None:
    forged = sign_link(b"not-the-key", submission_id=SID, recipient="erac-montreal", action="take", now=NOW)
    assert read_link(SECRET, forged, now=NOW) == ForgedLink("signature")


@pytest.mark.parametrize(
    "field,value",
    [
        ("recipient", "erac-laval"),
        ("action", "close"),
        ("submission_id", "00000000-0000-0000-0000-000000000001"),
    ],
)
def test_altering_any_part_of_the_payload_breaks_the_signature(field: str, value: str) -> None:
    genuine_payload, signature = token().split(".")
    other_payload = token(**{field: value}).split(".")[0]
    assert other_payload != genuine_payload
    assert read_link(SECRET, f"{other_payload}.{signature}", now=NOW) == ForgedLink("signature")


def test_pushing_the_expiry_back_breaks_the_signature() -> None:
    payload, signature = token().split(".")
    text = base64.urlsafe_b64decode(payload + "==").decode().rsplit("|", 1)[0] + f"|{NOW + 10**9}"
    altered = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    assert read_link(SECRET, f"{altered}.{signature}", now=NOW) == ForgedLink("signature")


@pytest.mark.parametrize("bad", ["", "abc", "a.b.c", "!!!.???", "x" * 600, token()[:-3]])
def test_truncated_or_garbled_tokens_are_forged(bad: str) -> None:
    assert isinstance(read_link(SECRET, bad, now=NOW), ForgedLink)


def test_a_link_expires_after_30_days() -> None:
    assert isinstance(read_link(SECRET, token(), now=NOW + 30 * 86400 - 1), ValidLink)
    assert isinstance(read_link(SECRET, token(), now=NOW + 30 * 86400), ExpiredLink)


def test_a_replayed_link_reads_the_same_each_time() -> None:
    # replay safety is the action's idempotence (test_actions_http): the link itself stays valid
    link = token()
    assert read_link(SECRET, link, now=NOW) == read_link(SECRET, link, now=NOW + 5)


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        sign_link(b"", submission_id=SID, recipient="x", action="take", now=NOW)
    with pytest.raises(ValueError):
        read_link(b"", token(), now=NOW)
