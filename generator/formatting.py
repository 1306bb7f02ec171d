"""Per-language formatting of numbers, amounts of money and dates: the one place
that knows French and English typography differ.

French follows the Office québécois de la langue française (Banque de dépannage
linguistique, « Écriture des nombres » and « Symbole du dollar »): digits grouped
by three with a narrow no-break space (U+202F), the dollar sign after the number
separated by a no-break space (U+00A0), the first day of a month written « 1er ».
English follows Canadian English usage: comma groups, ``$`` before the number,
"October 24, 2024".
"""

from __future__ import annotations

import datetime as dt
import html
import re

from markupsafe import Markup

from generator.vocab import Language

NNBSP = "\u202f"  # narrow no-break space: French thousands separator
NBSP = "\u00a0"  # no-break space: between a French amount and its symbol

_MONTHS: dict[Language, tuple[str, ...]] = {
    Language.FR: (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    Language.EN: (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def format_number(value: int, lang: Language | str) -> str:
    """``2307663`` → ``"2 307 663"`` (fr, narrow no-break spaces) or ``"2,307,663"`` (en)."""
    grouped = f"{value:,}"
    if Language(lang) is Language.FR:
        return grouped.replace(",", NNBSP)
    return grouped


def format_money(amount: int, lang: Language | str, *, per_year: bool = False) -> str:
    """Whole dollars: ``"2 307 663 $"`` in French, ``"$2,307,663"`` in English;
    ``per_year`` appends ``" par année"`` / ``" a year"``."""
    number = format_number(amount, lang)
    if Language(lang) is Language.FR:
        text = f"{number}{NBSP}$"
        return f"{text} par année" if per_year else text
    text = f"${number}"
    return f"{text} a year" if per_year else text


def format_date(value: dt.date, lang: Language | str) -> str:
    """``2024-10-24`` → ``"24 octobre 2024"`` (fr; ``"1er"`` for the first) or ``"October 24, 2024"``."""
    month = _MONTHS[Language(lang)][value.month - 1]
    if Language(lang) is Language.FR:
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    return f"{month} {value.day}, {value.year}"


_ORDINAL = re.compile(r"(\d)\^(e|er|re)\b")


def typeset(text: str) -> Markup:
    """Escape ``text`` for HTML and set French ordinals written ``4^e`` (as the seed's
    conversion of the plan wrote them) as ``4<sup>e</sup>``; safe markup for templates."""
    return Markup(_ORDINAL.sub(r"\1<sup>\2</sup>", html.escape(text, quote=False)))


_EXTENSION = re.compile(r"\s+(?:p\.|poste|ext\.)\s*(\d+)$")


def tel_uri(phone: str) -> str:
    """A ``tel:`` URI (RFC 3966) for a number as written in content: ``450 365-9218 p. 201``
    → ``tel:+1-450-365-9218;ext=201``, so a phone dials it and the extension."""
    extension = _EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    digits = re.sub(r"\D", "", number)[-10:]  # drop the country code 1 when written
    uri = f"tel:+1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return f"{uri};ext={extension.group(1)}" if extension else uri
