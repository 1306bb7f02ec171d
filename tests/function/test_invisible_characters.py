"""Invisible and text-direction characters never reach a recipient: a name holding one is
refused with a clear message, and the description loses them before it is recorded."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.validation import INVISIBLE_MESSAGE, Invalid, Request, validate

from .conftest import NOW, valid_fields
from .helpers import body, json_event, sqs_event

NOW_MS = int(NOW * 1000)

RLO, ZWSP, ZWNJ, ZWJ, WJ, BOM, LRI, PDI = (
    "\u202e",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u2066",
    "\u2069",
)
NAMED = [RLO, ZWSP, ZWNJ, ZWJ, WJ, BOM, LRI, "\u2067", "\u2068", PDI]

# Unicode "Cf" characters that show as a visible sign (Arabic, Syriac and Kaithi number and
# end-of-text marks, prepended to what they qualify) or only arrange Egyptian hieroglyphs:
# they are letters of a script in use, not a way to hide text.
VISIBLE_FORMAT = {0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891}
VISIBLE_FORMAT |= {0x08E2, 0x110BD, 0x110CD}


def hidden_format_characters() -> list[str]:
    return [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cf"
        and c not in VISIBLE_FORMAT
        and not 0x13430 <= c <= 0x1345F  # Egyptian hieroglyph format controls
    ]


@pytest.mark.parametrize("char", NAMED, ids=[f"U+{ord(c):04X}" for c in NAMED])
@pytest.mark.parametrize("field", ["business_name", "contact_name", "municipality"])
def test_a_name_with_a_hidden_character_is_refused(field: str, char: str) -> None:
    result = validate(valid_fields(**{field: f"Jean{char}admin"}), now_ms=NOW_MS)
    assert isinstance(result, Invalid)
    assert result.errors == {field: INVISIBLE_MESSAGE["fr"]}


def test_every_hidden_format_character_is_refused_in_names() -> None:
    missed = [
        f"U+{ord(c):04X}"
        for c in hidden_format_characters()
        if not isinstance(validate(valid_fields(contact_name=f"Camille{c}"), now_ms=NOW_MS), Invalid)
    ]
    assert missed == []


def test_the_error_is_bilingual() -> None:
    result = validate(valid_fields(lang="en", contact_name=f"Eve{RLO}gpj.exe"), now_ms=NOW_MS)
    assert isinstance(result, Invalid) and result.errors["contact_name"] == INVISIBLE_MESSAGE["en"]
    assert INVISIBLE_MESSAGE["fr"] != INVISIBLE_MESSAGE["en"]


def test_the_description_loses_them_and_keeps_its_text() -> None:
    description = f"Besoin{ZWSP} urgent{RLO}: {LRI}exporter{PDI} en Europe{BOM}\nligne 2{WJ}"
    result = validate(valid_fields(description=description), now_ms=NOW_MS)
    assert isinstance(result, Request)
    assert result.description == "Besoin urgent: exporter en Europe\nligne 2"


def test_accented_and_non_latin_names_are_still_welcome() -> None:
    for name in ("Éloïse Côté-Gagné", "Nguyễn Thị Hà", "محمد الأمين", "שרה כהן", "李小龍"):
        assert isinstance(validate(valid_fields(contact_name=name), now_ms=NOW_MS), Request), name


def test_no_hidden_character_reaches_any_email(app: App) -> None:
    hidden = "".join(NAMED)
    fields = valid_fields(description=f"Aidez{hidden}-nous{RLO} svp")
    response = handle(json_event(fields), app)
    assert response["statusCode"] == 202, body(response)
    handle(sqs_event(str(fields["submission_id"])), app)
    sent = app.mailer.sent  # type: ignore[attr-defined]
    assert len(sent) == 3
    for _recipient, message in sent:
        text = message.as_string() + "".join(
            part.get_content() for part in message.walk() if part.get_content_maintype() == "text"
        )
        assert not any(c in text for c in hidden), message["To"]
        assert str(message["Reply-To"] or "").count(RLO) == 0

    refused = handle(json_event(valid_fields(contact_name=f"Eve{RLO}nimda")), app)
    assert refused["statusCode"] == 422 and set(body(refused)["errors"]) == {"contact_name"}
