"""A postal area shared by several regions: the page asks for the municipality (every
municipality of that area, from the territory table), then routes to its region."""

from __future__ import annotations

import re
from typing import Any

from .conftest import Stack
from .helpers import FORM_PATH, fill_request_form, recipients, routing_table

# J0T is shared by Outaouais (07), Lanaudière (14) and Laurentides (15); a code of it that no
# table lists makes the requester choose.
SPLIT_CODE = "J0T 9Z9"


def _saint_donat(table: dict[str, Any]) -> str:
    area = table["fsas"]["J0T"]
    assert len(area["regions"]) > 1 and SPLIT_CODE not in table["postcodes"]
    [code] = [c for c in area["places"] if table["municipalities"][c]["name"] == "Saint-Donat"]
    return str(code)


def test_split_postal_area_asks_for_the_municipality_then_routes(page: Any, stack: Stack) -> None:
    table = routing_table()
    saint_donat = _saint_donat(table)

    requester = "split@atelier-exemple.ca"
    page.goto(stack.url + FORM_PATH["fr"])
    fill_request_form(page, email=requester, postal_code=SPLIT_CODE)
    page.get_by_role("button", name="Envoyer ma demande").click()

    question = page.get_by_role("group", name="Votre municipalité")
    question.wait_for(state="visible")
    select = question.get_by_label("Municipalité", exact=True)
    # every municipality of the area is offered, grouped by region
    assert select.locator("option").count() == len(table["fsas"]["J0T"]["places"])
    assert page.evaluate("document.activeElement && document.activeElement.id") == "relais-error-summary"
    assert stack.emails_about("split") == []
    # the filter keeps the matching names only
    question.get_by_label(re.compile("^Filtrer")).fill("donat")
    visible = select.locator("option:not([hidden])")
    assert visible.count() == 1 and "Saint-Donat" in visible.inner_text()

    select.select_option(saint_donat)
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    reference = page.locator("#relais-reference [data-reference]").inner_text()
    to = recipients(stack.emails_about(reference))
    erac = table["organisations"][table["regions"]["14"]["erac"]]["email"]
    assert erac in to and requester in to
    [record] = [r for r in stack.records() if r["reference"] == reference]
    assert record["routing"]["region_code"] == "14"  # type: ignore[index]
    assert record["routing"]["municipality"] == saint_donat  # type: ignore[index]


def test_split_postal_area_without_javascript(nojs_page: Any, stack: Stack) -> None:
    saint_donat = _saint_donat(routing_table())
    page = nojs_page
    page.goto(stack.url + FORM_PATH["fr"])
    fill_request_form(page, email="split-nojs@atelier-exemple.ca", postal_code=SPLIT_CODE)
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/erreur/\?status=choose_region"))
    assert page.get_by_role("heading", name=re.compile("partagé entre plusieurs régions")).is_visible()

    page.go_back()
    page.wait_for_url(re.compile(r"/demande/"))
    fill_request_form(page, email="split-nojs@atelier-exemple.ca", postal_code=SPLIT_CODE)
    # a plain list: the municipalities of each shared postal area, under its FSA
    select = page.get_by_label("Municipalité")
    assert select.locator("optgroup[label='J0T'] option").count() == len(
        routing_table()["fsas"]["J0T"]["places"]
    )
    select.select_option(saint_donat)
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    reference = re.search(r"reference=(REL-[A-Za-z0-9-]+)", page.url).group(1)  # type: ignore[union-attr]
    [record] = [r for r in stack.records() if r["reference"] == reference]
    assert record["routing"]["region_code"] == "14"  # type: ignore[index]
