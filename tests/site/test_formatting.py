"""Per-language formatting: exact strings, French with Québec typography."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.formatting import NBSP, NNBSP, format_date, format_money, format_number, tel_uri, typography


def test_french_money_groups_with_narrow_no_break_spaces() -> None:
    assert format_money(2_307_663, "fr") == f"2{NNBSP}307{NNBSP}663{NBSP}$"


def test_english_money() -> None:
    assert format_money(2_307_663, "en") == "$2,307,663"


@pytest.mark.parametrize(
    ("amount", "lang", "expected"),
    [
        (0, "fr", f"0{NBSP}$"),
        (999, "en", "$999"),
        (1000, "fr", f"1{NNBSP}000{NBSP}$"),
        (400_000, "fr", f"400{NNBSP}000{NBSP}$ par année"),
        (400_000, "en", "$400,000 a year"),
    ],
)
def test_money_edges(amount: int, lang: str, expected: str) -> None:
    per_year = expected.endswith(("année", "year"))
    assert format_money(amount, lang, per_year=per_year) == expected


def test_numbers() -> None:
    assert format_number(48_500, "fr") == f"48{NNBSP}500"
    assert format_number(48_500, "en") == "48,500"


def test_dates() -> None:
    assert format_date(dt.date(2024, 10, 24), "fr") == "24 octobre 2024"
    assert format_date(dt.date(2024, 10, 24), "en") == "October 24, 2024"
    assert format_date(dt.date(2021, 3, 1), "fr") == "1er mars 2021"
    assert format_date(dt.date(2022, 8, 1), "en") == "August 1, 2022"


@pytest.mark.parametrize(
    ("written", "uri"),
    [
        ("450 365-9218 p. 201", "tel:+1-450-365-9218;ext=201"),
        ("450 365-9218", "tel:+1-450-365-9218"),
        ("+1 514 555-0123", "tel:+1-514-555-0123"),
        ("(819) 555-0100 poste 12", "tel:+1-819-555-0100;ext=12"),
    ],
)
def test_phone_numbers_become_dialable_tel_uris(written: str, uri: str) -> None:
    assert tel_uri(written) == uri


# --- display typography (generator.formatting.typography) ------------------------------


@pytest.mark.parametrize(
    ("written", "french"),
    [
        ("Note : oui ; non ! quoi ?", f"Note{NNBSP}: oui{NNBSP}; non{NNBSP}! quoi{NNBSP}?"),
        ("Note: oui", f"Note{NNBSP}: oui"),
        ("« cité »", f"«{NNBSP}cité{NNBSP}»"),
        ("«cité»", f"«{NNBSP}cité{NNBSP}»"),
        ("plus de 48 500 entreprises", f"plus de 48{NNBSP}500 entreprises"),
        ("10 % et 4 M$ et 500 $", f"10{NBSP}% et 4{NBSP}M$ et 500{NBSP}$"),
        ("10%", f"10{NBSP}%"),
        ("l'innovation", "l\u2019innovation"),
    ],
)
def test_french_display_text_gets_french_typography(written: str, french: str) -> None:
    assert typography(written, "fr") == french


@pytest.mark.parametrize(
    "untouched",
    [
        "https://www.quebec.ca/nouvelles?a=b : voir",  # the address is left as written
        "450 365-9218 p. 201",  # a phone number is not a number with digit groups
        "J0K 2R0",
        "à 13:30",
    ],
)
def test_addresses_phones_postal_codes_and_times_keep_their_form(untouched: str) -> None:
    head = untouched.split(" : ")[0]
    assert typography(untouched, "fr").startswith(head)


def test_english_keeps_its_own_rules_but_gets_the_apostrophe() -> None:
    assert typography("Québec's hubs: 10% more?", "en") == "Québec\u2019s hubs: 10% more?"


def test_typography_is_idempotent() -> None:
    once = typography("« 2 500 » : l'an ; 10 %", "fr")
    assert typography(once, "fr") == once
