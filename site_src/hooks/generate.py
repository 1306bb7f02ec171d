"""mkdocs hook: regenerate the pages, the routing table and the open data from
``content/`` before each build, so ``mkdocs serve`` shows content edits without a
restart (``watch: [content, generator/templates]`` in mkdocs.yml).

A content error aborts the build with every ``file:line:col: message`` line.
``RELAIS_GENERATE=0`` skips this step (the site tests render a fixture Directory
themselves). mkdocs-static-i18n runs one build per language; the second one finds
nothing changed and skips the work.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)

_last_fingerprint: str | None = None


def _fingerprint(root: Path) -> str:
    """Names, sizes and modification times of everything the generator reads."""
    digest = hashlib.sha256()
    for folder in ("content", "generator"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def on_pre_build(config: MkDocsConfig) -> None:
    global _last_fingerprint
    if os.environ.get("RELAIS_GENERATE", "1") == "0":
        return
    root = Path(config.config_file_path).resolve().parent
    fingerprint = _fingerprint(root)
    if fingerprint == _last_fingerprint:
        return

    # mkdocs imports hooks by file path: make the repository's packages importable.
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from generator.load import load_directory
    from generator.outputs import write_outputs

    result = load_directory(root)
    if result.errors or result.directory is None:
        lines = [error.render("fr") for error in result.errors]
        raise Abort("Contenu invalide / invalid content:\n" + "\n".join(lines))
    write_outputs(result.directory, root)
    _last_fingerprint = fingerprint
    log.info("generated pages and open data from content/")
