"""The form's defences as a person meets them: the proof of work is solved in the page and
accepted by the function, and a 429 says when to retry while the form keeps what was typed."""

from __future__ import annotations

import json
import re
from typing import Any

from functions.route_request import proof_of_work

from .conftest import POW_MAX_NUMBER, Stack
from .helpers import FORM_PATH, THANKS_PATH, fill_request_form


def test_the_page_solves_the_proof_of_work_while_the_person_types(page: Any, stack: Stack) -> None:
    page.goto(stack.url + FORM_PATH["fr"])
    with page.expect_response(lambda r: r.url.endswith("/api/challenge")) as issued:
        page.locator("#business_name").focus()  # entering the form fetches the challenge
    assert issued.value.status == 200
    fill_request_form(page, email="preuve@atelier-exemple.ca", postal_code="J6E 2A1")
    with page.expect_request(lambda r: r.url.endswith("/api/requests")) as posted:
        page.get_by_role("button", name="Envoyer ma demande").click()
    sent = json.loads(posted.value.post_data or "{}")
    # THEN the request carries a proof the function accepts (its key is the stack's var/abuse.key)
    key = (stack.var / "abuse.key").read_text(encoding="ascii").strip().encode()
    result = proof_of_work.verify(sent.get("proof"), key, now=0, min_number=POW_MAX_NUMBER)
    assert isinstance(result, proof_of_work.Solved), result
    page.wait_for_url(re.compile(re.escape(THANKS_PATH["fr"]) + r"\?reference=REL-"))


def test_a_429_says_when_to_retry_and_keeps_the_answers(page: Any, stack: Stack) -> None:
    page.goto(stack.url + FORM_PATH["en"])
    message = (
        "Too many requests have been sent from your connection or with this email address. "
        "Try again in 7 minutes; your answers are kept in the form."
    )

    def limited(route: Any) -> None:  # the function's own 429 body (api.py), as a flood would meet it
        route.fulfill(
            status=429,
            headers={"content-type": "application/json", "retry-after": "400"},
            body=json.dumps({"status": "rate_limited", "retry_after": 400, "message": message}),
        )

    page.route(re.compile(r".*/api/requests$"), limited)
    fill_request_form(page, email="limited@atelier-exemple.ca", postal_code="J6E 2A1")
    page.get_by_role("button", name="Send my request").click()
    summary = page.locator("#relais-error-summary")
    summary.wait_for(state="visible")
    assert message in summary.inner_text()
    assert page.locator("#email").input_value() == "limited@atelier-exemple.ca"
    assert page.locator("#description").input_value()
    assert page.get_by_role("button", name="Send my request").is_enabled()
