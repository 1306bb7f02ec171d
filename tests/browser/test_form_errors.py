"""Bad input in the browser: a clear message next to the field, in the page's language,
announced to screen readers, focus on the error summary, and nothing sent."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Stack
from .helpers import FORM_PATH, fill_request_form

SUBMIT = {"fr": "Envoyer ma demande", "en": "Send my request"}

CASES = {
    "ontario": (
        {"postal_code": "K1A 0B1"},
        "postal_code",
        {"fr": "Relais s'adresse aux entreprises du Québec", "en": "Relais covers businesses in Québec"},
    ),
    "missing_business_name": (
        {"business_name": ""},
        "business_name",
        {"fr": "Indiquez le nom de l'entreprise.", "en": "Enter the business name."},
    ),
    "invalid_email": (
        {"email": "camille.atelier-exemple.ca"},
        "email",
        {"fr": "Indiquez un courriel valide", "en": "Enter a valid email address"},
    ),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_explained_next_to_the_field(page: Any, stack: Stack, case: str, lang: str) -> None:
    values, field, expected = CASES[case]
    outbox_before, records_before = stack.outbox_count(), len(stack.records())
    page.goto(stack.url + FORM_PATH[lang])
    fill_request_form(page, **values)
    with page.expect_response(lambda r: r.url.endswith("/api/requests")) as answer:
        page.get_by_role("button", name=SUBMIT[lang]).click()
    assert answer.value.status == 422

    # The message sits next to the field, and the field points at it.
    slot = page.locator(f"#{field}-error")
    slot.wait_for(state="visible")
    assert expected[lang] in slot.inner_text()
    control = page.locator(f"#{field}")
    assert control.get_attribute("aria-invalid") == "true"
    assert f"{field}-error" in (control.get_attribute("aria-describedby") or "").split()
    # The summary is announced (role=alert), lists the message and takes the focus.
    summary = page.locator("#relais-error-summary")
    assert summary.is_visible()
    assert summary.get_attribute("role") == "alert"
    assert expected[lang] in summary.inner_text()
    assert page.evaluate("document.activeElement && document.activeElement.id") == "relais-error-summary"
    # Its link leads to the field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement && document.activeElement.id") == field

    assert page.url.split("#")[0].endswith(FORM_PATH[lang])  # still on the form, answers kept
    assert page.locator("#description").input_value()
    assert stack.outbox_count() == outbox_before, "an email was sent for a refused request"
    assert len(stack.records()) == records_before, "a refused request was recorded"


def test_without_javascript_a_refused_request_lands_on_the_error_page(nojs_page: Any, stack: Stack) -> None:
    page = nojs_page
    outbox_before, records_before = stack.outbox_count(), len(stack.records())
    page.goto(stack.url + FORM_PATH["en"])
    fill_request_form(page, postal_code="K1A 0B1")
    page.get_by_role("button", name=SUBMIT["en"]).click()
    page.wait_for_url("**/en/erreur/?status=outside_quebec#outside_quebec")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Postal code outside Québec").is_visible()
    # Only the cause that happened is shown.
    assert page.get_by_role("heading", name="A field needs correcting").is_hidden()
    assert page.locator(".relais-cause:visible").count() == 1
    assert stack.outbox_count() == outbox_before
    assert len(stack.records()) == records_before


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_the_error_page_shows_only_the_cause_that_happened(
    browser: Any, stack: Stack, javascript: bool
) -> None:
    ctx = browser.new_context(java_script_enabled=javascript)
    try:
        page = ctx.new_page()
        page.goto(stack.url + "erreur/?status=invalid&fields=email#invalid")
        visible = page.locator(".relais-cause:visible")
        assert visible.count() == 1
        assert visible.get_attribute("id") == "invalid"
        # Reached with no cause named, the page lists them all.
        page.goto(stack.url + "erreur/")
        assert page.locator(".relais-cause:visible").count() == page.locator(".relais-cause").count() > 1
    finally:
        ctx.close()
