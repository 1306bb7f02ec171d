"""The front door, walked as a person would: on a phone, type J0K 2R0 on the home page,
see Lanaudière Économique and an advisor, "Envoyer une demande" opens the form with the
code filled in, send it, land on the thank-you page. The same with the keyboard only,
without JavaScript, and in English; axe finds nothing wrong with the answer shown."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import Stack
from .helpers import describe_violations, fill_request_form, recipients, routing_table, run_axe
from .test_journeys import ERAC_EMAIL, lanaudiere_advisor_emails
from .test_phone import WIDTHS, overflow, phone

CODE = "J0K 2R0"
HOME = {"fr": "", "en": "en/"}
SEND = {"fr": "Envoyer une demande", "en": "Send a request"}
SUBMIT = {"fr": "Envoyer ma demande", "en": "Send my request"}
FIND = {"fr": "Trouver", "en": "Find"}
ASK_HELP = {"fr": "Demander de l\u2019aide", "en": "Ask for help"}
PLACE = {"fr": "Municipalité de l\u2019entreprise", "en": "Your business\u2019s municipality"}
# J0T is shared by Outaouais, Lanaudière and Laurentides; a code of it that no table lists
# makes the finder ask, as the form does.
SPLIT_CODE = "J0T 9Z9"


def lanaudiere_advisor_names(stack: Stack) -> set[str]:
    return {a["name"] for a in routing_table()["advisors"].values() if a["region"] == "14"}


def assert_lanaudiere_answer(page: Any, stack: Stack) -> None:
    result = page.locator("#relais-finder [data-result]")
    result.get_by_role("link", name="Lanaudière Économique").wait_for()
    assert result.get_by_role("link", name="Lanaudière", exact=True).is_visible()
    names = lanaudiere_advisor_names(stack)
    shown = {name for name in names if result.get_by_role("link", name=name, exact=True).count()}
    assert shown, "no Lanaudière advisor in the finder's answer"


def assert_request_reached_lanaudiere(stack: Stack, requester: str) -> None:
    [confirmation] = [m for m in stack.emails() if requester in str(m["To"])]
    reference = re.search(r"REL-[A-Za-z0-9-]+", str(confirmation["Subject"])).group(0)  # type: ignore[union-attr]
    to = recipients(stack.emails_about(reference))
    assert ERAC_EMAIL in to and to & lanaudiere_advisor_emails()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_phone_home_to_thank_you(browser: Any, stack: Stack, lang: str) -> None:
    ctx = browser.new_context(**phone(360), locale="fr-CA")
    try:
        ctx.set_default_timeout(15_000)
        page = ctx.new_page()
        page.goto(stack.url + HOME[lang])
        page.locator("#finder-code").fill(CODE)
        assert_lanaudiere_answer(page, stack)
        page.get_by_role("link", name=SEND[lang]).tap()
        page.wait_for_url(re.compile(r"/demande/\?postal_code="))
        assert page.locator("#postal_code").input_value() == CODE
        requester = f"finder-phone-{lang}@atelier-exemple.ca"
        fill_request_form(page, email=requester, postal_code="")
        page.get_by_role("button", name=SUBMIT[lang]).tap()
        page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
        assert page.locator("html").get_attribute("lang") == lang
        assert_request_reached_lanaudiere(stack, requester)
    finally:
        ctx.close()


def saint_donat() -> str:
    table = routing_table()
    assert SPLIT_CODE not in table["postcodes"] and len(table["fsas"]["J0T"]["regions"]) > 1
    [code] = [
        c for c in table["fsas"]["J0T"]["places"] if table["municipalities"][c]["name"] == "Saint-Donat"
    ]
    return str(code)


def assert_reached_saint_donat(stack: Stack, page: Any, place: str) -> None:
    reference = re.search(r"reference=(REL-[A-Za-z0-9-]+)", page.url).group(1)  # type: ignore[union-attr]
    [record] = [r for r in stack.records() if r["reference"] == reference]
    assert record["routing"]["region_code"] == "14"  # type: ignore[index]
    assert record["routing"]["municipality"] == place  # type: ignore[index]
    assert ERAC_EMAIL in recipients(stack.emails_about(reference))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_shared_area_asks_the_municipality_and_the_form_keeps_it(
    page: Any, stack: Stack, lang: str
) -> None:
    """J0T: the finder asks the municipality (every one the form offers, by region), answers
    for the one chosen, and "Envoyer une demande" opens the form with the code and the
    municipality filled in; the request goes where the finder said."""
    place = saint_donat()
    page.goto(stack.url + HOME[lang])
    page.locator("#finder-code").fill(SPLIT_CODE)
    question = page.get_by_label(PLACE[lang])
    question.wait_for()
    offered = question.locator("option:not([value=''])")
    assert offered.count() == len(routing_table()["fsas"]["J0T"]["places"])
    assert question.locator("optgroup").count() == 3
    result = page.locator("#relais-finder [data-result]")
    assert result.get_by_role("link", name=SEND[lang]).count() == 0  # no answer before the choice
    question.select_option(place)
    assert_lanaudiere_answer(page, stack)
    assert "Saint-Donat" in result.locator(".relais-finder__region").inner_text()
    result.get_by_role("link", name=SEND[lang]).click()
    page.wait_for_url(re.compile(r"/demande/\?postal_code=J0T.*&municipality=" + place))
    assert page.locator("#postal_code").input_value() == SPLIT_CODE
    chosen = page.locator("#municipality")
    assert chosen.is_visible() and chosen.input_value() == place
    fill_request_form(page, email=f"finder-split-{lang}@atelier-exemple.ca", postal_code="")
    page.get_by_role("button", name=SUBMIT[lang]).click()
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    assert_reached_saint_donat(stack, page, place)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_question_and_the_answer_fit_a_phone(browser: Any, stack: Stack, width: int, lang: str) -> None:
    """The municipality list (long names) and the answer (long emails) stay on the screen."""
    ctx = browser.new_context(**phone(width), locale="fr-CA")
    try:
        page = ctx.new_page()
        page.goto(stack.url + HOME[lang])
        page.locator("#finder-code").fill(SPLIT_CODE)
        question = page.get_by_label(PLACE[lang])
        question.wait_for()
        assert overflow(page) is None, f"the question scrolls sideways at {width}px: {overflow(page)}"
        question.select_option(saint_donat())
        assert_lanaudiere_answer(page, stack)
        assert overflow(page) is None, f"the answer scrolls sideways at {width}px: {overflow(page)}"
    finally:
        ctx.close()


def tab_to(page: Any, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never received the focus by keyboard")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_keyboard_only(page: Any, stack: Stack, lang: str) -> None:
    page.goto(stack.url + HOME[lang])
    tab_to(page, "#finder-code")
    page.keyboard.type(CODE)
    page.keyboard.press("Enter")
    assert_lanaudiere_answer(page, stack)
    tab_to(page, "a.relais-finder__send")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/demande/\?postal_code="))
    assert page.locator("#postal_code").input_value() == CODE
    requester = f"finder-keyboard-{lang}@atelier-exemple.ca"
    values = {
        "business_name": "Atelier Clavier inc.",
        "contact_name": "Camille Tremblay",
        "email": requester,
        "description": "Nous voulons automatiser notre ligne d'emballage.",
    }
    for field, value in values.items():
        tab_to(page, f"#{field}")
        page.keyboard.type(value)
    tab_to(page, "#consent")
    page.keyboard.press("Space")
    tab_to(page, "#relais-request button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    assert_request_reached_lanaudiere(stack, requester)


def test_keyboard_only_in_a_shared_area(page: Any, stack: Stack) -> None:
    place = saint_donat()
    page.goto(stack.url)
    tab_to(page, "#finder-code")
    page.keyboard.type(SPLIT_CODE)
    page.keyboard.press("Enter")
    tab_to(page, "#finder-place")
    # Arrow keys move a closed list's choice, and each move answers at once.
    steps = page.evaluate(
        "v => [...document.querySelectorAll('#finder-place option')].findIndex(o => o.value === v)", place
    )
    for _ in range(steps):
        page.keyboard.press("ArrowDown")
    assert page.locator("#finder-place").input_value() == place
    assert_lanaudiere_answer(page, stack)
    tab_to(page, "a.relais-finder__send")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/demande/\?postal_code="))
    assert page.locator("#municipality").input_value() == place
    fill_request_form(page, email="finder-split-keyboard@atelier-exemple.ca", postal_code="")
    tab_to(page, "#relais-request button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
    assert_reached_saint_donat(stack, page, place)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_without_javascript_on_a_phone(browser: Any, stack: Stack, lang: str) -> None:
    """The finder's button leads to the list of postal areas; J0K, shared, lists Saint-Jacques
    (J0K 2R0's municipality) under Lanaudière with its advisor; the region page shows
    Lanaudière Économique; the form takes the code and routes it there."""
    ctx = browser.new_context(**phone(360), locale="fr-CA", java_script_enabled=False)
    try:
        ctx.set_default_timeout(15_000)
        page = ctx.new_page()
        page.goto(stack.url + HOME[lang])
        assert page.locator("#relais-finder .relais-nojs-only").is_visible()  # says where the button leads
        page.locator("#finder-code").fill(CODE)
        page.get_by_role("button", name=FIND[lang]).tap()
        page.wait_for_url(re.compile(r"/codes-postaux/\?code="))
        entry = page.locator("li#J0K")
        assert entry.is_visible()
        text = entry.inner_text()
        lanaudiere = text[text.index("Lanaudière") :].split(";")[0]
        assert "Saint-Jacques" in lanaudiere
        assert any(name in lanaudiere for name in lanaudiere_advisor_names(stack))
        entry.get_by_role("link", name="Lanaudière", exact=True).tap()
        page.wait_for_url(re.compile(r"/regions/lanaudiere/$"))
        assert page.get_by_role("heading", name=re.compile(r"^Lanaudière Économique")).is_visible()
        assert page.get_by_role("link", name=ERAC_EMAIL).is_visible()
        page.locator("article").get_by_role("link", name=ASK_HELP[lang]).first.tap()
        page.wait_for_url(re.compile(r"/demande/$"))
        requester = f"finder-nojs-{lang}@atelier-exemple.ca"
        fill_request_form(page, email=requester, postal_code=CODE)
        page.get_by_role("button", name=SUBMIT[lang]).tap()
        page.wait_for_url(re.compile(r"/merci/\?reference=REL-"))
        assert page.locator("html").get_attribute("lang") == lang
        assert_request_reached_lanaudiere(stack, requester)
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_answer_is_accessible(page: Any, stack: Stack, lang: str) -> None:
    page.goto(stack.url + HOME[lang])
    page.locator("#finder-code").fill("J0K")  # a shared area: the municipality question
    page.get_by_label(PLACE[lang]).wait_for()
    violations = run_axe(page)
    assert not violations, describe_violations(page.url + " (finder question)", violations)
    page.locator("#finder-code").fill(CODE)
    assert_lanaudiere_answer(page, stack)
    violations = run_axe(page)
    assert not violations, describe_violations(page.url + " (finder answer)", violations)


def test_a_region_page_has_the_finder_too(page: Any, stack: Stack) -> None:
    page.goto(stack.url + "regions/laval/")
    page.locator("#finder-code").fill(CODE)
    assert_lanaudiere_answer(page, stack)


MAP_PAGES = [("", "fr"), ("en/", "en"), ("regions/", "fr"), ("en/regions/", "en")]


@pytest.mark.parametrize(("path", "lang"), MAP_PAGES)
def test_the_map_links_every_region_and_keeps_the_list(page: Any, stack: Stack, path: str, lang: str) -> None:
    page.goto(stack.url + path)
    tiles = page.locator(".relais-map a")
    regions = routing_table()["regions"]
    names = [tiles.nth(i).get_attribute("aria-label") or "" for i in range(tiles.count())]
    for region in regions.values():
        name = region["name"][lang]
        assert any(n.startswith(name) for n in names), f"{name} not on the map"
    assert any("Îles-de-la-Madeleine" in n and not n.startswith("Gaspésie") for n in names), "no Îles tile"
    # Each tile is reachable by keyboard and leads to its region's page.
    tab_to(page, ".relais-map a")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/regions/[a-z-]+/$"))
    assert first.rstrip("/").split("/")[-1] in page.url
    # The text list is still there.
    page.go_back()
    for region in regions.values():
        assert page.locator("article").get_by_role("link", name=region["name"][lang], exact=True).count() >= 1


def test_readme_screenshots(browser: Any, stack: Stack, screenshots_dir: Any) -> None:
    """The README shows the home page answering J0K 2R0: on a desktop from the top of the
    page, on a phone from the finder's title (written into docs/ by ``make screenshots``)."""
    for name, options, from_finder in (
        ("home-phone.png", phone(390), True),
        ("home.png", {"viewport": {"width": 1280, "height": 900}}, False),
    ):
        ctx = browser.new_context(**options, locale="fr-CA")
        try:
            page = ctx.new_page()
            page.goto(stack.url)
            page.locator("#finder-code").fill(CODE)
            assert_lanaudiere_answer(page, stack)
            page.locator("#finder-code").blur()
            top = "document.getElementById('relais-finder-title').getBoundingClientRect().top + scrollY - 64"
            page.evaluate(f"window.scrollTo(0, {top if from_finder else 0})")
            page.screenshot(path=str(screenshots_dir / name), full_page=False)
            assert (screenshots_dir / name).stat().st_size > 10_000
        finally:
            ctx.close()
