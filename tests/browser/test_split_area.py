"""A postal area shared by several regions: the page asks which one, then routes there."""

from __future__ import annotations

import re
from typing import Any

from .conftest import Stack
from .helpers import FORM_PATH, fill_request_form, recipients, routing_table

# J0T is shared by Outaouais (07), Lanaudière (14) and Laurentides (15), with no full-code
# entry: any J0T code makes the requester choose.
SPLIT_CODE = "J0T 2N0"


def test_split_postal_area_asks_for_the_region_then_routes(page: Any, stack: Stack) -> None:
    table = routing_table()
    area = table["fsas"]["J0T"]
    assert len(area["regions"]) > 1 and not any(code.startswith("J0T") for code in table["codes"])

    requester = "split@atelier-exemple.ca"
    page.goto(stack.url + FORM_PATH["fr"])
    fill_request_form(page, email=requester, postal_code=SPLIT_CODE)
    page.get_by_role("button", name="Envoyer ma demande").click()

    question = page.get_by_role("group", name="Votre région")
    question.wait_for(state="visible")
    radios = question.get_by_role("radio")
    assert radios.count() == len(area["regions"])
    # Each choice names the region and its municipalities in this postal area.
    lanaudiere = question.get_by_role("radio", name=re.compile("^Lanaudière"))
    label = page.locator(f"label[for='{lanaudiere.get_attribute('id')}']").inner_text()
    assert "Saint-Donat" in label
    assert page.evaluate("document.activeElement && document.activeElement.id") == "relais-error-summary"
    assert stack.emails_about("split") == []

    lanaudiere.check()
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    reference = page.locator("#relais-reference [data-reference]").inner_text()
    to = recipients(stack.emails_about(reference))
    erac = table["organisations"][table["regions"]["14"]["erac"]]["email"]
    advisors = {a["email"] for a in table["advisors"].values() if a["region"] == "14"}
    assert erac in to and to & advisors and requester in to
    [record] = [r for r in stack.records() if r["reference"] == reference]
    assert record["routing"]["region_code"] == "14"  # type: ignore[index]


def test_split_postal_area_without_javascript(nojs_page: Any, stack: Stack) -> None:
    page = nojs_page
    page.goto(stack.url + FORM_PATH["fr"])
    fill_request_form(page, email="split-nojs@atelier-exemple.ca", postal_code=SPLIT_CODE)
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/erreur/\?status=choose_region"))
    assert page.get_by_role("heading", name=re.compile("partagé entre plusieurs régions")).is_visible()

    page.go_back()
    page.wait_for_url(re.compile(r"/demande/"))
    fill_request_form(page, email="split-nojs@atelier-exemple.ca", postal_code=SPLIT_CODE)
    page.get_by_label("Région").select_option("14")
    page.get_by_role("button", name="Envoyer ma demande").click()
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    reference = re.search(r"reference=(REL-[A-Za-z0-9-]+)", page.url).group(1)  # type: ignore[union-attr]
    [record] = [r for r in stack.records() if r["reference"] == reference]
    assert record["routing"]["region_code"] == "14"  # type: ignore[index]
