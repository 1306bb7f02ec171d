"""Every rule speaks both languages."""

from __future__ import annotations

import pytest

from generator.errors import Code, ContentError
from generator.messages import CATALOGUE, CLI


@pytest.mark.parametrize("code", list(Code))
def test_every_code_has_a_french_and_an_english_message(code: Code) -> None:
    assert set(CATALOGUE[code]) == {"fr", "en"}
    fr_message, fr_hint = CATALOGUE[code]["fr"]
    en_message, en_hint = CATALOGUE[code]["en"]
    assert fr_message and en_message
    assert (fr_hint is None) == (en_hint is None)


def test_the_command_line_speaks_both_languages() -> None:
    assert set(CLI["fr"]) == set(CLI["en"])


def test_an_error_without_a_hint_renders_on_one_line() -> None:
    error = ContentError("content/x.yaml", 3, 1, Code.INVALID, {"field": "name", "detail": "odd"})
    assert error.render("en") == "content/x.yaml:3:1: name: invalid value (odd)"


def test_an_unknown_language_falls_back_to_french() -> None:
    error = ContentError("content/x.yaml", 1, 1, Code.EMPTY_FILE)
    assert error.message("de") == "le fichier est vide"
