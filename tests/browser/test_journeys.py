"""A person's journeys through the site and the request form, in a real browser."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import Stack
from .helpers import (
    FORM_PATH,
    THANKS_PATH,
    fill_request_form,
    recipients,
    routing_table,
    save_screenshot,
    submit_and_confirm,
)

LANAUDIERE = "14"
ERAC_EMAIL = "direction@lanaudiere-economique.org"


def lanaudiere_advisor_emails() -> set[str]:
    return {a["email"] for a in routing_table()["advisors"].values() if a["region"] == LANAUDIERE}


def test_find_lanaudiere_from_the_french_home_page(page: Any, stack: Stack, screenshots_dir: Any) -> None:
    page.goto(stack.url)
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Lanaudière", exact=True).first.click()
    page.wait_for_url(f"{stack.url}regions/lanaudiere/")
    assert page.get_by_role("heading", level=1).inner_text() == "Lanaudière"
    erac = page.get_by_role("heading", name="ERAC de la région")
    assert erac.is_visible()
    assert page.get_by_role("heading", name=re.compile(r"^Lanaudière Économique")).is_visible()
    assert page.get_by_role("link", name=ERAC_EMAIL).is_visible()
    advisors = page.get_by_role("table").filter(has_text="Conseiller")
    rows = advisors.locator("tbody tr")
    assert rows.count() == len(lanaudiere_advisor_emails())
    for email in lanaudiere_advisor_emails():
        assert page.get_by_role("link", name=email).is_visible()
    save_screenshot(page, screenshots_dir / "region.png")


def test_switch_language_on_the_region_page_and_back(page: Any, stack: Stack) -> None:
    page.goto(f"{stack.url}regions/lanaudiere/")
    page.get_by_role("button", name="Sélectionner la langue").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(f"{stack.url}en/regions/lanaudiere/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Lanaudière"
    assert page.get_by_role("heading", name="The region\u2019s ERAC").is_visible()
    assert page.get_by_role("heading", name="Innovation advisors").count() == 1
    page.get_by_role("button", name="Select language").hover()
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(f"{stack.url}regions/lanaudiere/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="ERAC de la région").is_visible()


def assert_routed_to_lanaudiere(stack: Stack, reference: str, requester: str, lang: str) -> None:
    messages = stack.emails_about(reference)
    to = recipients(messages)
    assert ERAC_EMAIL in to, f"no email to Lanaudière's ERAC among {sorted(to)}"
    assert to & lanaudiere_advisor_emails(), f"no email to a Lanaudière advisor among {sorted(to)}"
    confirmation = [m for m in messages if requester in str(m["To"])]
    assert len(confirmation) == 1, f"expected one confirmation to {requester}, got {len(confirmation)}"
    subject = str(confirmation[0]["Subject"])
    expected = "nous avons reçu votre demande" if lang == "fr" else "we received your request"
    assert expected in subject, f"confirmation not in {lang}: {subject!r}"
    [record] = [r for r in stack.records() if r.get("reference") == reference]
    assert record["routing"]["region_code"] == LANAUDIERE  # type: ignore[index]
    assert record["lang"] == lang


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_request_with_javascript_reaches_lanaudiere(page: Any, stack: Stack, lang: str) -> None:
    requester = f"js-{lang}@atelier-exemple.ca"
    reference = submit_and_confirm(page, stack, lang, email=requester, postal_code="J6E 2A1")
    assert page.locator("html").get_attribute("lang") == lang
    assert_routed_to_lanaudiere(stack, reference, requester, lang)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_request_without_javascript_is_a_plain_form_post(nojs_page: Any, stack: Stack, lang: str) -> None:
    page = nojs_page
    requester = f"nojs-{lang}@atelier-exemple.ca"
    page.goto(stack.url + FORM_PATH[lang])
    fill_request_form(page, email=requester, postal_code="J6E 2A1")
    with page.expect_response(lambda r: r.url.endswith("/api/requests")) as posted:
        page.get_by_role("button", name="Envoyer ma demande" if lang == "fr" else "Send my request").click()
    response = posted.value
    assert response.request.method == "POST"
    assert response.request.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert response.status == 303
    page.wait_for_url(re.compile(re.escape(THANKS_PATH[lang]) + r"\?reference=REL-"))
    assert page.locator("html").get_attribute("lang") == lang
    reference = re.search(r"reference=(REL-[A-Za-z0-9-]+)", page.url).group(1)  # type: ignore[union-attr]
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("Merci" if lang == "fr" else "Thank you")
    assert_routed_to_lanaudiere(stack, reference, requester, lang)
