"""The fast path of `make dev`'s preview: a long-lived process that keeps the validated
content and mkdocs' state loaded and, on a content edit, renders only the pages it changes.

    python -m devserver.preview ROOT SITE

It loads every content file once (each file's record kept, so an edit re-reads that file
alone), then mkdocs' configuration, files and navigation once per language, as
``mkdocs build`` would before rendering pages (the generator hook is not run: the site in
SITE was built from the same content). It prints ``ready``, then answers each line of
standard input (a JSON list of changed paths, relative to ROOT) with one JSON line:

* ``{"outcome": "updated", "pages": [...], "seconds": s}``: the edited files were valid,
  the generated Markdown of each page that can show the edited records
  (``generator.render.affected``) was rendered and written when its text changed, and
  each changed page was rendered by mkdocs, French first, and written into SITE (each
  file replaced at once, never half-written);
* ``{"outcome": "invalid", "errors": "file:line:col: …"}``: nothing was written;
* ``{"outcome": "full", "why": "…"}``: the edit reaches further than pages (a new or
  removed file, a field the routing table reads, a warning from mkdocs…): the caller
  rebuilds the whole site (devserver/watch.py), then starts a new process.

What this path does not refresh (the search index, the open data, ``sitemap.xml``) the
watcher's full build in the background does, a few seconds later (a minute at 10×).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _populate_page, get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from generator.checks import Record, check_records
from generator.directory import Directory
from generator.errors import sort_errors
from generator.load import directory_from_records, load_file
from generator.models import KINDS
from generator.render import DOCS, make_environment, render_page
from generator.render.affected import page_for, pages_touched, vcards_touched
from generator.vcard import advisor_vcard, organisation_vcard
from generator.vocab import LANGUAGES, Language

# More files than this in one change (a checkout, a search-and-replace): rebuild everything.
MAX_FILES = 5


@dataclass
class MkdocsState:
    """What ``mkdocs build`` holds before it renders pages, for one language."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any  # jinja2.Environment


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: a reader sees the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_mkdocs(root: Path, site: Path, lang: Language) -> MkdocsState:
    """mkdocs' configuration, files, navigation and theme for ``lang``, as ``build()`` makes
    them before its page loop (mkdocs/commands/build.py), without the ``pre_build`` event
    (the generator hook) and without writing anything."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    # mkdocs-static-i18n builds the default language, then the others from its post_build
    # event; the language it is building decides the files, navigation and theme language.
    config.plugins["i18n"].current_language = lang.value  # type: ignore[attr-defined]
    config = config.plugins.on_config(config)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    for file in files.documentation_pages():
        if file.page is None:
            Page(None, file, config)
    env = config.plugins.on_env(env, config=config, files=files)
    # The search plugin only collects each page's text for search_index.json, which this
    # path does not write (the background build does): skip its work on each page.
    search = config.plugins.get("material/search") or config.plugins.get("search")
    events = config.plugins.events["page_context"]
    config.plugins.events["page_context"] = [e for e in events if getattr(e, "__self__", None) is not search]
    return MkdocsState(config, files, nav, env)


def render_html(state: MkdocsState, src_uri: str) -> tuple[Path, str]:
    """The HTML of one page, as ``mkdocs build`` writes it (``_populate_page`` then the body
    of ``_build_page``); returns its path in the site and its text."""
    file = state.files.get_file_from_path(src_uri)
    if file is None or file.page is None:
        raise KeyError(src_uri)
    page, config = file.page, state.config
    _populate_page(page, config, state.files)
    config._current_page = page
    try:
        page.active = True
        doc_files = state.files.documentation_pages()
        context = get_context(state.nav, doc_files, config, page)
        template = state.env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=state.nav)
        output = template.render(context)
        output = config.plugins.on_post_page(output, page=page, config=config)
    finally:
        page.active = False
        config._current_page = None
    return Path(file.abs_dest_path), output


class Preview:
    """The loaded content and mkdocs states; :meth:`update` applies one change."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root = root.resolve()
        self.site = site.resolve()
        self.docs = self.root / DOCS
        self.records: dict[str, Record] = {}
        errors = []
        for kind, model in KINDS.items():
            for file in sorted((self.root / "content" / kind).glob("*.yaml")):
                rel = file.relative_to(self.root).as_posix()
                record, file_errors = load_file(file.read_bytes(), rel, kind, model)
                errors += file_errors
                if record is not None:
                    self.records[rel] = record
        errors += check_records(list(self.records.values()))
        if errors:
            raise ValueError("the content has errors: start from a valid site")
        self.directory: Directory = directory_from_records(list(self.records.values()))
        self.jinja = make_environment()
        self.mkdocs = {lang: load_mkdocs(self.root, self.site, lang) for lang in LANGUAGES}
        for lang, state in self.mkdocs.items():  # compile the theme's templates now, not on the first edit
            render_html(state, f"regions/{next(iter(self.directory.regions))}.{lang.value}.md")

    def update(self, changed: list[str]) -> dict[str, Any]:
        started = time.perf_counter()
        if len(changed) > MAX_FILES:
            return {"outcome": "full", "why": f"{len(changed)} files changed"}
        records = dict(self.records)
        edited: list[tuple[str, str]] = []  # (kind, id)
        errors = []
        for rel in changed:
            parts = rel.split("/")
            path = self.root / rel
            if len(parts) != 3 or parts[0] != "content" or rel not in records or not path.is_file():
                return {"outcome": "full", "why": f"{rel}: not an existing content file"}
            kind = parts[1]
            record, file_errors = load_file(path.read_bytes(), rel, kind, KINDS[kind])
            errors += file_errors
            if record is not None:
                if record.model.id != records[rel].model.id:  # type: ignore[attr-defined]
                    return {"outcome": "full", "why": f"{rel}: its id changed"}
                records[rel] = record
                edited.append((kind, record.model.id))  # type: ignore[attr-defined]
        if not errors:
            errors = check_records(list(records.values()))
        if errors:
            lines = [error.render("fr") for error in sort_errors(errors)]
            return {"outcome": "invalid", "errors": "\n".join(lines)}
        # One record at a time, so each comparison is between directories that differ by it.
        pages: set[str] = set()
        vcards: set[str] = set()
        before = self.directory
        step = dict(self.records)
        for rel, (kind, record_id) in zip(changed, edited, strict=True):
            step[rel] = records[rel]
            after = directory_from_records(list(step.values()))
            touched = pages_touched(before, after, kind, record_id)
            if touched is None:
                return {"outcome": "full", "why": f"{rel}: this change reaches beyond its pages"}
            pages |= touched
            vcards |= vcards_touched(after, kind, record_id)
            before = after
        written = self._write(before, pages, vcards)
        self.records, self.directory = records, before
        return {"outcome": "updated", "pages": written, "seconds": round(time.perf_counter() - started, 3)}

    def _write(self, directory: Directory, pages: set[str], vcards: set[str]) -> list[str]:
        """Write the generated Markdown that changed, then its HTML; French first."""
        counter = CountHandler()
        counter.setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(counter)
        written = []
        try:
            for lang in LANGUAGES:
                state = self.mkdocs[lang]
                for name in sorted(vcards):
                    src_uri = f"{name}.{lang.value}.vcf"
                    text = self._vcard(directory, name, lang)
                    if self._write_source(src_uri, text):
                        file = state.files.get_file_from_path(src_uri)
                        if file is None:
                            raise KeyError(src_uri)
                        write_atomically(Path(file.abs_dest_path), text.encode("utf-8"))
                        written.append(src_uri)
                for path in sorted(pages):
                    src_uri = f"{path}.{lang.value}.md"
                    markdown = render_page(self.jinja, page_for(directory, path, lang), lang)
                    if not self._write_source(src_uri, markdown):
                        continue
                    dest, html = render_html(state, src_uri)
                    if counter.get_counts():
                        raise MkdocsWarning(src_uri)
                    write_atomically(dest, html.encode("utf-8"))
                    written.append(src_uri)
        finally:
            logging.getLogger("mkdocs").removeHandler(counter)
        return written

    def _write_source(self, src_uri: str, text: str) -> bool:
        """Write a generated file under site_src/docs unless it holds ``text``; True if written."""
        path = self.docs / src_uri
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            return False
        write_atomically(path, data)
        return True

    @staticmethod
    def _vcard(directory: Directory, name: str, lang: Language) -> str:
        folder, _, record_id = name.partition("/")
        if folder == "organisations":
            return organisation_vcard(directory.organisations[record_id], lang)
        advisor = directory.advisors[record_id]
        return advisor_vcard(advisor, directory.organisations[advisor.organisation], lang)


class MkdocsWarning(Exception):
    """mkdocs warned while rendering a page (strict mode fails on it): rebuild everything."""


def serve(root: Path, site: Path) -> int:
    """The line protocol of the module docstring, on standard input and output."""
    try:
        preview = Preview(root, site)
    except Exception as exc:  # the watcher falls back to full rebuilds; it prints why
        print(json.dumps({"outcome": "unavailable", "why": f"{type(exc).__name__}: {exc}"}), flush=True)
        return 1
    print("ready", flush=True)
    for line in sys.stdin:
        changed = json.loads(line)
        try:
            answer = preview.update(changed)
        except MkdocsWarning as exc:
            answer = {"outcome": "full", "why": f"mkdocs warned on {exc}"}
        except Exception as exc:  # a bug here must not cost the edit: the full build takes over
            print(json.dumps({"outcome": "full", "why": f"{type(exc).__name__}: {exc}"}), flush=True)
            return 3
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(serve(Path(sys.argv[1]), Path(sys.argv[2])))
