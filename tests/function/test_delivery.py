"""The SQS path: pending deliveries only, per-recipient state, back-off, partial batch
failures; the sweep and the redrive."""

from __future__ import annotations

from collections.abc import Callable

from functions.route_request.app import App
from functions.route_request.delivery import backoff_seconds
from functions.route_request.errors import (
    PermanentMailError,
    RetryableMailError,
    SendingBlocked,
    StoreUnavailable,
)
from functions.route_request.handler import handle

from .conftest import valid_fields
from .fakes import FakeMailer, FakeQueue, FakeStore
from .helpers import json_event, sample, sqs_event

SID = "00000000-0000-0000-0000-00000000002a"


def submitted(app: App) -> FakeStore:
    assert handle(json_event(valid_fields()), app)["statusCode"] == 202
    assert isinstance(app.store, FakeStore)
    return app.store


def test_delivery_sends_three_emails_and_records_each(app: App) -> None:
    store = submitted(app)
    assert handle(sqs_event(SID), app) == {"batchItemFailures": []}
    assert isinstance(app.mailer, FakeMailer)
    assert app.mailer.recipients() == [
        "erac-montreal@example.org",
        "adv-montreal-a@example.org",
        "camille@example.org",
    ]
    record = store.records[SID]
    assert record.deliveries == {"erac": "sent", "advisor": "sent", "requester": "sent"}
    assert record.status == "delivered"


def test_sample_sqs_event_for_unknown_id_is_dropped(app: App) -> None:
    assert handle(sample("sqs_delivery.json"), app) == {"batchItemFailures": []}


def test_redelivery_sends_only_what_is_missing(app: App) -> None:
    # GIVEN SES throttles on the advisor's email
    store = submitted(app)
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.queue, FakeQueue)
    app.mailer.failures["adv-montreal-a@example.org"] = [RetryableMailError("TooManyRequestsException")]
    # WHEN the message is delivered
    first = handle(sqs_event(SID, receive_count=3), app)
    # THEN the ERAC got it, the message is reported failed and hidden with a back-off
    assert first == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}
    assert app.queue.visibility == [("rh-0", 240)]
    assert store.records[SID].deliveries == {"erac": "sent", "advisor": "pending", "requester": "pending"}
    assert store.records[SID].status == "received"
    # WHEN SQS delivers it again THEN only the advisor and requester are sent
    assert handle(sqs_event(SID, receive_count=4), app) == {"batchItemFailures": []}
    assert app.mailer.recipients() == [
        "erac-montreal@example.org",
        "adv-montreal-a@example.org",
        "camille@example.org",
    ]
    assert store.records[SID].status == "delivered"


def test_permanent_failure_marks_the_recipient_and_does_not_retry(app: App, capsys) -> None:  # type: ignore[no-untyped-def]
    store = submitted(app)
    assert isinstance(app.mailer, FakeMailer)
    app.mailer.failures["camille@example.org"] = [PermanentMailError("MessageRejected")]
    assert handle(sqs_event(SID), app) == {"batchItemFailures": []}
    record = store.records[SID]
    assert record.deliveries == {"erac": "sent", "advisor": "sent", "requester": "failed_permanent"}
    assert record.status == "failed"
    out = capsys.readouterr().out
    assert '"PermanentDeliveryFailure": 1' in out and '"Namespace": "Relais"' in out
    assert "camille" not in out


def test_sending_paused_keeps_the_request_waiting_and_raises_the_alarm(app: App, capsys) -> None:  # type: ignore[no-untyped-def]
    # GIVEN SES has paused sending for the whole account
    store = submitted(app)
    assert isinstance(app.mailer, FakeMailer)
    app.mailer.failures["erac-montreal@example.org"] = [SendingBlocked("SendingPausedException")]
    # WHEN the queue delivers the request
    result = handle(sqs_event(SID, receive_count=3), app)
    # THEN nobody is marked failed: the message goes back to the queue with the long back-off
    assert result == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}
    assert store.records[SID].deliveries == {"erac": "pending", "advisor": "pending", "requester": "pending"}
    assert app.queue.visibility[-1][1] == backoff_seconds(3)  # type: ignore[attr-defined]
    # and the SendingBlocked metric calls an operator
    out = capsys.readouterr().out
    assert '"SendingBlocked": 1' in out and "PermanentDeliveryFailure" not in out
    # WHEN the block is lifted THEN the next delivery sends everything
    assert handle(sqs_event(SID, receive_count=4), app) == {"batchItemFailures": []}
    assert store.records[SID].status == "delivered"


def test_partial_batch_failure_names_only_failed_messages(make_app: Callable[..., App]) -> None:
    app = make_app()
    handle(json_event(valid_fields()), app)
    other = "00000000-0000-0000-0000-000000000007"
    handle(json_event(valid_fields(submission_id=other, email="autre@example.org")), app)
    assert isinstance(app.mailer, FakeMailer)
    app.mailer.failures["autre@example.org"] = [RetryableMailError("Throttling")]
    result = handle(sqs_event(SID, other), app)
    assert result == {"batchItemFailures": [{"itemIdentifier": "msg-1"}]}


def test_store_down_during_delivery_retries(make_app: Callable[..., App]) -> None:
    app = make_app()
    handle(json_event(valid_fields()), app)
    assert isinstance(app.store, FakeStore)
    app.store.fail_with = StoreUnavailable("InternalServerError")
    assert handle(sqs_event(SID), app) == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}


def test_an_accepted_email_address_can_always_be_mailed(app: App) -> None:
    # GIVEN addresses at the edges of what the form accepts
    for n, address in enumerate(["o'brien+relais@example.org", "a=b?c@example.org", "x{y}@sub.example.org"]):
        sid = f"00000000-0000-0000-0000-0000000001{n:02d}"
        response = handle(json_event(valid_fields(submission_id=sid, email=address)), app)
        assert response["statusCode"] == 202
        # WHEN delivered THEN every email goes out (none crashes on the Reply-To or To header)
        assert handle(sqs_event(sid), app) == {"batchItemFailures": []}
        assert isinstance(app.store, FakeStore) and app.store.records[sid].status == "delivered"


def test_unreadable_message_is_dropped(app: App) -> None:
    event = sqs_event(SID)
    event["Records"][0]["body"] = "not json"
    assert handle(event, app) == {"batchItemFailures": []}


def test_backoff_doubles_and_caps_at_12_hours() -> None:
    assert [backoff_seconds(n) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]
    assert backoff_seconds(11) == backoff_seconds(20) == backoff_seconds(500) == 12 * 3600 - 300
    # with maxReceiveCount 20, retries span days: longer than an hours-long SES outage
    assert sum(backoff_seconds(n) for n in range(1, 20)) > 3 * 86400


def test_sweep_requeues_unqueued_and_quiet_requests(make_app: Callable[..., App]) -> None:
    from dataclasses import replace

    queue = FakeQueue(fail_with=StoreUnavailable("x"))  # type: ignore[arg-type]
    app = make_app(queue=queue)
    handle(json_event(valid_fields()), app)  # recorded, not queued
    queue.fail_with = None
    assert isinstance(app.store, FakeStore) and not app.store.records[SID].queued
    # too early: nothing
    assert handle({"task": "sweep"}, app) == {
        "requeued": 0,
        "stale": 0,
        "reminders": 0,
        "notices_requeued": 0,
    }
    app.clock.now += 16 * 60  # type: ignore[attr-defined]
    assert handle({"task": "sweep"}, app) == {
        "requeued": 1,
        "stale": 1,
        "reminders": 0,
        "notices_requeued": 0,
    }
    assert queue.messages == [SID] and app.store.records[SID].queued
    # queued but quiet for more than a day: again
    app.store.records[SID] = replace(app.store.records[SID], updated_at=int(app.clock()) - 27 * 3600)
    assert handle({"task": "sweep"}, app)["requeued"] == 1


def test_redrive(app: App) -> None:
    assert handle(sample("schedule_redrive.json"), app) == {"started": True}
    assert isinstance(app.queue, FakeQueue) and app.queue.redrives == 1
