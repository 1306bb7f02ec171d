"""YAML loading that remembers where every value came from.

``parse_yaml`` turns a content file into plain Python data plus a
:class:`Positions` map from a pydantic-style ``loc`` (``("priorities", 2,
"title", "en")``) to the 1-based line and column of that key or value, so a
validation error can name ``file:line:col``. Problems the parser itself finds
(syntax, a tab in the indentation, a key written twice) come back as
:class:`~generator.errors.ContentError` at the parser's line.

The loader is PyYAML's safe loader (the libyaml one when available, for speed):
no arbitrary tags, no Python objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import Code, ContentError

try:  # libyaml parses ~10x faster; the Python loader behaves the same
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - libyaml is in the wheels we install
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

Loc = tuple[str | int, ...]
"""A path into the data, as pydantic reports it: mapping keys and list indexes."""

_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    col: int


START = Position(1, 1)


@dataclass
class Positions:
    """Where each key and value of one file starts.

    ``keys[loc]`` is the position of the key naming ``loc`` (for a list item:
    the item itself); ``values[loc]`` the position of its value. ``()`` is the
    document's top-level mapping.
    """

    keys: dict[Loc, Position] = field(default_factory=dict)
    values: dict[Loc, Position] = field(default_factory=dict)

    def of_value(self, loc: Loc) -> Position:
        """Where the value at ``loc`` starts, or its nearest existing ancestor."""
        for end in range(len(loc), -1, -1):
            found = self.values.get(loc[:end])
            if found is not None:
                return found
        return START

    def of_key(self, loc: Loc) -> Position:
        """Where the key naming ``loc`` is written (the value's start for the root)."""
        return self.keys.get(loc) or self.of_value(loc)

    def of_missing(self, loc: Loc) -> Position:
        """Where to report that ``loc`` is missing: at the key of the mapping lacking it."""
        return self.of_key(loc[:-1])


@dataclass
class ParsedYaml:
    """One parsed file: its data (``None`` when it could not be parsed), where
    each value is, and the problems the parser found."""

    data: Any
    positions: Positions
    errors: list[ContentError]


class LineLoader(_SafeLoader):
    """Safe loader whose impossible dates (``2021-13-01``) stay strings, so the
    model reports them as a bad date at their line instead of a crash."""


def _construct_timestamp(loader: LineLoader, node: ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def parse_yaml(content: bytes | str, path: str) -> ParsedYaml:
    """Parse one YAML document from ``content`` (the file's bytes or text).

    ``path`` is only used to name the file in errors. Returns the data, the
    positions of every key, value and list item, and every duplicate key or the
    first syntax error (the parser cannot go on after one).
    """
    positions = Positions()
    errors: list[ContentError] = []
    loader = LineLoader(content)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None, positions, [ContentError(path, 1, 1, Code.EMPTY_FILE)])
        _record(loader, node, (), positions, errors, path)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or exc.context or "?"
        code = Code.YAML_TAB if _tab_near(content, line) else Code.YAML_SYNTAX
        return ParsedYaml(None, positions, [ContentError(path, line, col, code, {"problem": problem})])
    except yaml.YAMLError as exc:  # ReaderError: bytes that are not UTF-8/16
        return ParsedYaml(
            None, positions, [ContentError(path, 1, 1, Code.YAML_SYNTAX, {"problem": str(exc)})]
        )
    finally:
        loader.dispose()
    return ParsedYaml(data, positions, errors)


def _tab_near(content: bytes | str, line: int) -> bool:
    """Whether the indentation of ``line`` or the line before holds a tab."""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    lines = text.splitlines()
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            raw = lines[number - 1]
            indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
            if "\t" in indent:
                return True
    return False


def _record(
    loader: LineLoader,
    node: Node,
    loc: Loc,
    positions: Positions,
    errors: list[ContentError],
    path: str,
) -> None:
    """Walk the node tree: note where each key, value and item starts, and report
    keys written twice in one mapping (PyYAML would silently keep the last)."""
    positions.values[loc] = _position(node)
    if isinstance(node, MappingNode):
        seen: dict[Any, Position] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG or not isinstance(key_node, ScalarNode):
                continue
            key = loader.construct_object(key_node)
            where = _position(key_node)
            if key in seen:
                errors.append(
                    ContentError(
                        path,
                        where.line,
                        where.col,
                        Code.DUPLICATE_KEY,
                        {"field": dotted((*loc, key)), "key": str(key), "first_line": seen[key].line},
                    )
                )
            seen.setdefault(key, where)
            child = (*loc, key)
            positions.keys[child] = where
            _record(loader, value_node, child, positions, errors, path)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            child = (*loc, index)
            positions.keys[child] = _position(item)
            _record(loader, item, child, positions, errors, path)


def dotted(loc: Loc) -> str:
    """``("priorities", 2, "title")`` → ``priorities[2].title``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
