"""Nothing leaves the site: no page of any kind, in either language, asks another origin
for anything (fonts, scripts, styles, images, analytics). The privacy page says so."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from .conftest import Stack
from .helpers import LANGS, PAGE_KINDS, PREFIX


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def requests_elsewhere(browser: Any, stack: Stack, url: str) -> list[str]:
    """Every request the page makes to an origin other than the stack's (blocked, listed)."""
    home = origin(stack.url)
    elsewhere: list[str] = []
    ctx = browser.new_context()
    try:

        def check(route: Any) -> None:
            target = route.request.url
            if target.startswith(("data:", "blob:")) or origin(target) == home:
                route.continue_()
            else:
                elsewhere.append(target)
                route.abort()

        ctx.route("**/*", check)
        page = ctx.new_page()
        page.goto(url, wait_until="networkidle")
        # The search worker loads its index on the first use: open it too.
        page.evaluate("document.querySelector('.md-search__input')?.focus()")
        page.wait_for_load_state("networkidle")
    finally:
        ctx.close()
    return elsewhere


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_request_leaves_the_site(browser: Any, stack: Stack, kind: str, lang: str) -> None:
    url = stack.url + PREFIX[lang] + PAGE_KINDS[kind]
    assert requests_elsewhere(browser, stack, url) == [], f"{url} asks another site for resources"


@pytest.mark.parametrize(("lang", "heading"), [("fr", "Tiers"), ("en", "Third parties")])
def test_privacy_page_names_the_third_parties(page: Any, stack: Stack, lang: str, heading: str) -> None:
    page.goto(stack.url + PREFIX[lang] + PAGE_KINDS["privacy"])
    section = page.get_by_role("heading", name=heading, exact=True)
    assert section.is_visible()
