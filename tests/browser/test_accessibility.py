"""axe-core (WCAG 2.1 A/AA) on every page kind in both languages, plus what axe cannot
see: the page's language, other-language text marked with ``lang``, labelled fields."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Stack
from .helpers import (
    FORM_PATH,
    FUNCTION_PAGE_KINDS,
    LANGS,
    NOT_FOUND,
    PAGE_KINDS,
    PREFIX,
    describe_violations,
    fill_request_form,
    run_axe,
)


def page_url(stack: Stack, lang: str, kind: str) -> str:
    return stack.url + PREFIX[lang] + PAGE_KINDS[kind]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_kind_is_accessible(page: Any, stack: Stack, kind: str, lang: str) -> None:
    url = page_url(stack, lang, kind)
    response = page.goto(url)
    expected = 404 if kind == NOT_FOUND else 200
    assert response is not None and response.status == expected, f"{url}: {response and response.status}"
    page.wait_for_load_state("networkidle")  # what the scripts add (statistics, filters) is checked too

    if kind == NOT_FOUND:
        # One page answers every missing address: French, its English part marked as such.
        assert page.locator("html").get_attribute("lang") == "fr"
        assert page.locator("[lang=en]").get_by_role("heading", name="Page not found").count() == 1
    else:
        assert page.locator("html").get_attribute("lang") == lang
        # The other language's name in the language switcher is in that language.
        other = "en" if lang == "fr" else "fr"
        switch = page.locator(f"a.md-select__link[hreflang='{other}']")
        assert switch.count() == 1, f"{url}: no link to the {other} version"
        declared = switch.evaluate("a => (a.closest('[lang]') || document.documentElement).lang")
        assert declared == other, (
            f"{url}: the switcher's {switch.inner_text().strip()!r} carries lang={declared!r}, not {other!r}"
        )

    violations = run_axe(page)
    assert not violations, describe_violations(url, violations)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", FUNCTION_PAGE_KINDS)
def test_function_page_is_accessible(
    browser: Any, function_pages: dict[tuple[str, str], str], kind: str, lang: str
) -> None:
    """The pages the function serves from the emails' links and the statistics table."""
    url = function_pages[(kind, lang)]
    # Their CSP forbids every script, axe-core's too: a context that may inject it.
    ctx = browser.new_context(bypass_csp=True)
    try:
        page = ctx.new_page()
        response = page.goto(url)
        assert response is not None and response.status == 200, f"{url}: {response and response.status}"
        assert page.locator("html").get_attribute("lang") == lang
        violations = run_axe(page)
        assert not violations, describe_violations(url, violations)
    finally:
        ctx.close()


def unlabelled_fields(page: Any) -> list[str]:
    """The form controls a person can reach that have no accessible name."""
    return page.evaluate(
        """() => [...document.querySelectorAll('form input, form select, form textarea')]
            .filter(el => el.type !== 'hidden' && !el.closest('[aria-hidden=true]'))
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby'))
            .map(el => el.outerHTML.slice(0, 120))"""
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["form", "programs"])
def test_every_field_has_a_label(page: Any, stack: Stack, kind: str, lang: str) -> None:
    page.goto(page_url(stack, lang, kind))
    assert unlabelled_fields(page) == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_every_field_has_a_label_without_javascript_too(browser: Any, stack: Stack, javascript: bool) -> None:
    ctx = browser.new_context(java_script_enabled=javascript)
    try:
        page = ctx.new_page()
        page.goto(stack.url + FORM_PATH["fr"])
        assert unlabelled_fields(page) == []
        # Without JavaScript the municipality list is there for split postal areas, labelled.
        assert page.locator("#municipality").is_visible() is (not javascript)
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_form_with_errors_and_region_choice_is_accessible(page: Any, stack: Stack, lang: str) -> None:
    """The states the script builds (field errors, the municipality question) pass axe too."""
    page.goto(stack.url + FORM_PATH[lang])
    fill_request_form(page, email="", postal_code="J0T 9Z9")  # a shared area, code in no table
    page.locator("button[type=submit]").click()
    page.locator("#email-error").wait_for(state="visible")
    violations = run_axe(page)
    assert not violations, describe_violations(page.url + " (field errors)", violations)

    page.locator("#email").fill("camille@atelier-exemple.ca")
    page.locator("button[type=submit]").click()
    page.locator("#relais-region-choice").wait_for(state="visible")
    assert unlabelled_fields(page) == []
    violations = run_axe(page)
    assert not violations, describe_violations(page.url + " (region question)", violations)
