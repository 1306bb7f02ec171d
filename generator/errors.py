"""Content errors: where (file, line, column), which rule (a :class:`Code`), and
the values that explain it (``params``). The wording lives in
``generator/messages.py``, in French and English; nothing here is prose, so
code never tells errors apart by their message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Code(StrEnum):
    """Every rule a content file can break. Each has a French and an English
    message and hint in ``generator.messages``."""

    # the YAML itself
    YAML_SYNTAX = "yaml-syntax"
    YAML_TAB = "yaml-tab"
    DUPLICATE_KEY = "duplicate-key"
    EMPTY_FILE = "empty-file"
    NOT_A_MAPPING = "not-a-mapping"
    # one file against its model
    MISSING_FIELD = "missing-field"
    MISSING_TRANSLATION = "missing-translation"
    UNKNOWN_FIELD = "unknown-field"
    WRONG_TYPE = "wrong-type"
    BAD_ENUM = "bad-enum"
    BAD_FSA = "bad-fsa"
    BAD_POSTAL_CODE = "bad-postal-code"
    BAD_EMAIL = "bad-email"
    BAD_PHONE = "bad-phone"
    BAD_URL = "bad-url"
    BAD_ID = "bad-id"
    BAD_SEED = "bad-seed"
    BAD_FORMAT = "bad-format"
    BAD_DATE = "bad-date"
    OUT_OF_RANGE = "out-of-range"
    EMPTY_LIST = "empty-list"
    EMPTY_VALUE = "empty-value"
    TOO_LONG = "too-long"
    SOURCE_WITHOUT_DOCUMENT = "source-without-document"
    SERVICE_AREA_EMPTY = "service-area-empty"
    TERRITORY_EMPTY = "territory-empty"
    MILLIONS_NOT_ROUND = "millions-not-round"
    SAMPLE_EMAIL = "sample-email"
    REAL_WITHOUT_SOURCES = "real-without-sources"
    INVALID = "invalid"
    # across files (generator/checks.py)
    ID_MISMATCH = "id-mismatch"
    WEBSITE_NOT_HTTPS = "website-not-https"
    POSTAL_CODE_OUTSIDE_QUEBEC = "postal-code-outside-quebec"
    POSTAL_CODE_OUTSIDE_REGIONS = "postal-code-outside-regions"
    ORGANISATION_DUPLICATE = "organisation-duplicate"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_REFERENCE = "unknown-reference"
    ERAC_WRONG_KIND = "erac-wrong-kind"
    REFERENCE_WITHOUT_EMAIL = "reference-without-email"
    EXAMPLE_EMAIL_NOT_SAMPLE = "example-email-not-sample"
    FSA_CONFLICT = "fsa-conflict"
    FSA_REPEATED = "fsa-repeated"
    CODE_OUTSIDE_FSA = "code-outside-fsa"
    CODE_CONFLICT = "code-conflict"
    ADVISOR_FSA_OUTSIDE_REGION = "advisor-fsa-outside-region"
    REGION_CODE_DUPLICATE = "region-code-duplicate"
    REGION_CODES_MISSING = "region-codes-missing"
    # the territory table (generator/territory_checks.py)
    TERRITORY_REGION_MISMATCH = "territory-region-mismatch"
    MUNICIPALITY_CODE_DUPLICATE = "municipality-code-duplicate"
    MRC_CODE_DUPLICATE = "mrc-code-duplicate"
    MUNICIPALITY_FSA_OUTSIDE_REGION = "municipality-fsa-outside-region"
    POSTAL_CODE_OUTSIDE_FSAS = "postal-code-outside-fsas"
    POSTAL_AREA_WITHOUT_MUNICIPALITY = "postal-area-without-municipality"
    UNKNOWN_MUNICIPALITY = "unknown-municipality"
    UNKNOWN_MRC = "unknown-mrc"
    PLACE_OUTSIDE_REGIONS = "place-outside-regions"


@dataclass(frozen=True)
class ContentError:
    """One problem in one content file.

    ``path`` is relative to the repository root, with ``/`` separators
    (``content/regions/lanaudiere.yaml``); ``line`` and ``col`` are 1-based, or
    0 for a problem about a whole folder (a missing region). ``params`` fill the
    message's placeholders.
    """

    path: str
    line: int
    col: int
    code: Code
    params: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=True)

    @property
    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.col)

    @property
    def where(self) -> str:
        """``path:line:col``, or just ``path`` for a folder-wide problem."""
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col}"

    def message(self, lang: str = "fr") -> str:
        """The one-line message, without the location."""
        from generator.messages import render_message

        return render_message(self.code, self.params, lang)

    def hint(self, lang: str = "fr") -> str | None:
        """What to do about it, or ``None``."""
        from generator.messages import render_hint

        return render_hint(self.code, self.params, lang)

    def render(self, lang: str = "fr") -> str:
        """``path:line:col: message`` and, when there is one, an indented hint line."""
        text = f"{self.where}: {self.message(lang)}"
        hint = self.hint(lang)
        if hint:
            text += f"\n  → {hint}"
        return text


def sort_errors(errors: list[ContentError]) -> list[ContentError]:
    """Errors in reading order: by file, then line, then column (stable otherwise)."""
    return sorted(errors, key=lambda error: error.sort_key)
