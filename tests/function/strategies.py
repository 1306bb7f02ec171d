"""Hypothesis strategies shared by the postal-code and routing property tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Canada Post never uses D, F, I, O, Q, U; W and Z never come first.
FIRST_CANADA = "ABCEGHJKLMNPRSTVXY"
FIRST_QUEBEC = "GHJ"
LETTER = "ABCEGHJKLMNPRSTVWXYZ"
DIGIT = "0123456789"


def postal_codes(first: str = FIRST_CANADA) -> st.SearchStrategy[str]:
    """Valid six-character codes (no space) whose first letter is one of ``first``."""
    return st.tuples(
        st.sampled_from(first),
        st.sampled_from(DIGIT),
        st.sampled_from(LETTER),
        st.sampled_from(DIGIT),
        st.sampled_from(LETTER),
        st.sampled_from(DIGIT),
    ).map("".join)
