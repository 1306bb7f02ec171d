"""On a phone: no page of any kind scrolls sideways at 320 or 360 px in either language,
and a request goes through.

With mobile emulation Chromium widens the layout viewport to the content, so
``window.innerWidth`` grows with an overflowing page and cannot reveal it; the page
overflows when ``document.documentElement.scrollWidth`` exceeds ``clientWidth`` (the
width the screen shows), which the page cannot change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Stack
from .helpers import FUNCTION_PAGE_KINDS, LANGS, PAGE_KINDS, PREFIX, fill_request_form

WIDTHS = [320, 360]


def phone(width: int) -> dict[str, Any]:
    return {
        "viewport": {"width": width, "height": 740},
        "is_mobile": True,
        "has_touch": True,
        "device_scale_factor": 2,
    }


def overflow(page: Any) -> dict[str, Any] | None:
    """None when the page fits the screen; else the widths and the widest offenders."""
    return page.evaluate(
        """() => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            const limit = root.clientWidth;
            const wide = [...document.body.querySelectorAll('*')]
                .filter(el => el.getBoundingClientRect().right > limit + 1)
                .filter(el => !el.closest('[hidden], .md-sidebar, .md-search, .relais-scroll'))
                .slice(-5)
                .map(el => el.tagName.toLowerCase()
                           + (el.className ? '.' + String(el.className).split(' ')[0] : '')
                           + ' right=' + Math.round(el.getBoundingClientRect().right));
            return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide};
        }"""
    )


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def phone_context(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(**phone(request.param), locale="fr-CA")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_page_scrolls_sideways(phone_context: Any, stack: Stack, kind: str, lang: str) -> None:
    page = phone_context.new_page()
    try:
        url = stack.url + PREFIX[lang] + PAGE_KINDS[kind]
        page.goto(url)
        page.wait_for_load_state("networkidle")  # what the scripts add must fit too
        assert overflow(page) is None, f"{url} scrolls sideways: {overflow(page)}"
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", FUNCTION_PAGE_KINDS)
def test_no_function_page_scrolls_sideways(
    phone_context: Any, function_pages: dict[tuple[str, str], str], kind: str, lang: str
) -> None:
    page = phone_context.new_page()
    try:
        url = function_pages[(kind, lang)]
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert overflow(page) is None, f"{url} scrolls sideways: {overflow(page)}"
    finally:
        page.close()


def test_the_overflow_check_sees_a_wide_page(phone_context: Any, stack: Stack) -> None:
    """The measure itself: a page made too wide is caught."""
    page = phone_context.new_page()
    try:
        page.goto(stack.url)
        assert overflow(page) is None
        wide = "<pre style='overflow: visible'>" + "x" * 200 + "</pre>"
        page.evaluate("html => document.querySelector('article').insertAdjacentHTML('beforeend', html)", wide)
        assert overflow(page) is not None
    finally:
        page.close()


def test_a_request_from_a_phone(browser: Any, stack: Stack) -> None:
    ctx = browser.new_context(**phone(360), locale="fr-CA")
    try:
        ctx.set_default_timeout(10_000)
        page = ctx.new_page()
        page.goto(f"{stack.url}regions/lanaudiere/")
        assert page.get_by_role("link", name="direction@lanaudiere-economique.org").is_visible()
        page.locator("article").get_by_role("link", name="Demander de l\u2019aide").first.tap()
        page.wait_for_url(re.compile(r"/demande/"))
        fill_request_form(page, email="phone@atelier-exemple.ca")
        page.get_by_role("button", name="Envoyer ma demande").tap()
        page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
        reference = page.locator("#relais-reference [data-reference]").inner_text()
        assert stack.emails_about(reference)
    finally:
        ctx.close()
