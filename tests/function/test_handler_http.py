"""The HTTP path end to end with in-memory fakes: JSON and form posts, every answer."""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest

from functions.route_request.app import App
from functions.route_request.errors import QueueUnavailable, StoreFailure, StoreUnavailable
from functions.route_request.handler import handle

from .conftest import valid_fields
from .fakes import FakeQueue, FakeStore
from .helpers import body, form_event, json_event, sample


def test_json_post_is_recorded_queued_and_accepted(app: App) -> None:
    # GIVEN a valid request  WHEN it is posted as JSON
    response = handle(json_event(valid_fields()), app)
    # THEN 202 with the reference, the record is written and queued, nothing sent yet
    assert response["statusCode"] == 202
    answer = body(response)
    assert answer["status"] == "accepted" and answer["region"] == "06"
    assert answer["reference"].startswith("REL-2026-") and len(answer["reference"]) == 15
    store = app.store
    assert isinstance(store, FakeStore) and isinstance(app.queue, FakeQueue)
    record = store.records["00000000-0000-0000-0000-00000000002a"]
    assert record.reference == answer["reference"] and record.queued
    assert record.deliveries == {"erac": "pending", "advisor": "pending", "requester": "pending"}
    assert record.expires_at - record.created_at == 730 * 86400
    assert record.consent_version == "2026-01"
    assert app.queue.messages == [record.submission_id]


def test_base64_json_body(app: App) -> None:
    assert handle(json_event(valid_fields(), b64=True), app)["statusCode"] == 202


def test_sample_events_are_accepted(app: App) -> None:
    assert handle(sample("api_json_post.json"), app)["statusCode"] == 202
    response = handle(sample("api_form_post.json"), app)
    assert response["statusCode"] == 303
    assert response["headers"]["location"].startswith("https://relais.example/merci/?reference=REL-")


def test_form_post_redirects_to_thanks_in_the_right_language(app: App) -> None:
    fr = handle(form_event(valid_fields(submission_id=None)), app)
    en = handle(form_event(valid_fields(submission_id=None, lang="en", business_name="Other")), app)
    assert fr["statusCode"] == en["statusCode"] == 303
    assert urlsplit(fr["headers"]["location"]).path == "/merci/"
    location = urlsplit(en["headers"]["location"])
    assert location.netloc == "relais.example" and location.path == "/en/merci/"
    assert parse_qs(location.query)["reference"][0].startswith("REL-")


def test_form_post_without_id_is_idempotent(app: App) -> None:
    fields = valid_fields(submission_id=None, started_at=None)
    first = handle(form_event(fields), app)
    again = handle(form_event(fields), app)
    assert first["headers"]["location"] == again["headers"]["location"]
    assert isinstance(app.store, FakeStore) and len(app.store.records) == 1


def test_form_errors_redirect_with_field_names_only(app: App) -> None:
    response = handle(form_event(valid_fields(email="camille-at-example", lang="en")), app)
    location = urlsplit(response["headers"]["location"])
    assert response["statusCode"] == 303 and location.path == "/en/erreur/"
    assert parse_qs(location.query) == {"status": ["invalid"], "fields": ["email"]}
    assert location.fragment == "invalid"  # the error page shows only that cause
    assert "camille" not in response["headers"]["location"]


def test_field_errors_are_422(app: App) -> None:
    response = handle(json_event(valid_fields(email="nope", postal_code="")), app)
    assert response["statusCode"] == 422
    assert set(body(response)["errors"]) == {"email", "postal_code"}


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"text"', ""])
def test_malformed_json_is_400(app: App, raw: str) -> None:
    response = handle(json_event(raw), app)
    assert response["statusCode"] == 400
    assert body(response)["status"] == "invalid" and "body" in body(response)["errors"]


def test_a_number_too_long_for_python_is_400_not_500(app: App) -> None:
    # json.loads refuses integers over 4,300 digits with a plain ValueError (not a
    # JSONDecodeError); the 16 KB body cap leaves room for one.
    raw = json.dumps(valid_fields()).replace('"website": ""', '"website": "", "started_at": ' + "9" * 5000)
    response = handle(json_event(raw), app)
    assert response["statusCode"] == 400 and "body" in body(response)["errors"]


def test_a_lone_surrogate_escaped_in_json_is_a_field_error_not_a_500(app: App) -> None:
    raw = json.dumps(valid_fields(business_name="Boulangerie \ud83d"))  # half an emoji
    response = handle(json_event(raw), app)
    assert response["statusCode"] == 422 and list(body(response)["errors"]) == ["business_name"]
    assert isinstance(app.store, FakeStore) and app.store.records == {}


def test_bad_base64_is_400(app: App) -> None:
    event = json_event(valid_fields())
    event["isBase64Encoded"] = True
    event["body"] = "@@@not base64@@@"
    assert handle(event, app)["statusCode"] == 400


def test_invalid_utf8_is_400(app: App) -> None:
    event = json_event(valid_fields(), b64=True)
    import base64

    event["body"] = base64.b64encode(b'{"a": "\xff"}').decode()
    assert handle(event, app)["statusCode"] == 400


def test_huge_body_is_413(app: App) -> None:
    response = handle(json_event(valid_fields(description="x" * 20_000)), app)
    assert response["statusCode"] == 413
    form = handle(form_event(valid_fields(description="x" * 20_000)), app)
    assert form["statusCode"] == 303 and "status=too_large" in form["headers"]["location"]


def test_no_content_type_is_415_and_records_nothing(app: App) -> None:
    event = json_event(valid_fields())
    del event["headers"]["content-type"]
    response = handle(event, app)
    assert response["statusCode"] == 415 and body(response)["status"] == "invalid"
    assert app.store.get(str(valid_fields()["submission_id"])) is None
    assert app.mailer.sent == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "multipart/form-data; boundary=x", "application/xml", ""]
)
def test_unexpected_content_types_are_415(app: App, content_type: str) -> None:
    event = json_event(valid_fields())
    event["headers"]["content-type"] = content_type
    assert handle(event, app)["statusCode"] == 415


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(app: App, method: str) -> None:
    event = json_event(valid_fields())
    event["requestContext"]["http"]["method"] = method
    response = handle(event, app)
    assert response["statusCode"] == 405 and response["headers"]["allow"] == "POST"
    assert app.store.get(str(valid_fields()["submission_id"])) is None


def test_unknown_fields_are_ignored_never_recorded_nor_mailed(app: App) -> None:
    """The decision on extra fields: ignore them. The site and the function deploy apart, so a
    form that gains a field first must not lose requests; what is not read is never stored."""
    fields = valid_fields(role="admin", status="delivered", deliveries={"erac": "sent"}, note="XYZZY-extra")
    response = handle(json_event(fields), app)
    assert response["statusCode"] == 202
    record = app.store.get(str(fields["submission_id"]))
    assert record is not None and record.status != "delivered"
    assert "XYZZY" not in json.dumps(record.to_item())
    assert not {"role", "note", "status", "deliveries"} & set(record.request)
    for _recipient, message in app.mailer.sent:  # type: ignore[attr-defined]
        assert "XYZZY" not in message.as_string()


def test_honeypot_pretends_success_records_nothing(app: App) -> None:
    response = handle(json_event(valid_fields(website="https://spam.example")), app)
    assert response["statusCode"] == 202 and body(response)["reference"].startswith("REL-")
    assert isinstance(app.store, FakeStore) and app.store.records == {} and app.store.calls == []
    assert isinstance(app.queue, FakeQueue) and app.queue.messages == []
    form = handle(form_event(valid_fields(website="x")), app)
    assert form["statusCode"] == 303 and "/merci/" in form["headers"]["location"]


def test_a_bot_cannot_tell_it_was_caught(make_app: Callable[..., App]) -> None:
    # GIVEN the same form sent by a person and, to another deployment, by a bot
    person, bot = make_app(), make_app()
    caught = valid_fields(website="https://spam.example")
    # THEN the answers are identical, field for field (the region included) ...
    assert handle(json_event(caught), bot) == handle(json_event(valid_fields()), person)
    # ... including for a form without an id, and for bad input
    no_id = {"submission_id": None, "started_at": None}
    assert handle(form_event(valid_fields(**no_id, website="x")), bot) == handle(
        form_event(valid_fields(**no_id)), person
    )
    assert handle(json_event(valid_fields(website="x", email="nope")), bot) == handle(
        json_event(valid_fields(email="nope")), person
    )
    # and the bot's requests were neither recorded nor queued
    assert isinstance(bot.store, FakeStore) and bot.store.records == {}
    assert isinstance(bot.queue, FakeQueue) and bot.queue.messages == []


def test_too_fast_is_treated_as_a_bot(app: App) -> None:
    now_ms = int(app.clock() * 1000)
    response = handle(json_event(valid_fields(started_at=now_ms - 500)), app)
    assert response["statusCode"] == 202
    assert isinstance(app.store, FakeStore) and app.store.records == {}


def test_unknown_language(app: App) -> None:
    response = handle(json_event(valid_fields(lang="es")), app)
    assert response["statusCode"] == 422
    assert body(response)["errors"] == {"lang": "Langue non prise en charge : fr ou en."}


def test_outside_quebec(app: App) -> None:
    response = handle(json_event(valid_fields(postal_code="M5V 3L9", lang="en")), app)
    assert response["statusCode"] == 422
    answer = body(response)
    assert answer["status"] == "outside_quebec" and "Ontario" in answer["message"]
    form = handle(form_event(valid_fields(postal_code="M5V 3L9")), app)
    assert form["headers"]["location"].endswith("/erreur/?status=outside_quebec#outside_quebec")


def test_unknown_quebec_area_is_a_postal_code_error(app: App) -> None:
    response = handle(json_event(valid_fields(postal_code="G0A 1A0")), app)
    assert response["statusCode"] == 422 and list(body(response)["errors"]) == ["postal_code"]


def test_split_fsa_without_choice_offers_candidates(app: App) -> None:
    response = handle(json_event(valid_fields(postal_code="J0K 1A0")), app)
    assert response["statusCode"] == 422
    answer = body(response)
    assert answer["status"] == "choose_region"
    assert [c["code"] for c in answer["candidates"]] == ["14", "15"]
    assert isinstance(app.store, FakeStore) and app.store.records == {}
    form = handle(form_event(valid_fields(postal_code="J0K 1A0")), app)
    assert (
        "status=choose_region" in form["headers"]["location"]
        and "regions=14%2C15" in form["headers"]["location"]
    )


def test_split_fsa_with_choice_routes_there(app: App) -> None:
    response = handle(json_event(valid_fields(postal_code="J0K 1A0", region_choice="15")), app)
    assert response["statusCode"] == 202 and body(response)["region"] == "15"


def test_split_fsa_with_a_choice_not_offered(app: App) -> None:
    response = handle(json_event(valid_fields(postal_code="J0K 1A0", region_choice="06")), app)
    assert response["statusCode"] == 422 and list(body(response)["errors"]) == ["region_choice"]


def test_same_id_same_body_is_an_idempotent_replay(app: App) -> None:
    first = body(handle(json_event(valid_fields()), app))
    again = handle(json_event(valid_fields(started_at=int(app.clock() * 1000) - 90_000)), app)
    assert again["statusCode"] == 202 and body(again)["reference"] == first["reference"]
    assert isinstance(app.queue, FakeQueue) and len(app.queue.messages) == 1


def test_a_double_click_queues_the_request_once(make_app: Callable[..., App]) -> None:
    # GIVEN the second click arrives while the first is between its record and its queueing
    class SlowQueue(FakeQueue):
        def enqueue(self, submission_id: str) -> None:
            if not clicked:
                clicked.append(True)
                second.append(handle(json_event(valid_fields()), app))
            super().enqueue(submission_id)

    clicked: list[bool] = []
    second: list[dict[str, object]] = []
    queue = SlowQueue()
    app = make_app(queue=queue)
    first = handle(json_event(valid_fields()), app)
    # THEN both get the same reference, and one message is queued (one delivery, not two)
    assert first["statusCode"] == second[0]["statusCode"] == 202
    assert body(first)["reference"] == body(second[0])["reference"]  # type: ignore[arg-type]
    assert queue.messages == ["00000000-0000-0000-0000-00000000002a"]


def test_same_id_different_body_is_409(app: App) -> None:
    handle(json_event(valid_fields()), app)
    response = handle(json_event(valid_fields(description="Autre chose")), app)
    assert response["statusCode"] == 409 and body(response) == {"status": "conflict"}


@pytest.mark.parametrize(
    "error", [StoreUnavailable("ThrottlingException"), StoreFailure("AccessDeniedException")]
)
def test_store_down_is_503_and_nothing_queued(make_app: Callable[..., App], error: Exception) -> None:
    queue = FakeQueue()
    app = make_app(store=FakeStore(fail_with=error), queue=queue)  # type: ignore[arg-type]
    response = handle(json_event(valid_fields()), app)
    assert response["statusCode"] == 503 and body(response) == {"status": "unavailable"}
    assert queue.messages == []
    form = handle(form_event(valid_fields()), app)
    assert form["headers"]["location"].endswith("/erreur/?status=unavailable#unavailable")


def test_queue_down_still_accepts_and_leaves_it_to_the_sweep(make_app: Callable[..., App]) -> None:
    store = FakeStore()
    app = make_app(store=store, queue=FakeQueue(fail_with=QueueUnavailable("ServiceUnavailable")))
    response = handle(json_event(valid_fields()), app)
    assert response["statusCode"] == 202
    (record,) = store.records.values()
    assert record.queued is False


def test_a_bug_is_a_500_without_details(make_app: Callable[..., App]) -> None:
    class Broken(FakeStore):
        def create(self, record):  # type: ignore[no-untyped-def]
            raise KeyError("camille@example.org")

    app = make_app(store=Broken())
    response = handle(json_event(valid_fields()), app)
    assert response["statusCode"] == 500 and json.loads(response["body"]) == {"status": "error"}


def test_non_string_values_never_500(app: App) -> None:
    fields = {k: [1] for k in valid_fields() if k != "website"}  # a filled honeypot is a bot: 202
    assert handle(json_event(fields), app)["statusCode"] == 422
    fields2 = {k: None for k in valid_fields() if k != "website"}
    assert handle(json_event(fields2), app)["statusCode"] == 422


def test_unknown_event_is_ignored(app: App) -> None:
    assert handle({"hello": "world"}, app) == {"status": "ignored"}
