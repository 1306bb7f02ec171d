"""The request form and the function agree: every field the page sends is one the function
reads, and no field lets a person type more than the function accepts (a longer name once
passed the form and was refused by the function)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from functions.route_request.validation import MAX_LENGTH

DOCS = Path(__file__).resolve().parents[2] / "site_src" / "docs"
# Read by the function besides the length-bounded fields (validation.py).
OTHER_FIELDS = {
    "submission_id",
    "lang",
    "consent",
    "consent_version",
    "region_choice",
    "started_at",
    "website",
    "proof",  # read by the handler (the proof of work, abuse.py), not by validation
}


def controls(lang: str) -> dict[str, dict[str, str]]:
    """name → attributes of each <input>/<textarea>/<select> of the form page."""
    page = (DOCS / f"demande.{lang}.md").read_text(encoding="utf-8")
    found = {}
    for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", page):
        attributes = dict(re.findall(r'([a-z-]+)="([^"]*)"', tag))
        attributes["tag"] = tag[1:].split()[0]
        if "name" in attributes:
            found[attributes["name"]] = attributes
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_form_sends_only_fields_the_function_reads(lang: str) -> None:
    assert set(controls(lang)) <= set(MAX_LENGTH) | OTHER_FIELDS
    assert {"business_name", "contact_name", "email", "postal_code", "description", "consent"} <= set(
        controls(lang)
    )


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_field_accepts_more_than_the_function(lang: str) -> None:
    for name, attributes in controls(lang).items():
        if name in MAX_LENGTH and name != "consent_version" and attributes["tag"] != "select":
            assert "maxlength" in attributes, name
            assert int(attributes["maxlength"]) <= MAX_LENGTH[name], name


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_list_offers_only_values_the_function_accepts(lang: str) -> None:
    # the municipality list is generated: every option of the built page fits the field
    from generator.load import load_directory
    from generator.render.context import shared_area_choices
    from generator.vocab import Language

    result = load_directory(DOCS.parents[1])
    assert result.directory is not None
    groups = shared_area_choices(result.directory, Language(lang))
    assert groups, "some postal area must still ask"
    for _fsa, options in groups:
        for value, _label in options:
            assert 0 < len(value) <= MAX_LENGTH["municipality"]
