"""Bounces and complaints (SES configuration-set events through EventBridge): the recipient
is marked, the operators or the ERAC are told, and a complaining address is never mailed again."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.redeliver import redeliver_failed
from functions.route_request.ses_events import AddressProblem, Ignored, read_event

from .conftest import valid_fields
from .fakes import FakeMailer, FakeStore
from .helpers import json_event, sample, sqs_event
from .test_docs_and_template import _CfnLoader

ROOT = Path(__file__).resolve().parents[2]
SID = "00000000-0000-0000-0000-00000000002a"


def delivered(app: App) -> FakeStore:
    assert handle(json_event(valid_fields()), app)["statusCode"] == 202
    handle(sqs_event(SID), app)
    assert isinstance(app.store, FakeStore) and app.store.records[SID].status == "delivered"
    return app.store


def test_every_send_is_tagged_with_its_request_and_role(app: App) -> None:
    delivered(app)
    assert isinstance(app.mailer, FakeMailer)
    assert app.mailer.tags == [
        {"relais_submission": SID, "relais_role": role} for role in ("erac", "advisor", "requester")
    ]


def test_an_advisor_bounce_marks_them_and_asks_the_erac_to_pass_it_on(
    app: App, capsys: pytest.CaptureFixture[str]
) -> None:
    store = delivered(app)
    assert isinstance(app.mailer, FakeMailer)
    sent_before = len(app.mailer.sent)
    assert handle(sample("ses_bounce.json"), app) == {"status": "bounced", "told": "erac"}
    assert store.records[SID].deliveries["advisor"] == "bounced"
    recipient, notice = app.mailer.sent[sent_before]
    assert recipient == "erac-montreal@example.org"
    assert "adresse refusée" in str(notice["Subject"]) and store.records[SID].reference in str(
        notice["Subject"]
    )
    text = notice.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "adv-montreal-a@example.org" in text and "répertoire" in text
    out = capsys.readouterr().out
    assert '"PermanentDeliveryFailure": 1' in out and "adv-montreal-a@example.org" not in out


def test_a_complaint_marks_the_requester_and_they_are_never_mailed_again(app: App) -> None:
    store = delivered(app)
    assert handle(sample("ses_complaint.json"), app) == {"status": "complained", "told": "operators"}
    assert store.records[SID].deliveries["requester"] == "complained"
    # no later path mails them again: not the queue, not the operators' redeliver command
    assert isinstance(app.mailer, FakeMailer)
    sent_before = len(app.mailer.sent)
    handle(sqs_event(SID), app)
    redeliver_failed(app)
    assert len(app.mailer.sent) == sent_before


def test_the_erac_bounce_tells_the_operators(app: App) -> None:
    store = delivered(app)
    event = sample("ses_bounce.json")
    event["detail"]["mail"]["tags"]["relais_role"] = ["erac"]
    assert handle(event, app) == {"status": "bounced", "told": "operators"}
    assert store.records[SID].deliveries["erac"] == "bounced"


def _variant(change: str) -> dict[str, Any]:
    event = copy.deepcopy(sample("ses_bounce.json"))
    if change == "transient":
        event["detail"]["bounce"]["bounceType"] = "Transient"
    elif change == "untagged":
        del event["detail"]["mail"]["tags"]["relais_submission"]
    elif change == "delivery":
        event["detail-type"] = "Email Delivered"
    return event


@pytest.mark.parametrize("change", ["transient", "untagged", "delivery"])
def test_other_events_change_nothing(app: App, change: str) -> None:
    store = delivered(app)
    before = store.records[SID]
    assert isinstance(read_event(_variant(change)), Ignored)
    assert handle(_variant(change), app) == {"status": "ignored"}
    assert store.records[SID] == before


def test_an_event_for_an_unknown_request_is_dropped(app: App) -> None:
    assert isinstance(read_event(sample("ses_bounce.json")), AddressProblem)
    assert handle(sample("ses_bounce.json"), app) == {"status": "missing"}


def test_the_template_routes_bounces_and_complaints_to_the_function_and_suppresses_them() -> None:
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CfnLoader)
    resources = template["Resources"]
    suppression = resources["ConfigurationSet"]["Properties"]["SuppressionOptions"]
    assert set(suppression["SuppressedReasons"]) == {"BOUNCE", "COMPLAINT"}
    destination = resources["ConfigurationSetToFunction"]["Properties"]["EventDestination"]
    assert set(destination["MatchingEventTypes"]) == {"bounce", "complaint"}
    assert destination["EventBridgeDestination"]["EventBusArn"]["Sub"].endswith(":event-bus/default")
    rule = resources["RouteRequestFunction"]["Properties"]["Events"]["SesEvents"]
    assert rule["Type"] == "EventBridgeRule"
    pattern = rule["Properties"]["Pattern"]
    assert pattern["source"] == ["aws.ses"]
    assert set(pattern["detail-type"]) == {"Email Bounced", "Email Complaint Received"}
    for name in ("ses_bounce.json", "ses_complaint.json"):  # the samples match the rule
        event = sample(name)
        assert event["source"] in pattern["source"] and event["detail-type"] in pattern["detail-type"]
