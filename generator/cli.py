"""The generator's command line: ``python -m generator COMMAND``.

Commands::

    validate [--lang fr|en] [--root PATH]   check every content file
    build    [--lang fr|en] [--root PATH]   validate, then write the routing table,
                                            the site's pages and the open data
    schemas  [--check] [--root PATH]        write (or check) schemas/*.json
    reference [--check] [--root PATH]       write (or check) docs/content-reference.md,
                                            the editors' table of every content field
                                            (generator/reference.py)
    new      program|organisation|advisor [--lang fr|en] [--answers FILE] [--root PATH]
                                            start a content file from a few questions
                                            (generator/scaffold.py)
    routing-diff BASE_REF [--lang fr|en] [--root PATH]
                                            Markdown of the routing changes between a
                                            git ref and the working tree
                                            (generator/routing_diff.py)

Exit status: 0 when all is well; 1 for a content error (every error is printed as
``file:line:col: message`` plus a hint line, then the count), stale schemas or a
stale reference page;
2 for a mistyped command (argparse); 3 for a bug in the generator, with the
traceback. Each command is registered by a ``register_*`` function listed in
``COMMANDS``, so a new one is one function and one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from generator import coverage, load, reference, routing_diff, scaffold, schemas
from generator.messages import cli_text
from generator.outputs import write_outputs
from generator.vocab import LANGUAGES

EXIT_OK = 0
EXIT_CONTENT_ERROR = 1
EXIT_BUG = 3

REPO_ROOT = Path(__file__).resolve().parents[1]

Command = Callable[[argparse.Namespace], int]


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=[str(language) for language in LANGUAGES],
        default="fr",
        help="language of the messages (default: fr)",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=REPO_ROOT,
        help="repository root holding content/ (default: this repository)",
    )


def _print(*lines: str) -> None:
    for line in lines:
        print(line)


def validate(root: Path, lang: str) -> load.LoadResult | None:
    """Load ``root``'s content and print every error (then the count) or the
    one-line summary. Returns the result, or ``None`` when there is no
    ``content/`` folder at all."""
    if not (root / "content").is_dir():
        print(cli_text("no_content", lang, root=root), file=sys.stderr)
        return None
    result = load.load_directory(root)
    if result.errors:
        _print(*(error.render(lang) for error in result.errors))
        _print(cli_text("count", lang, count=len(result.errors)))
    elif result.directory is not None:
        directory = result.directory
        _print(
            cli_text(
                "valid",
                lang,
                regions=len(directory.regions),
                organisations=len(directory.organisations),
                advisors=len(directory.advisors),
                programs=len(directory.programs),
            )
        )
        _print(coverage.summary_line(coverage.coverage(directory), lang))
        _print(
            *(coverage.stale_line(item, lang) for item in coverage.stale_records(directory, dt.date.today()))
        )
    return result


def cmd_validate(args: argparse.Namespace) -> int:
    """``validate``: exit 0 when every file is valid, 1 otherwise."""
    result = validate(args.root, args.lang)
    return EXIT_OK if result is not None and result.ok else EXIT_CONTENT_ERROR


def build(root: Path, lang: str = "fr") -> int:
    """Validate ``root``'s content, then write everything built from it
    (:func:`generator.outputs.write_outputs`). Returns the exit status."""
    result = validate(root, lang)
    if result is None or result.directory is None:
        return EXIT_CONTENT_ERROR
    written = write_outputs(result.directory, root)
    _print(cli_text("wrote", lang, path=written.relative_to(root).as_posix()))
    return EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    """``build``: see :func:`build`."""
    return build(args.root, args.lang)


def cmd_schemas(args: argparse.Namespace) -> int:
    """``schemas``: write schemas/*.json, or with ``--check`` exit 1 when stale."""
    root: Path = args.root
    if args.check:
        stale = schemas.stale_schemas(root)
        _print(*(cli_text("schemas_stale", args.lang, path=p.relative_to(root).as_posix()) for p in stale))
        if stale:
            return EXIT_CONTENT_ERROR
        _print(cli_text("schemas_ok", args.lang, count=len(schemas.schema_texts())))
        return EXIT_OK
    for path in schemas.write_schemas(root):
        _print(cli_text("wrote", args.lang, path=path.relative_to(root).as_posix()))
    return EXIT_OK


def cmd_coverage(args: argparse.Namespace) -> int:
    """``coverage``: write docs/network-coverage.md, or with ``--check`` exit 1 when stale."""
    root: Path = args.root
    result = load.load_directory(root)
    if result.directory is None:
        _print(*(error.render(args.lang) for error in result.errors))
        return EXIT_CONTENT_ERROR
    path = root / coverage.COVERAGE_DOC
    text = coverage.coverage_markdown(coverage.coverage(result.directory))
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            _print(cli_text("coverage_stale", args.lang, path=coverage.COVERAGE_DOC))
            return EXIT_CONTENT_ERROR
        _print(cli_text("reference_ok", args.lang, path=coverage.COVERAGE_DOC))
        return EXIT_OK
    path.write_text(text, encoding="utf-8")
    _print(cli_text("wrote", args.lang, path=coverage.COVERAGE_DOC))
    return EXIT_OK


def register_coverage(sub: Any) -> None:
    parser = sub.add_parser(
        "coverage", help="write docs/network-coverage.md (ERACs named, real and sample records)"
    )
    _common(parser)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed page is stale")
    parser.set_defaults(func=cmd_coverage)


def register_validate(sub: Any) -> None:
    parser = sub.add_parser("validate", help="check every content file")
    _common(parser)
    parser.set_defaults(func=cmd_validate)


def register_build(sub: Any) -> None:
    parser = sub.add_parser("build", help="validate, then write the routing table, pages and open data")
    _common(parser)
    parser.set_defaults(func=cmd_build)


def register_schemas(sub: Any) -> None:
    parser = sub.add_parser("schemas", help="write schemas/*.json from the models")
    _common(parser)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed schemas are stale")
    parser.set_defaults(func=cmd_schemas)


def register_reference(sub: Any) -> None:
    parser = sub.add_parser("reference", help="write docs/content-reference.md from the models")
    reference.add_arguments(parser, default_root=REPO_ROOT)
    parser.set_defaults(func=reference.run)


def register_new(sub: Any) -> None:
    parser = sub.add_parser(
        "new", help="start a content file (program, organisation, advisor) from questions"
    )
    scaffold.add_arguments(parser, default_root=REPO_ROOT)
    parser.set_defaults(func=scaffold.run)


def register_routing_diff(sub: Any) -> None:
    parser = sub.add_parser("routing-diff", help="Markdown of the routing changes since a git ref")
    routing_diff.add_arguments(parser, default_root=REPO_ROOT)
    parser.set_defaults(func=routing_diff.run)


COMMANDS: list[Callable[[Any], None]] = [
    register_validate,
    register_build,
    register_schemas,
    register_reference,
    register_new,
    register_routing_diff,
    register_coverage,
]
"""One ``register_*(subparsers)`` per command; ``new`` and ``routing-diff`` go here."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command of ``COMMANDS``."""
    parser = argparse.ArgumentParser(
        prog="python -m generator", description="Relais: content → site, routing table, open data."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for register in COMMANDS:
        register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0, 1, or 3 for a bug)."""
    args = build_parser().parse_args(argv)
    command: Command = args.func
    try:
        return command(args)
    except Exception:  # a bug, by definition: content errors are values, not exceptions
        traceback.print_exc()
        print(cli_text("bug", getattr(args, "lang", "fr")), file=sys.stderr)
        return EXIT_BUG
