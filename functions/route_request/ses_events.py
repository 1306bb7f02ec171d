"""Bounces and complaints: what SES tells us after a send, and what we do about it.

The configuration set publishes ``BOUNCE`` and ``COMPLAINT`` events to EventBridge's default
bus; a rule (template.yaml, ``SesEvents``) invokes the function with
``{"source": "aws.ses", "detail-type": "Email Bounced" | "Email Complaint Received",
"detail": <the SES event record>}``
(https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html for
the record; EventBridge carries the same JSON as ``detail``). Each send carries two message
tags, ``relais_submission`` and ``relais_role`` (delivery.py), which SES returns in
``mail.tags``: they say which request and which recipient the event is about, so no address
is ever looked up or logged.

* a **permanent bounce** (or a send SES suppressed): the recipient becomes ``bounced``, the
  ``PermanentDeliveryFailure`` metric calls the operators (alarm), and when the bad address is
  an advisor's from the directory, the region's ERAC gets a notice to pass the request on and
  have the directory corrected. A transient bounce changes nothing: SES already retried.
* a **complaint**: the recipient becomes ``complained`` and is never mailed again: the
  configuration set's suppression options add the address to the account's suppression list
  (``SuppressedReasons: [BOUNCE, COMPLAINT]``), so SES refuses every later send to it, and
  the redeliver command never resets such a recipient.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

SUBMISSION_TAG = "relais_submission"
ROLE_TAG = "relais_role"
DETAIL_TYPES = {"Email Bounced": "bounced", "Email Complaint Received": "complained"}


@dataclass(frozen=True)
class AddressProblem:
    """One recipient of one request can no longer be mailed."""

    kind: Literal["bounced", "complained"]
    submission_id: str
    role: str
    subtype: str  # SES's bounceSubType or complaintFeedbackType: safe to log, never an address


@dataclass(frozen=True)
class Ignored:
    reason: str  # a transient bounce, an event about mail we did not tag…


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _tag(tags: Mapping[str, Any], name: str) -> str | None:
    values = tags.get(name)
    if isinstance(values, list) and values and isinstance(values[0], str):
        return values[0]
    return None


def read_event(event: Mapping[str, Any]) -> AddressProblem | Ignored:
    """What an EventBridge SES event means for us (pure: no I/O)."""
    kind = DETAIL_TYPES.get(str(event.get("detail-type")))
    detail = event.get("detail")
    if kind is None or not isinstance(detail, Mapping):
        return Ignored("not_a_bounce_or_complaint")
    tags = _mapping(_mapping(detail.get("mail")).get("tags"))
    submission_id, role = _tag(tags, SUBMISSION_TAG), _tag(tags, ROLE_TAG)
    if not submission_id or not role:
        return Ignored("untagged")
    if kind == "bounced":
        bounce = _mapping(detail.get("bounce"))
        if bounce.get("bounceType") != "Permanent":
            return Ignored("transient_bounce")
        return AddressProblem("bounced", submission_id, role, str(bounce.get("bounceSubType", "")))
    complaint = _mapping(detail.get("complaint"))
    return AddressProblem(
        "complained", submission_id, role, str(complaint.get("complaintFeedbackType", "") or "unspecified")
    )
