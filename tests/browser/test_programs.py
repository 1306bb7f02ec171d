"""The programs index: filters narrow the list, with the keyboard alone, and the count is
announced through an aria-live region."""

from __future__ import annotations

from typing import Any

from .conftest import Stack


def visible_count(page: Any) -> int:
    return page.locator("#relais-programs li[data-regions]:visible").count()


def announced_count(page: Any) -> int:
    return int(page.locator("#relais-count [data-count]").inner_text())


def tab_to(page: Any, selector: str, limit: int = 120) -> None:
    """Press Tab from where the focus is until ``selector`` has it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never got the focus after {limit} Tab presses")


def test_filter_programs_with_the_keyboard(page: Any, stack: Stack) -> None:
    page.goto(f"{stack.url}programmes/")
    live = page.locator("#relais-count")
    assert live.get_attribute("aria-live") == "polite"
    total = page.locator("#relais-programs li[data-regions]").count()
    assert announced_count(page) == visible_count(page) == total > 1

    # Region: Tab to the list, choose Lanaudière by typing, as a keyboard user would.
    tab_to(page, "#filter-region")
    page.keyboard.type("14")
    assert page.locator("#filter-region").input_value() == "14"
    page.wait_for_function(f"document.querySelector('#relais-count [data-count]').textContent !== '{total}'")
    by_region = announced_count(page)
    assert by_region == visible_count(page)
    assert 0 < by_region < total
    for regions in page.locator("#relais-programs li[data-regions]:visible").evaluate_all(
        "els => els.map(e => e.dataset.regions)"
    ):
        assert regions == "all" or "14" in regions.split()

    # Audience: Tab to the "Manufacturiers" box and tick it with the space bar.
    tab_to(page, "input[name=audience][value=manufacturers]")
    page.keyboard.press("Space")
    assert page.locator("input[name=audience][value=manufacturers]").is_checked()
    page.wait_for_function(
        f"document.querySelector('#relais-count [data-count]').textContent !== '{by_region}'"
    )
    narrowed = announced_count(page)
    assert narrowed == visible_count(page)
    assert 0 < narrowed < by_region
    for audiences in page.locator("#relais-programs li[data-regions]:visible").evaluate_all(
        "els => els.map(e => e.dataset.audiences)"
    ):
        assert "manufacturers" in audiences.split()
    label = page.locator("#relais-count [data-count-label]").inner_text()
    assert label in ("programme affiché", "programmes affichés")

    # "Tout afficher" (reset), reached and pressed from the keyboard, brings everything back.
    tab_to(page, "#relais-filters button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelector('#relais-count [data-count]').textContent === '{total}'")
    assert visible_count(page) == total


def test_programs_filters_in_english_count_label(page: Any, stack: Stack) -> None:
    page.goto(f"{stack.url}en/programmes/?region=14&audience=manufacturers")
    count = announced_count(page)
    assert count == visible_count(page) > 0
    label = page.locator("#relais-count [data-count-label]").inner_text()
    assert label == ("program shown" if count == 1 else "programs shown"), label


def test_open_now_keeps_only_open_programs_whose_dates_hold_today(page: Any, stack: Stack) -> None:
    import datetime as dt

    page.goto(f"{stack.url}programmes/?open=now")
    assert page.locator("#filter-open").is_checked()
    windows = page.locator("#relais-programs li[data-regions]").evaluate_all(
        "els => els.map(e => e.dataset.open)"
    )
    today = dt.datetime.now(dt.UTC).date().isoformat()

    def open_today(window: str) -> bool:
        if not window:
            return False
        start, end = window.split(" ")
        return (start == "-" or start <= today) and (end == "-" or end >= today)

    expected = sum(1 for w in windows if open_today(w))
    assert announced_count(page) == visible_count(page) == expected
    for window in page.locator("#relais-programs li[data-regions]:visible").evaluate_all(
        "els => els.map(e => e.dataset.open)"
    ):
        assert open_today(window)
    page.locator("#filter-open").uncheck()
    page.wait_for_function(
        f"document.querySelector('#relais-count [data-count]').textContent === '{len(windows)}'"
    )
