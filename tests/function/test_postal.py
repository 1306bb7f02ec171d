"""Postal codes: every spelling of a code normalises to one form; forbidden letters never pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.route_request.postal import normalise_postal_code

from .strategies import postal_codes


@pytest.mark.parametrize("raw", ["h2x1y4", "H2X 1Y4", "H2X-1Y4", " h2x 1y4 ", "H2X  1Y4", "h2X-1y4"])
def test_spellings_normalise_to_one_form(raw: str) -> None:
    code = normalise_postal_code(raw)
    assert code is not None and code.value == "H2X 1Y4" and code.fsa == "H2X" and code.in_quebec


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "H2X",
        "H2X 1Y",
        "H2X 1Y44",
        "D2X 1Y4",
        "H2D 1Y4",
        "H2X 1F4",
        "W2X 1Y4",
        "Z2X 1Y4",
        "HHX 1Y4",
        "H2X_1Y4",
    ],
)
def test_invalid_codes_are_rejected(raw: str) -> None:
    assert normalise_postal_code(raw) is None


@pytest.mark.parametrize(("raw", "province"), [("K1A 0B1", "Ontario"), ("V6B 1A1", "Colombie-Britannique")])
def test_valid_codes_outside_quebec(raw: str, province: str) -> None:
    code = normalise_postal_code(raw)
    assert code is not None and not code.in_quebec and code.province("fr") == province


codes = postal_codes()


@given(code=codes, sep=st.sampled_from(["", " ", "-", "  ", " - "]), lower=st.booleans(), pad=st.booleans())
def test_every_spelling_of_a_code_is_equal(code: str, sep: str, lower: bool, pad: bool) -> None:
    spelled = code[:3] + sep + code[3:]
    spelled = spelled.lower() if lower else spelled
    spelled = f"  {spelled} " if pad else spelled
    assert normalise_postal_code(spelled) == normalise_postal_code(code)
    normal = normalise_postal_code(code)
    assert normal is not None and normal.value == f"{code[:3]} {code[3:]}"


@given(code=codes, position=st.integers(0, 5), bad=st.sampled_from("DFIOQU"))
def test_forbidden_letters_are_always_rejected(code: str, position: int, bad: str) -> None:
    letter_positions = [0, 2, 4]
    pos = letter_positions[position % 3]
    broken = code[:pos] + bad + code[pos + 1 :]
    assert normalise_postal_code(broken) is None


@given(code=codes, first=st.sampled_from("WZ"))
def test_w_and_z_never_first(code: str, first: str) -> None:
    assert normalise_postal_code(first + code[1:]) is None


@given(code=codes)
def test_quebec_is_g_h_j(code: str) -> None:
    normal = normalise_postal_code(code)
    assert normal is not None and normal.in_quebec == (code[0] in "GHJ")
