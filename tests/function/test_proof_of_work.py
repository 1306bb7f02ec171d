"""The form's proof of work: a challenge signed by the function, solved by the page, verified
once. Each way a proof can be wrong is refused with its own reason; a refused proof leaves
the request under the stricter no-proof limits (test_limits.py)."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest

from functions.route_request import proof_of_work as pow_
from functions.route_request.abuse import AbuseConfig, Source, check_source
from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.limits import Allowed, Limited, LimitPolicy
from functions.route_request.postal import normalise_postal_code
from functions.route_request.validation import Request

from .conftest import NOW
from .fakes import FakeCounters
from .helpers import body, sample

KEY = b"the function's key"
T = int(NOW)


def solved(*, key: bytes = KEY, now: int = T, max_number: int = 200, expires_in: int = 600) -> str:
    issued = pow_.issue(key, now=now, max_number=max_number, expires_in=expires_in)
    return pow_.encode(pow_.solve(issued))


def test_a_solved_challenge_is_valid() -> None:
    result = pow_.verify(solved(), KEY, now=T + 10, min_number=200)
    assert isinstance(result, pow_.Solved) and result.expires == T + 600


def test_an_expired_challenge_is_refused() -> None:
    assert pow_.verify(solved(), KEY, now=T + 600, min_number=200) == pow_.Rejected("expired")


def test_a_challenge_signed_with_another_key_is_refused() -> None:
    assert pow_.verify(solved(key=b"someone else"), KEY, now=T, min_number=200) == pow_.Rejected(
        "wrong_signature"
    )


def test_a_challenge_easier_than_the_setting_is_refused() -> None:
    # signed by us, but with a difficulty lower than the one now required
    assert pow_.verify(solved(max_number=10), KEY, now=T, min_number=200) == pow_.Rejected("too_easy")


def _tampered(**changes: object) -> str:
    data = json.loads(base64.b64decode(solved()))
    data.update(changes)
    return base64.b64encode(json.dumps(data).encode()).decode()


def test_a_wrong_answer_or_a_rewritten_salt_is_refused() -> None:
    data = json.loads(base64.b64decode(solved()))
    wrong = (data["number"] + 1) % 201
    assert pow_.verify(_tampered(number=wrong), KEY, now=T, min_number=200) == pow_.Rejected("wrong_answer")
    # a later expiry written into the salt no longer matches the signed challenge
    later = data["salt"].replace(f"expires={T + 600}", f"expires={T + 99999}")
    assert pow_.verify(_tampered(salt=later), KEY, now=T + 700, min_number=200) == pow_.Rejected(
        "wrong_answer"
    )


@pytest.mark.parametrize("proof", ["", "!!!", base64.b64encode(b"[1]").decode(), "x" * 5000, 42])
def test_malformed_proofs_are_refused(proof: object) -> None:
    assert pow_.verify(proof, KEY, now=T, min_number=200) == pow_.Rejected("malformed")


def _request() -> Request:
    postal = normalise_postal_code("H2X 1Y4")
    assert postal is not None
    return Request("B", "C", "c@example.org", "", postal, "D", "fr", "v1")


def test_a_solution_is_good_for_one_request_only() -> None:
    counters = FakeCounters()
    config = AbuseConfig(
        secret=KEY, policy=LimitPolicy(client_per_minute=5, nopow_per_minute=1), pow_min_number=200
    )
    proof = solved()
    source = Source(client="192.0.2.1", proof=proof)
    # the first use counts under the client limits (5 a minute) …
    assert check_source(_request(), source, counters=counters, config=config, now=T) == Allowed()
    assert check_source(_request(), source, counters=counters, config=config, now=T) == Allowed()
    # … the replayed one under the no-proof limits: its first use there is allowed, the next is not
    assert isinstance(check_source(_request(), source, counters=counters, config=config, now=T), Limited)
    assert any(key == f"pow#{json.loads(base64.b64decode(proof))['challenge']}" for key in counters.claimed)


def test_the_challenge_endpoint_issues_a_solvable_signed_challenge(make_app: Callable[..., App]) -> None:
    app = make_app(counters=FakeCounters())
    app.settings = app.settings.with_overrides(pow_max_number=300, pow_expires_minutes=5)
    event = sample("api_json_post.json")
    event["requestContext"]["http"].update(method="GET", path="/challenge")
    event["body"] = ""
    response = handle(event, app)
    assert response["statusCode"] == 200 and response["headers"]["cache-control"] == "no-store"
    challenge = body(response)
    assert challenge["algorithm"] == "SHA-256" and challenge["maxnumber"] == 300
    proof = pow_.encode(pow_.solve(challenge))
    result = pow_.verify(proof, app.secret, now=int(NOW), min_number=300)
    assert isinstance(result, pow_.Solved) and result.expires == int(NOW) + 300
    # POST on the challenge path is not a way in
    event["requestContext"]["http"]["method"] = "POST"
    assert handle(event, app)["statusCode"] == 405
