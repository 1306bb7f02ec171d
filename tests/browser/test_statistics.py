"""The "Statistiques" page: with JavaScript a chart and a table from the function's JSON;
without, a link to the function's own table page. Small counts read "< 5" everywhere."""

from __future__ import annotations

from typing import Any

from .conftest import Stack
from .helpers import submit_and_confirm


def test_statistics_with_javascript_draw_a_table(page: Any, stack: Stack) -> None:
    submit_and_confirm(page, stack, "fr", email="stats-js@atelier-exemple.ca", postal_code="J6E 2A1")
    page.goto(stack.url + "statistiques/")
    assert page.get_by_role("heading", level=1).inner_text() == "Statistiques de prise en charge"
    table = page.locator("#relais-stats table")
    table.wait_for(state="visible")
    assert table.locator("thead th").first.inner_text() == "Mois"
    assert "Lanaudière" in table.inner_text() and "< 5" in table.inner_text()


def test_statistics_without_javascript_link_to_a_table(nojs_page: Any, stack: Stack) -> None:
    page = nojs_page
    page.goto(stack.url + "en/statistiques/")
    assert page.locator("#relais-stats table").count() == 0
    page.get_by_role("link", name="The full table (page without JavaScript)").click()
    page.wait_for_url("**/api/stats?format=html&lang=en")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Response statistics"
    assert page.locator("table").count() == 1 or "No requests yet." in page.content()
