"""Read every content file once, validate it, and build the :class:`Directory`.

``load_directory(root)`` reads ``root/content/{regions,organisations,advisors,
programs}/*.yaml``, validates each file with its model (``generator.models``),
runs the cross-file rules of ``generator.checks`` on the files that passed, and
returns every error of every file, sorted by file and line. The directory is
only built when there is no error at all.

Pydantic's errors are turned into :class:`ContentError` by their *type* and
``loc`` (never their message): the ``loc`` is mapped back to a line and column
through the positions recorded by ``generator.yaml_lines``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import types
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from generator import models
from generator.checks import Record, check_records
from generator.directory import Directory
from generator.errors import Code, ContentError, sort_errors
from generator.models import KINDS, Advisor, Model, Organisation, Program, Region, RegionTerritory, Text
from generator.yaml_lines import Loc, Positions, dotted, parse_yaml


@dataclass(frozen=True)
class LoadResult:
    """What ``load_directory`` found: the directory when every file is valid
    (``None`` otherwise) and every error, sorted by path then line."""

    directory: Directory | None
    errors: list[ContentError]

    @property
    def ok(self) -> bool:
        return not self.errors


def load_directory(root: Path) -> LoadResult:
    """Load and check ``root/content``; see the module docstring.

    A missing kind folder counts as empty (the region rule then reports the
    missing regions). Paths in errors are relative to ``root``, with ``/``.
    """
    errors: list[ContentError] = []
    records: list[Record] = []
    broken: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, model in KINDS.items():
        folder = root / "content" / kind
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.yaml")):
            rel = file.relative_to(root).as_posix()
            record, file_errors = load_file(file.read_bytes(), rel, kind, model)
            errors.extend(file_errors)
            if record is None:
                broken[kind].add(file.stem)
            else:
                records.append(record)
    errors.extend(check_records(records, broken))
    directory = None if errors else directory_from_records(records)
    return LoadResult(directory=directory, errors=sort_errors(errors))


def load_file(
    content: bytes | str, path: str, kind: str, model: type[Model]
) -> tuple[Record | None, list[ContentError]]:
    """Parse and validate one file's ``content``. Returns the record (``None``
    when the file is invalid) and the file's own errors."""
    parsed = parse_yaml(content, path)
    errors = list(parsed.errors)
    if parsed.data is None and errors:
        return None, errors
    if not isinstance(parsed.data, dict):
        pos = parsed.positions.of_value(())
        found = _describe(parsed.data)
        return None, [*errors, ContentError(path, pos.line, pos.col, Code.NOT_A_MAPPING, {"found": found})]
    try:
        instance = model.model_validate(parsed.data)
    except ValidationError as exc:
        errors.extend(validation_errors(exc, parsed.data, parsed.positions, model, path))
        return None, errors
    if errors:  # duplicate keys: the model saw only the last value, keep the file out
        return None, errors
    return Record(kind=kind, model=instance, path=path, positions=parsed.positions), errors


def directory_from_records(records: list[Record]) -> Directory:
    """The :class:`Directory` of records that passed every check (sorted as documented there)."""
    by_kind: dict[str, list[Record]] = {kind: [] for kind in KINDS}
    for record in records:
        by_kind[record.kind].append(record)
    regions = sorted(
        (r.model for r in by_kind["regions"] if isinstance(r.model, Region)), key=lambda r: r.code
    )

    def by_id(kind: str, cls: type[Any]) -> dict[str, Any]:
        chosen = sorted((r.model for r in by_kind[kind] if isinstance(r.model, cls)), key=lambda m: m.id)
        return {m.id: m for m in chosen}

    return Directory(
        regions={r.id: r for r in regions},
        organisations=by_id("organisations", Organisation),
        advisors=by_id("advisors", Advisor),
        programs=by_id("programs", Program),
        territories=by_id("territory", RegionTerritory),
    )


# --- pydantic errors → content errors ---------------------------------------------

_EXPECTED_BY_TYPE = {
    "string_type": "string",
    "int_type": "integer",
    "int_parsing": "integer",
    "int_from_float": "integer",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "boolean",
    "bool_parsing": "boolean",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
}
_DATE_TYPES = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}
_BOUNDS = {"greater_than_equal": ("ge", "≥"), "less_than_equal": ("le", "≤"), "greater_than": ("gt", ">")}
_BOUNDS["less_than"] = ("lt", "<")
_CUSTOM = {
    "source_without_document": Code.SOURCE_WITHOUT_DOCUMENT,
    "service_area_empty": Code.SERVICE_AREA_EMPTY,
    "territory_empty": Code.TERRITORY_EMPTY,
    "millions_not_round": Code.MILLIONS_NOT_ROUND,
    "sample_email": Code.SAMPLE_EMAIL,
    "real_without_sources": Code.REAL_WITHOUT_SOURCES,
}


@cache
def _pattern_codes() -> dict[str, Code]:
    """Each constrained string's regular expression → its own message code."""
    typed = {
        Code.BAD_ID: models.Id,
        Code.BAD_FSA: models.Fsa,
        Code.BAD_POSTAL_CODE: models.PostalCode,
        Code.BAD_EMAIL: models.Email,
        Code.BAD_PHONE: models.Phone,
        Code.BAD_URL: models.Url,
        Code.BAD_SEED: models.SeedName,
    }
    out = {TypeAdapter(tp).json_schema()["pattern"]: code for code, tp in typed.items()}
    out[TypeAdapter(models.QuebecPostalCode).json_schema()["pattern"]] = Code.BAD_POSTAL_CODE
    return out


def validation_errors(
    exc: ValidationError, data: Any, positions: Positions, model: type[BaseModel], path: str
) -> list[ContentError]:
    """Turn one file's pydantic ``ValidationError`` into content errors at the
    right line, one per problem (a union's branches that do not fit the value's
    shape are dropped)."""
    out: list[ContentError] = []
    seen: set[tuple[Loc, Code]] = set()
    for detail in exc.errors(include_url=False):
        step = _walk(model, detail["loc"])
        if step.branch is not None:
            is_list = isinstance(_value_at(data, step.branch_loc), list)
            if step.branch.startswith("list[") != is_list:
                continue  # the branch for a value of another shape
        error = _convert(detail, step, positions, path)
        if (step.loc, error.code) not in seen:
            seen.add((step.loc, error.code))
            out.append(error)
    return out


def _convert(detail: ErrorDetails, step: _Step, positions: Positions, path: str) -> ContentError:
    loc, parent = step.loc, step.parent
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    value = detail.get("input")
    field = dotted(loc)
    last = loc[-1] if loc else ""
    in_text = Text in parent and last in ("fr", "en")

    def at(position_loc: Loc, code: Code, how: str = "value", **params: Any) -> ContentError:
        pos = {
            "value": positions.of_value,
            "key": positions.of_key,
            "missing": positions.of_missing,
        }[how](position_loc)
        return ContentError(path, pos.line, pos.col, code, {"field": field, **params})

    if kind == "missing":
        if in_text:
            return at(
                loc,
                Code.MISSING_TRANSLATION,
                "missing",
                state="missing",
                language=last,
                parent=dotted(loc[:-1]),
            )
        return at(loc, Code.MISSING_FIELD, "missing", key=str(last))
    if kind == "string_too_short" and in_text:
        return at(loc, Code.MISSING_TRANSLATION, state="empty", language=last, parent=dotted(loc[:-1]))
    if kind == "extra_forbidden":
        allowed = sorted({name for m in parent if _is_model(m) for name in m.model_fields})
        suggestions = difflib.get_close_matches(str(last), allowed, n=1, cutoff=0.6)
        return at(loc, Code.UNKNOWN_FIELD, "key", allowed=allowed, suggestions=suggestions)
    if kind in _EXPECTED_BY_TYPE:
        expected = _EXPECTED_BY_TYPE[kind]
        if expected == "mapping" and Text in step.here:
            expected = "translations"  # `name: Lanaudière` instead of fr:/en: under name:
        return at(loc, Code.WRONG_TYPE, expected=expected, found=_describe(value))
    if kind in ("enum", "literal_error"):
        return at(loc, Code.BAD_ENUM, value=value, **_allowed(step, value))
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        code = _pattern_codes().get(pattern, Code.BAD_FORMAT)
        return at(loc, code, value=value, pattern=pattern)
    if kind in _DATE_TYPES:
        return at(loc, Code.BAD_DATE, value=value)
    if kind in _BOUNDS:
        key, sign = _BOUNDS[kind]
        return at(loc, Code.OUT_OF_RANGE, value=value, bound=f"{sign} {ctx.get(key)}")
    if kind == "too_short":
        return at(loc, Code.EMPTY_LIST)
    if kind == "string_too_short":
        return at(loc, Code.EMPTY_VALUE)
    if kind in ("string_too_long", "too_long"):
        length = len(value) if isinstance(value, str | list) else "?"
        return at(loc, Code.TOO_LONG, length=length, max=ctx.get("max_length"))
    if kind in _CUSTOM:
        code = _CUSTOM[kind]
        if code is Code.SAMPLE_EMAIL:
            email_loc = (*loc, "email")
            email = value.get("email") if isinstance(value, dict) else None
            pos = positions.of_value(email_loc)
            return ContentError(path, pos.line, pos.col, code, {"field": dotted(email_loc), "value": email})
        return at(loc, code, "key")
    return at(loc, Code.INVALID, detail=kind)


def _choices(options: list[Any]) -> list[str]:
    allowed: list[str] = []
    for option in options:
        if isinstance(option, type) and issubclass(option, enum.Enum):
            allowed.extend(str(member.value) for member in option)
        elif typing.get_origin(option) is typing.Literal:
            allowed.extend(str(arg) for arg in typing.get_args(option))
    return allowed


def _allowed(step: _Step, value: Any) -> dict[str, Any]:
    """The values an enum or literal field accepts (and, for ``"all"`` or a
    list, the list's values), plus a quoting hint for a region code YAML read
    as a number (``code: 07`` is the integer 7)."""
    allowed = _choices(step.here)
    params: dict[str, Any] = {"allowed": allowed}
    lists = [typing.get_args(o)[0] for o in step.others if typing.get_origin(o) is list]
    if lists:
        params["list_of"] = _choices([opt for item in lists for opt in _options(item)])
    if isinstance(value, int) and not isinstance(value, bool) and f"{value:02d}" in allowed:
        params["quoted"] = f"{value:02d}"
    return params


def _describe(value: Any) -> str:
    """The YAML type a value was read as, as a word of ``messages.WORDS``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, dt.date):
        return "date"
    return type(value).__name__


def _value_at(data: Any, loc: Loc) -> Any:
    for step in loc:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _options(tp: Any) -> list[Any]:
    """The concrete types behind an annotation: ``Annotated`` unwrapped, unions
    flattened, ``None`` left out."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _options(typing.get_args(tp)[0])
    if origin is typing.Union or origin is types.UnionType:
        return [opt for arg in typing.get_args(tp) for opt in _options(arg)]
    if tp is type(None):
        return []
    return [tp]


@dataclass(frozen=True)
class _Step:
    """Where pydantic's ``loc`` leads in a model (see :func:`_walk`)."""

    loc: Loc  # without union tags
    branch: str | None  # the union branch taken, e.g. "list[enum]"
    branch_loc: Loc  # where in the data that union is
    others: list[Any]  # the union's options not taken
    parent: list[Any]  # types of the mapping or list holding the last step
    here: list[Any]  # types at the last step


def _walk(model: type[BaseModel], loc: tuple[int | str, ...]) -> _Step:
    """Follow pydantic's ``loc`` through the model's annotations.

    Union tags (``"literal['all']"``, ``"list[enum]"``) name a branch of
    ``Literal["all"] | list[...]``, not a key of the file: they are left out of
    the returned ``loc`` and kept as ``branch``.
    """
    here: list[Any] = [model]
    parent: list[Any] = []
    clean: list[str | int] = []
    branch: str | None = None
    branch_loc: Loc = ()
    others: list[Any] = []
    for step in loc:
        if (
            isinstance(step, str)
            and len(here) > 1
            and not any(_is_model(m) and step in m.model_fields for m in here)
        ):
            branch, branch_loc = step, tuple(clean)
            wants_list = step.startswith("list[")
            others = [o for o in here if (typing.get_origin(o) is list) != wants_list]
            here = [o for o in here if (typing.get_origin(o) is list) == wants_list]
            continue
        parent = here
        clean.append(step)
        following: list[Any] = []
        for option in here:
            if isinstance(step, str) and _is_model(option) and step in option.model_fields:
                following.extend(_options(option.model_fields[step].annotation))
            elif isinstance(step, int) and typing.get_origin(option) is list:
                following.extend(_options(typing.get_args(option)[0]))
        here = following
    return _Step(tuple(clean), branch, branch_loc, others, parent, here)
