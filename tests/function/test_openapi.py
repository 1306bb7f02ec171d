"""docs/openapi.yaml describes the API the handler really serves: the same routes as
template.yaml and the dev server, the fields the validator reads with its limits, and every
answer the handler gives (status, headers, body schema)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from devserver.server import API_PATH, API_ROUTES
from functions.route_request.app import App
from functions.route_request.errors import StoreUnavailable
from functions.route_request.handler import handle
from functions.route_request.validation import MAX_LENGTH, MESSAGES

from .conftest import valid_fields
from .fakes import FakeStore
from .helpers import form_event, json_event
from .test_docs_and_template import _CfnLoader

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def schema_of(ref_or_schema: dict[str, Any]) -> Draft202012Validator:
    """A validator for a schema of the spec ($refs resolved within the document)."""
    return Draft202012Validator({**SPEC, **ref_or_schema})


def response_spec(path: str, method: str, status: int) -> dict[str, Any]:
    responses = SPEC["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} answers {status}, undocumented"
    found = responses[str(status)]
    if "$ref" in found:
        found = SPEC["components"]["responses"][found["$ref"].rsplit("/", 1)[-1]]
    return dict(found)


def check(response: dict[str, Any], path: str = "/requests", method: str = "post") -> None:
    spec = response_spec(path, method, response["statusCode"])
    headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
    for name, header in spec.get("headers", {}).items():
        if header.get("required"):
            assert name.lower() in headers, f"{response['statusCode']} lacks the {name} header"
    if "content" in spec:
        media = headers["content-type"].split(";")[0]
        assert media in spec["content"], f"{response['statusCode']} as {media}, undocumented"
        if media == "application/json":
            schema_of(spec["content"][media]["schema"]).validate(json.loads(response["body"]))


def test_the_routes_are_the_templates_and_the_dev_servers() -> None:
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=_CfnLoader)
    events = template["Resources"]["RouteRequestFunction"]["Properties"]["Events"]
    routes = {e["Properties"]["Path"] for e in events.values() if e["Type"] == "HttpApi"}
    assert routes == set(SPEC["paths"])
    assert SPEC["servers"][0]["url"] + "/requests" == "http://127.0.0.1:8000" + API_PATH
    assert {"/api" + path for path in SPEC["paths"]} == set(API_ROUTES)


def test_the_request_schema_is_what_the_validator_reads(app: App) -> None:
    properties = SPEC["components"]["schemas"]["Submission"]["properties"]
    read = set(MESSAGES) - {"body"} | {"started_at", "website", "proof"}
    assert set(properties) == read
    for field, limit in MAX_LENGTH.items():
        assert properties[field]["maxLength"] == limit, field
    required = set(SPEC["components"]["schemas"]["Submission"]["required"])
    result = handle(json_event({"lang": "fr"}), app)
    assert required == set(json.loads(result["body"])["errors"]) - {"submission_id"}


CASES: dict[str, Callable[[], dict[str, Any]]] = {
    "accepted": lambda: json_event(valid_fields()),
    "invalid field": lambda: json_event(valid_fields(email="nope")),
    "choose region": lambda: json_event(valid_fields(postal_code="J0K 1A0")),
    "outside Québec": lambda: json_event(valid_fields(postal_code="M5V 3L9")),
    "unreadable": lambda: json_event("{oops"),
    "too large": lambda: json_event(valid_fields(description="x" * 20_000)),
    "form": lambda: form_event(valid_fields()),
    "form error": lambda: form_event(valid_fields(email="nope")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_answer_is_documented(app: App, case: str) -> None:
    check(handle(CASES[case](), app))


def test_conflict_no_content_type_and_methods_are_documented(app: App) -> None:
    check(handle(json_event(valid_fields()), app))
    check(handle(json_event(valid_fields(description="autre chose")), app))  # 409
    event = json_event(valid_fields())
    del event["headers"]["content-type"]
    check(handle(event, app))  # 415
    for method in ("get", "put", "delete", "patch"):
        event = json_event(valid_fields())
        event["requestContext"]["http"]["method"] = method.upper()
        check(handle(event, app), method=method)
    undocumented = {m for m in METHODS if m not in SPEC["paths"]["/requests"]} - {"options", "head"}
    assert undocumented == set()


def test_the_challenge_route_is_documented(app: App) -> None:
    event = json_event(valid_fields())
    event["requestContext"]["http"].update({"method": "GET", "path": "/challenge"})
    event["rawPath"] = "/challenge"
    check(handle(event, app), "/challenge", "get")
    for method in ("post", "put", "delete", "patch"):
        event["requestContext"]["http"]["method"] = method.upper()
        check(handle(event, app), "/challenge", method)


def test_store_down_and_a_bug_are_documented(make_app: Callable[..., App]) -> None:
    down = make_app(store=FakeStore(fail_with=StoreUnavailable("InternalServerError")))
    check(handle(json_event(valid_fields()), down))  # 503
    broken = make_app()
    broken.table = None  # type: ignore[assignment]
    event = json_event(valid_fields())
    event["body"] = base64.b64encode(event["body"].encode()).decode()
    event["isBase64Encoded"] = True
    response = handle(event, broken)
    assert response["statusCode"] == 500
    check(response)
