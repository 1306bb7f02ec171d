"""Validation: one message per bad field, in the requester's language; bots recognised."""

from __future__ import annotations

import pytest

from functions.route_request.validation import Bot, Invalid, Request, validate

from .conftest import NOW, valid_fields

NOW_MS = int(NOW * 1000)


def test_valid_request() -> None:
    result = validate(valid_fields(), now_ms=NOW_MS)
    assert isinstance(result, Request)
    assert result.postal_code.value == "H2X 1Y4"
    assert result.lang == "fr"
    assert result.submission_id == "00000000-0000-0000-0000-00000000002a"


def test_missing_fields_each_get_a_french_message_by_default() -> None:
    result = validate({}, now_ms=NOW_MS)
    assert isinstance(result, Invalid)
    assert set(result.errors) == {
        "business_name",
        "contact_name",
        "email",
        "postal_code",
        "description",
        "consent",
        "consent_version",
    }
    assert result.errors["email"] == "Indiquez votre courriel."


def test_english_messages() -> None:
    result = validate(valid_fields(lang="en", email="nope"), now_ms=NOW_MS)
    assert isinstance(result, Invalid) and result.lang == "en"
    assert result.errors == {"email": "Enter a valid email address, such as name@business.ca."}


def test_unknown_language_is_a_field_error_in_french() -> None:
    result = validate(valid_fields(lang="de"), now_ms=NOW_MS)
    assert isinstance(result, Invalid)
    assert result.lang == "fr"
    assert result.errors == {"lang": "Langue non prise en charge : fr ou en."}


def test_missing_language_defaults_to_french() -> None:
    result = validate(valid_fields(lang=None), now_ms=NOW_MS)
    assert isinstance(result, Request) and result.lang == "fr"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("business_name", "x" * 201),
        ("contact_name", "x" * 121),
        ("description", "x" * 4001),
        ("email", "a" * 65 + "@example.org"),
        ("email", "a@b"),
        ("email", "camille@example.org\r\nBcc: x@example.org"),
        # the pattern allows it, but no email header can hold it: every delivery would fail
        ("email", "=?utf-8?q?x=0D=0A?=@example.org"),
        ("phone", "call me"),
        ("phone", "123"),
        ("postal_code", "H2D 1Y4"),
        ("consent", "no"),
        ("consent_version", "v1<script>"),
        ("region_choice", "99"),
        ("submission_id", "not-a-uuid"),
        ("business_name", 42),
        ("description", ["a"]),
        # a lone surrogate ("\\ud800" in JSON) is no character: it cannot be hashed,
        # stored or mailed as UTF-8
        ("contact_name", "Camille \ud800"),
        ("description", "besoin \udfff"),
    ],
)
def test_bad_values(field: str, value: object) -> None:
    result = validate(valid_fields(**{field: value}), now_ms=NOW_MS)
    assert isinstance(result, Invalid)
    assert list(result.errors) == [field]


def test_crlf_in_single_line_fields_becomes_spaces() -> None:
    result = validate(valid_fields(contact_name="Camille\r\nBcc: evil@example.org"), now_ms=NOW_MS)
    assert isinstance(result, Request)
    assert result.contact_name == "Camille Bcc: evil@example.org"


def test_description_keeps_its_lines() -> None:
    result = validate(valid_fields(description="ligne 1\r\nligne 2"), now_ms=NOW_MS)
    assert isinstance(result, Request) and result.description == "ligne 1\nligne 2"


def test_phone_is_optional() -> None:
    assert isinstance(validate(valid_fields(phone=None), now_ms=NOW_MS), Request)
    assert isinstance(validate(valid_fields(phone="514 555-0123 poste 22"), now_ms=NOW_MS), Request)


def test_consent_true_from_json() -> None:
    assert isinstance(validate(valid_fields(consent=True), now_ms=NOW_MS), Request)


def test_honeypot_is_a_bot() -> None:
    assert isinstance(validate(valid_fields(website="http://spam.example"), now_ms=NOW_MS), Bot)


def test_too_fast_is_a_bot_but_absent_timing_is_not_checked() -> None:
    assert isinstance(validate(valid_fields(started_at=NOW_MS - 1000), now_ms=NOW_MS), Bot)
    assert isinstance(validate(valid_fields(started_at=None), now_ms=NOW_MS), Request)
    assert isinstance(validate(valid_fields(started_at="garbage"), now_ms=NOW_MS), Request)


def test_canonical_content_ignores_id_and_timing() -> None:
    a = validate(valid_fields(), now_ms=NOW_MS)
    b = validate(valid_fields(submission_id=None, started_at=None, postal_code="H2X-1Y4"), now_ms=NOW_MS)
    assert isinstance(a, Request) and isinstance(b, Request)
    assert a.canonical() == b.canonical()
