"""The life of a request in a real browser: the ERAC clicks "Je prends la demande" in the
.eml the local stack wrote, confirms, and the requester's note and status page follow."""

from __future__ import annotations

from typing import Any

from .conftest import Stack
from .helpers import describe_violations, link_in, run_axe, submit_and_confirm, text_of
from .test_journeys import ERAC_EMAIL


def axe_violations(browser: Any, url: str) -> list[dict[str, Any]]:
    """axe-core on ``url`` in a context that may inject it: the page's own CSP forbids any
    script (opening the page again is harmless: GET never changes anything)."""
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(url)
        return run_axe(page)
    finally:
        context.close()


def test_the_erac_takes_charge_from_the_email_and_the_requester_sees_it(
    page: Any, browser: Any, stack: Stack
) -> None:
    requester = "vie-demande@atelier-exemple.ca"
    reference = submit_and_confirm(page, stack, "fr", email=requester, postal_code="J6E 2A1")
    [to_erac] = [m for m in stack.emails_about(reference) if ERAC_EMAIL in str(m["To"])]
    [confirmation] = [m for m in stack.emails_about(reference) if requester in str(m["To"])]
    take = link_in(text_of(to_erac), "Je prends la demande")
    status = link_in(text_of(confirmation), "Où en est votre demande")
    assert take.startswith(stack.url + "api/a/") and status.startswith(stack.url + "api/s/")  # one origin

    # the status page before anything happened
    page.goto(status)
    assert page.locator('[aria-current="step"]').inner_text() == "✓ Reçue"

    # GIVEN the ERAC opens the link: a confirmation page, nothing changed yet
    emails_before = stack.outbox_count()
    page.goto(take)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Prendre la demande en charge")
    assert [r.get("lifecycle") for r in stack.records() if r["reference"] == reference] == [None]
    violations = axe_violations(browser, take)
    assert not violations, describe_violations(take, violations)
    # WHEN they confirm
    page.get_by_role("button", name="Je prends la demande").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("C'est fait")
    # THEN the requester's note arrives, in French, without what they typed
    notes = [m for m in stack.emails_about(reference) if requester in str(m["To"])]
    assert len(notes) == 2 and stack.outbox_count() > emails_before
    note = text_of(notes[-1])
    assert "Lanaudière Économique a pris votre demande en charge" in note
    assert "Atelier" not in note
    # AND the status page shows who took it
    page.goto(link_in(note, "Où en est votre demande"))
    assert (
        page.locator('[aria-current="step"]').inner_text() == "✓ Prise en charge par Lanaudière Économique."
    )
    page.goto(status)  # the first link too
    assert "Prise en charge par Lanaudière Économique." in page.locator("ol").inner_text()
