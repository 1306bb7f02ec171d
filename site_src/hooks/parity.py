"""mkdocs hook: bilingual parity. Every page must exist in French and in English
(``page.fr.md`` and ``page.en.md``; an unsuffixed ``page.md`` counts as French).
mkdocs-static-i18n would otherwise build a one-language page silently; with
``fallback_to_default: false`` it would simply be missing from the other language.
The build fails listing every page without its translation.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

LANGUAGES = ("fr", "en")


def missing_translations(src_uris: list[str]) -> list[str]:
    """``["regions/x.md: missing en", …]`` for pages present in one language only."""
    seen: dict[str, set[str]] = defaultdict(set)
    for uri in src_uris:
        path = PurePosixPath(uri)
        stem, _, lang = path.stem.rpartition(".")
        if not stem or lang not in LANGUAGES:
            stem, lang = path.stem, "fr"
        seen[str(path.with_name(stem + path.suffix))].add(lang)
    return [
        f"{page}: {'/'.join(lang for lang in LANGUAGES if lang not in langs)} missing"
        for page, langs in sorted(seen.items())
        if set(LANGUAGES) - langs
    ]


@event_priority(100)  # before mkdocs-static-i18n (-100) drops the other language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = [f.src_uri for f in files.documentation_pages()]
    problems = missing_translations(pages)
    if problems:
        raise Abort(
            "Parité bilingue / bilingual parity: each page needs a French and an English version\n"
            + "\n".join(problems)
        )
    return files
