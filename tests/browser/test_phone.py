"""On a phone: the region's people and the form fit the screen, and a request goes through."""

from __future__ import annotations

import re
from typing import Any

from .conftest import Stack
from .helpers import fill_request_form

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


def overflows_horizontally(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"))


def test_on_a_phone(browser: Any, stack: Stack) -> None:
    ctx = browser.new_context(**PHONE, locale="fr-CA")
    try:
        ctx.set_default_timeout(10_000)
        page = ctx.new_page()
        page.goto(f"{stack.url}regions/lanaudiere/")
        assert not overflows_horizontally(page), "the region page scrolls sideways on a phone"
        assert page.get_by_role("link", name="direction@lanaudiere-economique.org").is_visible()
        page.locator("article").get_by_role("link", name="Demander de l\u2019aide").first.tap()
        page.wait_for_url(re.compile(r"/demande/$"))
        assert not overflows_horizontally(page), "the form scrolls sideways on a phone"
        fill_request_form(page, email="phone@atelier-exemple.ca")
        page.get_by_role("button", name="Envoyer ma demande").tap()
        page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
        reference = page.locator("#relais-reference [data-reference]").inner_text()
        assert stack.emails_about(reference)
    finally:
        ctx.close()
