"""The AWS adapters against moto (SES v2, DynamoDB, SQS) and botocore's Stubber for faults."""

from __future__ import annotations

import base64
import email
import email.policy
import json
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import EndpointConnectionError
from botocore.stub import Stubber
from moto import mock_aws

from functions.route_request.app import App, build_app
from functions.route_request.errors import (
    QueueUnavailable,
    RetryableMailError,
    SendingBlocked,
    StoreFailure,
    StoreUnavailable,
)
from functions.route_request.handler import handle
from functions.route_request.mail_ses import SesMailer
from functions.route_request.messages import Sender, compose
from functions.route_request.queue_sqs import SqsQueue
from functions.route_request.settings import Settings
from functions.route_request.store import AlreadyExists, Created
from functions.route_request.store_dynamodb import DynamoDbStore
from functions.route_request.table import RoutingTable

from .conftest import NOW, valid_fields
from .fakes import FakeClock, FakeMailer, FakeQueue
from .helpers import body, json_event, sqs_event

REGION = "ca-central-1"
TABLE = "relais-requests"
LIMITS_TABLE = "relais-limits"
SID = "00000000-0000-0000-0000-00000000002a"
SENDER = "relais@relais.example"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", REGION)
    with mock_aws():
        dynamodb = boto3.client("dynamodb", region_name=REGION)
        dynamodb.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "submission_id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "submission_id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        dynamodb.create_table(
            TableName=LIMITS_TABLE,
            KeySchema=[{"AttributeName": "key", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "key", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        secretsmanager = boto3.client("secretsmanager", region_name=REGION)
        secret_arn = secretsmanager.create_secret(Name="relais-abuse", SecretString="k" * 64)["ARN"]
        sesv2 = boto3.client("sesv2", region_name=REGION)
        sesv2.create_email_identity(EmailIdentity="relais.example")
        boto3.client("ses", region_name=REGION).verify_domain_identity(Domain="relais.example")
        sqs = boto3.client("sqs", region_name=REGION)
        dlq = sqs.create_queue(QueueName="relais-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        queue = sqs.create_queue(QueueName="relais-delivery")["QueueUrl"]
        link_arn = secretsmanager.create_secret(Name="relais-links", SecretString="moto-link-secret")["ARN"]
        yield {
            "dynamodb": dynamodb,
            "sesv2": sesv2,
            "sqs": sqs,
            "queue_url": queue,
            "dlq_arn": dlq_arn,
            "secretsmanager": secretsmanager,
            "secret_arn": secret_arn,
            "link_arn": link_arn,
        }


@pytest.fixture
def aws_app(aws: dict[str, Any], table: RoutingTable) -> App:
    settings = Settings(
        backend="aws",
        site_origin="https://relais.example",
        sender_address=SENDER,
        ses_configuration_set="relais",
        table_name=TABLE,
        queue_url=aws["queue_url"],
        dlq_arn=aws["dlq_arn"],
        limits_table_name=LIMITS_TABLE,
        abuse_secret_arn=aws["secret_arn"],
        link_secret_arn=aws["link_arn"],
    )
    app = build_app(
        settings,
        table=table,
        dynamodb=aws["dynamodb"],
        sesv2=aws["sesv2"],
        sqs=aws["sqs"],
        secretsmanager=aws["secretsmanager"],
    )
    app.clock = FakeClock(NOW)
    return app


def test_full_flow_on_moto(aws: dict[str, Any], aws_app: App) -> None:
    from moto.ses.models import ses_backends

    # GIVEN a posted request
    response = handle(json_event(valid_fields(description="Ligne <b>1</b>\nLigne 2")), aws_app)
    assert response["statusCode"] == 202
    reference = body(response)["reference"]
    # THEN DynamoDB holds the record, queued, with a TTL, and SQS holds only the id
    item = aws["dynamodb"].get_item(TableName=TABLE, Key={"submission_id": {"S": SID}})["Item"]
    assert item["reference"] == {"S": reference}
    assert item["queued"] == {"BOOL": True}
    assert int(item["expires_at"]["N"]) == int(NOW) + 730 * 86400
    assert item["deliveries"]["M"]["erac"] == {"S": "pending"}
    messages = aws["sqs"].receive_message(QueueUrl=aws["queue_url"], AttributeNames=["All"])["Messages"]
    assert [json.loads(m["Body"]) for m in messages] == [{"submission_id": SID}]
    # WHEN the SQS event arrives
    event = sqs_event(SID)
    event["Records"][0]["receiptHandle"] = messages[0]["ReceiptHandle"]
    assert handle(event, aws_app) == {"batchItemFailures": []}
    # THEN SES sent three raw MIME messages with both parts
    sent = ses_backends["123456789012"][REGION].sent_messages
    assert len(sent) == 3
    # moto adds the header recipients after our Destination
    assert {m.destinations[0] for m in sent} == {
        "erac-montreal@example.org",
        "adv-montreal-a@example.org",
        "camille@example.org",
    }
    for raw in sent:
        assert raw.source == SENDER
        msg = email.message_from_string(raw.raw_data, policy=email.policy.default)
        assert msg["From"] == f"Relais <{SENDER}>"
        assert reference in str(msg["Subject"])
        text = msg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
        html = msg.get_body(("html",)).get_content()  # type: ignore[union-attr]
        if "camille@example.org" in str(msg["To"]):
            # the requester's confirmation never carries what was typed (no relaying of spam)
            assert "Ligne" not in text and "Ligne" not in html
        else:
            assert "Ligne <b>1</b>" in text and "Ligne &lt;b&gt;1&lt;/b&gt;" in html
    item = aws["dynamodb"].get_item(TableName=TABLE, Key={"submission_id": {"S": SID}})["Item"]
    assert {k: v["S"] for k, v in item["deliveries"]["M"].items()} == {
        "erac": "sent",
        "advisor": "sent",
        "requester": "sent",
    }
    assert item["status"] == {"S": "delivered"}


def test_dynamodb_duplicate_same_body_and_different_body(aws: dict[str, Any], aws_app: App) -> None:
    first = body(handle(json_event(valid_fields()), aws_app))
    again = handle(json_event(valid_fields()), aws_app)
    assert again["statusCode"] == 202 and body(again)["reference"] == first["reference"]
    conflict = handle(json_event(valid_fields(business_name="Autre")), aws_app)
    assert conflict["statusCode"] == 409


def test_dynamodb_store_create_and_sweep_query(aws: dict[str, Any], aws_app: App) -> None:
    store = aws_app.store
    assert isinstance(store, DynamoDbStore)
    handle(json_event(valid_fields()), aws_app)
    record = store.get(SID)
    assert record is not None
    assert isinstance(store.create(record), AlreadyExists)
    other = record.__class__(**{**record.__dict__, "submission_id": "other", "queued": False})
    assert isinstance(store.create(other), Created)
    assert store.stale(unqueued_before=int(NOW) + 1, untouched_before=0) == ["other"]
    assert store.stale(unqueued_before=int(NOW) + 1, untouched_before=int(NOW) + 1) == [
        "00000000-0000-0000-0000-00000000002a",
        "other",
    ]


def _ses_error(code: str, status: int = 400) -> dict[str, Any]:
    return {"service_error_code": code, "service_message": "boom", "http_status_code": status}


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("TooManyRequestsException", 429, RetryableMailError),
        ("LimitExceededException", 400, RetryableMailError),
        ("Throttling", 400, RetryableMailError),
        ("ServiceUnavailable", 503, RetryableMailError),
        ("InternalFailure", 500, RetryableMailError),
        ("SomethingNew", 502, RetryableMailError),
        ("MessageRejected", 400, SendingBlocked),  # the sandbox: an unverified recipient
        ("NotFoundException", 404, SendingBlocked),  # no such configuration set
        ("AccessDeniedException", 400, SendingBlocked),  # our IAM policy
        ("SomethingNew", 400, SendingBlocked),  # an unknown 4xx is no proof the address is bad
        ("MailFromDomainNotVerifiedException", 400, SendingBlocked),
        ("AccountSuspendedException", 400, SendingBlocked),
        ("SendingPausedException", 400, SendingBlocked),
        ("ConfigurationSetSendingPausedException", 400, SendingBlocked),
        ("BadRequestException", 400, SendingBlocked),
    ],
)
def test_ses_errors_by_code(table: RoutingTable, code: str, status: int, expected: type[Exception]) -> None:
    client = boto3.client("sesv2", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    mailer = SesMailer(client, sender=SENDER, configuration_set="relais")
    with Stubber(client) as stub:
        stub.add_client_error("send_email", **_ses_error(code, status))
        with pytest.raises(expected) as caught:
            mailer.send(_any_message(table), recipient="erac@example.org")
    assert caught.value.code == code  # type: ignore[attr-defined]


def test_ses_request_shape(table: RoutingTable) -> None:
    client = boto3.client("sesv2", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    message = _any_message(table)
    with Stubber(client) as stub:
        stub.add_response(
            "send_email",
            {"MessageId": "m-1"},
            {
                "FromEmailAddress": SENDER,
                "Destination": {"ToAddresses": ["erac@example.org"]},
                "Content": {"Raw": {"Data": message.as_bytes()}},
                "ConfigurationSetName": "relais",
            },
        )
        assert (
            SesMailer(client, sender=SENDER, configuration_set="relais").send(
                message, recipient="erac@example.org"
            )
            == "m-1"
        )


def test_ses_down_is_retryable(table: RoutingTable) -> None:
    client = boto3.client("sesv2", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")

    def refuse(**_: Any) -> None:
        raise EndpointConnectionError(endpoint_url="https://email.ca-central-1.amazonaws.com")

    client.send_email = refuse  # type: ignore[method-assign]
    with pytest.raises(RetryableMailError) as caught:
        SesMailer(client, sender=SENDER).send(_any_message(table), recipient="a@example.org")
    assert caught.value.code == "EndpointConnectionError"


def test_ses_throttled_end_to_end_retries_with_backoff(aws: dict[str, Any], aws_app: App) -> None:
    handle(json_event(valid_fields()), aws_app)
    client = aws_app.mailer._client  # type: ignore[attr-defined]
    queue = FakeQueue()
    aws_app.queue = queue
    with Stubber(client) as stub:
        stub.add_client_error("send_email", **_ses_error("TooManyRequestsException", 429))
        result = handle(sqs_event(SID, receive_count=2), aws_app)
    assert result == {"batchItemFailures": [{"itemIdentifier": "msg-0"}]}
    assert queue.visibility == [("rh-0", 120)]


@pytest.mark.parametrize(
    ("code", "status"),
    [("MessageRejected", 400), ("NotFoundException", 404), ("BadRequestException", 400), ("Unexpected", 403)],
)
def test_an_ses_misconfiguration_holds_every_request_and_a_fix_sends_them(
    aws: dict[str, Any], aws_app: App, capsys: pytest.CaptureFixture[str], code: str, status: int
) -> None:
    """The adversarial run's SES outage: a misconfiguration failed every request in flight for
    good. Now each waits (nobody marked failed), the alarm's metric is emitted, and once the
    configuration is fixed the queue's next attempt sends everything."""
    others = [f"00000000-0000-0000-0000-0000000009{n:02d}" for n in range(3)]
    for n, sid in enumerate((SID, *others)):  # four businesses, from four places
        fields = valid_fields(
            submission_id=sid,
            email=f"entreprise{n}@example.org",
            description=f"Besoin numéro {n} : exporter.",
        )
        event = json_event(fields)
        event["requestContext"]["http"]["sourceIp"] = f"198.51.100.{n + 1}"
        assert handle(event, aws_app)["statusCode"] == 202
    client = aws_app.mailer._client  # type: ignore[attr-defined]
    queue = FakeQueue()
    aws_app.queue = queue
    with Stubber(client) as stub:
        for _ in range(4):
            stub.add_client_error("send_email", **_ses_error(code, status))
        result = handle(sqs_event(SID, *others, receive_count=2), aws_app)
    assert len(result["batchItemFailures"]) == 4
    for sid in (SID, *others):
        record = aws_app.store.get(sid)
        assert record is not None and record.status == "received"
        assert set(record.deliveries.values()) == {"pending"}
    assert capsys.readouterr().out.count('"SendingBlocked": 1') == 4
    # the operator fixes the configuration; the queue delivers again
    with Stubber(client) as stub:
        for n in range(12):
            stub.add_response("send_email", {"MessageId": f"m-{n}"})
        assert handle(sqs_event(SID, *others, receive_count=3), aws_app) == {"batchItemFailures": []}
    assert all(aws_app.store.get(sid).status == "delivered" for sid in (SID, *others))  # type: ignore[union-attr]


def test_no_ses_error_code_marks_a_recipient_failed(table: RoutingTable) -> None:
    """Only a bounce proves an address bad (ses_events.py): every synchronous error retries."""
    client = boto3.client("sesv2", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    mailer = SesMailer(client, sender=SENDER)
    message = _any_message(table)
    for code, status in [("MessageRejected", 400), ("InvalidParameterValue", 400), ("Gone", 410), ("X", 500)]:
        with Stubber(client) as stub:
            stub.add_client_error("send_email", **_ses_error(code, status))
            with pytest.raises(RetryableMailError):
                mailer.send(message, recipient="a@example.org")


def _stubbed_dynamodb(code: str, status: int, *, read_first: bool = False) -> DynamoDbStore:
    client = boto3.client("dynamodb", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    stub = Stubber(client)
    if read_first:  # intake looks for an earlier record (a replay) before counting and writing
        stub.add_response("get_item", {})
    stub.add_client_error("put_item", service_error_code=code, http_status_code=status)
    stub.activate()
    return DynamoDbStore(client, TABLE)


@pytest.mark.parametrize(
    ("code", "status", "expected"),
    [
        ("ProvisionedThroughputExceededException", 400, StoreUnavailable),
        ("InternalServerError", 500, StoreUnavailable),
        ("ResourceNotFoundException", 400, StoreFailure),
    ],
)
def test_dynamodb_errors_by_code(
    table: RoutingTable, code: str, status: int, expected: type[Exception]
) -> None:
    store = _stubbed_dynamodb(code, status)
    record = _any_record(table)
    with pytest.raises(expected):
        store.create(record)


def test_dynamodb_down_is_503_and_nothing_sent(make_app: Callable[..., App]) -> None:
    store = _stubbed_dynamodb("InternalServerError", 500, read_first=True)
    mailer, queue = FakeMailer(), FakeQueue()
    app = make_app(store=store, mailer=mailer, queue=queue)
    response = handle(json_event(valid_fields()), app)
    assert response["statusCode"] == 503
    assert mailer.sent == [] and queue.messages == []


def test_dynamodb_conditional_check_failed_reads_back(table: RoutingTable) -> None:
    client = boto3.client("dynamodb", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    record = _any_record(table)
    from boto3.dynamodb.types import TypeSerializer

    item = {k: TypeSerializer().serialize(v) for k, v in record.to_item().items()}
    with Stubber(client) as stub:
        stub.add_client_error(
            "put_item", service_error_code="ConditionalCheckFailedException", http_status_code=400
        )
        stub.add_response("get_item", {"Item": item})
        result = DynamoDbStore(client, TABLE).create(record)
    assert isinstance(result, AlreadyExists) and result.existing.reference == record.reference


def test_sqs_adapter(aws: dict[str, Any]) -> None:
    queue = SqsQueue(aws["sqs"], queue_url=aws["queue_url"], dlq_arn=aws["dlq_arn"])
    queue.enqueue(SID)
    (msg,) = aws["sqs"].receive_message(QueueUrl=aws["queue_url"])["Messages"]
    assert json.loads(msg["Body"]) == {"submission_id": SID}
    queue.retry_later(msg["ReceiptHandle"], 99_999)  # capped at 12 h, accepted by SQS


def test_sqs_redrive_and_errors() -> None:
    client = boto3.client("sqs", region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x")
    queue = SqsQueue(
        client,
        queue_url="https://sqs.ca-central-1.amazonaws.com/1/q",
        dlq_arn="arn:aws:sqs:ca-central-1:1:dlq",
    )
    with Stubber(client) as stub:
        stub.add_response(
            "start_message_move_task", {"TaskHandle": "t"}, {"SourceArn": "arn:aws:sqs:ca-central-1:1:dlq"}
        )
        assert queue.redrive_dead_letters() is True
        stub.add_client_error(
            "start_message_move_task", service_error_code="UnsupportedOperation", http_status_code=400
        )
        assert queue.redrive_dead_letters() is False
        stub.add_client_error("send_message", service_error_code="ServiceUnavailable", http_status_code=503)
        with pytest.raises(QueueUnavailable):
            queue.enqueue(SID)


def test_adapters_refuse_to_build_their_own_clients() -> None:
    with pytest.raises(ValueError):
        DynamoDbStore(None, TABLE)
    with pytest.raises(ValueError):
        SesMailer(None, sender=SENDER)
    with pytest.raises(ValueError):
        SqsQueue(None, queue_url="x")


def _any_record(table: RoutingTable):  # type: ignore[no-untyped-def]
    from functions.route_request.intake import IntakeConfig, submit

    from .fakes import FakeStore

    store = FakeStore()
    submit(
        valid_fields(),
        table=table,
        store=store,
        queue=FakeQueue(),
        now_ms=int(NOW * 1000),
        config=IntakeConfig(),
    )
    return store.records[SID]


def _any_message(table: RoutingTable):  # type: ignore[no-untyped-def]
    record = _any_record(table)
    return compose(
        record, table, Sender(address=SENDER, name="Relais", site_origin="https://relais.example")
    )[0].message


def test_raw_data_is_base64_on_the_wire(table: RoutingTable) -> None:
    # boto3 base64-encodes blob members itself: we pass bytes, never pre-encoded text
    message = _any_message(table)
    assert isinstance(message.as_bytes(), bytes) and base64.b64encode(message.as_bytes())


def test_dynamodb_finds_the_requests_waiting_for_a_digest_or_an_operator(
    aws: dict[str, Any], table: RoutingTable
) -> None:
    from dataclasses import replace

    store = DynamoDbStore(aws["dynamodb"], TABLE)
    record = _any_record(table)
    store.create(replace(record, deliveries={"erac": "digest", "advisor": "sent", "requester": "sent"}))
    store.create(replace(record, submission_id="other", deliveries={"erac": "sent", "requester": "held"}))
    assert [r.submission_id for r in store.waiting("digest")] == [record.submission_id]
    assert [r.submission_id for r in store.waiting("held")] == ["other"]
    assert store.waiting("pending") == []


def test_actions_on_dynamodb_are_conditional_on_the_version(aws: dict[str, Any], aws_app: App) -> None:
    from functions.route_request.lifecycle import Take, transition
    from functions.route_request.store import Change

    assert handle(json_event(valid_fields()), aws_app)["statusCode"] == 202
    store = aws_app.store
    record = store.get(SID)
    assert record is not None and record.lifecycle == {}  # the form post wrote no lifecycle
    state = record.state()
    first = transition(state, Take(), record.routing.erac, int(NOW))
    second = transition(state, Take(), str(record.routing.advisor), int(NOW))
    notice = {"kind": "requester_taken", "to": "requester", "about": "x", "state": "pending", "at": int(NOW)}

    def change(decision: Any) -> Change:
        return Change(decision.state.as_dict(), record.routing, {"1-0-requester_taken": notice}, 0, int(NOW))

    # two takers decided on the same version: DynamoDB lets one through
    assert store.apply(SID, change(first)) is True
    assert store.apply(SID, change(second)) is False
    stored = store.get(SID)
    assert (
        stored is not None and stored.state().taken_by == record.routing.erac and stored.state().version == 1
    )
    assert stored.pending_notices() == ["1-0-requester_taken"]
    store.set_notice(SID, "1-0-requester_taken", "sent", int(NOW) + 1)
    stored = store.get(SID)
    assert stored is not None and stored.pending_notices() == []
    # a second action writes its notices beside the first ones
    later = Change(
        stored.state().as_dict() | {"version": 2}, record.routing, {"2-0-closed": notice}, 1, int(NOW) + 2
    )
    assert store.apply(SID, later) is True and store.apply(SID, later) is False
    stored = store.get(SID)
    assert stored is not None and set(stored.notices) == {"1-0-requester_taken", "2-0-closed"}
    summaries = store.summaries()
    assert [(s.submission_id, s.region) for s in summaries] == [(SID, "06")]
    assert summaries[0].lifecycle["taken_by"] == record.routing.erac


def test_the_link_secret_comes_from_secrets_manager(aws: dict[str, Any], aws_app: App) -> None:
    assert aws_app.link_secret() == b"moto-link-secret"
