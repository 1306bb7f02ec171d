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


def format_amount(
    amount: int,
    lang: Language | str,
    *,
    per_year: bool = False,
    in_millions: bool = False,
    more_than: bool = False,
) -> str:
    """An amount as its source wrote it: ``in_millions`` gives ``"28,8 millions de dollars"``
    / ``"$28.8 million"`` instead of every digit, ``more_than`` prefixes ``"plus de "`` /
    ``"more than "``; otherwise :func:`format_money`."""
    french = Language(lang) is Language.FR
    if in_millions:
        millions = f"{amount / 1_000_000:.1f}".removesuffix(".0")
        if french:
            number = millions.replace(".", ",")
            unit = "million" if amount < 2_000_000 else "millions"
            text = f"{number}{NBSP}{unit} de dollars"
        else:
            text = f"${millions}{NBSP}million"
        if per_year:
            text += " par année" if french else " a year"
    else:
        text = format_money(amount, lang, per_year=per_year)
    if more_than:
        text = f"plus de {text}" if french else f"more than {text}"
    return text


def format_date(value: dt.date, lang: Language | str) -> str:
    """``2024-10-24`` → ``"24 octobre 2024"`` (fr; ``"1er"`` for the first) or ``"October 24, 2024"``."""
    month = _MONTHS[Language(lang)][value.month - 1]
    if Language(lang) is Language.FR:
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    return f"{month} {value.day}, {value.year}"


_ORDINAL = re.compile(r"(\d)\^(e|er|re)\b")

# French typography (Office québécois de la langue française, Banque de dépannage
# linguistique: « Espacement avant et après les signes de ponctuation », « Guillemets »,
# « Écriture des nombres », « Symbole du dollar », « Pourcentage »). Content is written
# with plain spaces and straight apostrophes; the generator sets the right characters.
_URL = re.compile(r"(?:https?://|mailto:|www\.)\S+")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_BEFORE_MARK = re.compile(r"(?<=[\w»)\]…%$.])[ \u00a0\u202f]*([;:!?])(?=\s|$|[»)\]\"’,.!?])")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]*»")
_DIGIT_GROUPS = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?![\d-])")
_BEFORE_UNIT = re.compile(r"(\d)[ \u202f]?((?:M|k|G)?\$|%)")


def _french(part: str) -> str:
    part = _BEFORE_MARK.sub(lambda m: NNBSP + m.group(1), part)
    part = _AFTER_OPENING.sub("«" + NNBSP, part)
    part = _BEFORE_CLOSING.sub(NNBSP + "»", part)
    part = _DIGIT_GROUPS.sub(lambda m: m.group(1) + m.group(2).replace(" ", NNBSP), part)
    return _BEFORE_UNIT.sub(lambda m: m.group(1) + NBSP + m.group(2), part)


def typography(text: str, lang: Language | str) -> str:
    """Display text with its language's typography: the typographic apostrophe (’) in
    both languages; in French, a narrow no-break space (U+202F) before ; : ! ? and inside
    « », between digit groups, and a no-break space (U+00A0) before $ (M$, k$) and %.
    Web and email addresses are left as written. Idempotent."""
    out = []
    position = 0
    for url in _URL.finditer(text):
        out.append(_typeset_words(text[position : url.start()], lang))
        out.append(url.group(0))
        position = url.end()
    out.append(_typeset_words(text[position:], lang))
    return "".join(out)


def _typeset_words(part: str, lang: Language | str) -> str:
    part = _APOSTROPHE.sub("’", part)
    return _french(part) if Language(lang) is Language.FR else part


def typeset(text: str, lang: Language | str = Language.FR) -> Markup:
    """:func:`typography`, escaped for HTML, with French ordinals written ``4^e`` (as the
    seed's conversion of the plan wrote them) set as ``4<sup>e</sup>``; safe markup."""
    escaped = html.escape(typography(text, lang), quote=False)
    return Markup(_ORDINAL.sub(r"\1<sup>\2</sup>", escaped))


_EXTENSION = re.compile(r"\s+(?:p\.|poste|ext\.)\s*(\d+)$")


def tel_uri(phone: str) -> str:
    """A ``tel:`` URI (RFC 3966) for a number as written in content: ``450 365-9218 p. 201``
    → ``tel:+1-450-365-9218;ext=201``, so a phone dials it and the extension."""
    extension = _EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    digits = re.sub(r"\D", "", number)[-10:]  # drop the country code 1 when written
    uri = f"tel:+1-{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return f"{uri};ext={extension.group(1)}" if extension else uri
