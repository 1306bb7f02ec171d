"""Rebuild the site when its sources change, so `make dev` shows an edit without a restart.

The operating system tells the watcher which files changed (inotify on Linux, through
watchdog, which mkdocs already depends on): content files (``content/**.yaml``),
``site_src/`` less what the build writes there, and ``generator/``. A change to content
files that already existed goes to the fast path (devserver/preview.py, a long-lived
process that keeps the content and mkdocs' state loaded): it re-reads those files,
validates, and renders only the pages they change, into the served site. Everything else
(a new or removed file, a template, the generator, an edit the fast path cannot confine
to pages) runs ``mkdocs build --strict`` beside the served site, swaps it in and hands
the new routing table to the running app; the fast path then restarts on the new site.

After a fast update, the same full build runs in the background, so what the fast path
leaves as it was (the search index, the open data, ``sitemap.xml``) follows; the next
edit cancels it. A content error prints the validator's ``file:line`` messages and keeps
serving the last good site: a bad edit breaks nothing and is never lost (the file on
disk is the editor's).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

# Written by the build itself (generator/render GENERATED_DIRS, generator/opendata OUTPUT,
# generator/finder PATH): watching them would rebuild forever.
GENERATED = (
    "regions",
    "programmes",
    "organisations",
    "conseillers",
    "codes-postaux",
    "_generated",
    "donnees",
    "assets/generated",
)
WATCHED = ("content", "site_src", "generator")
# How often the watcher looks at what it was told, and how long a file must stay quiet
# before it is read (an editor's save can be several writes).
INTERVAL = 0.05
SETTLE = 0.05
PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # where `devserver` is importable from


def is_source(root: Path, path: Path) -> bool:
    """Whether the build reads ``path``: a content file, or a file of site_src/ (generated
    pages excluded) or generator/. An editor's swap or backup file in content/ is not."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return False
    if not parts or parts[0] not in WATCHED or "__pycache__" in parts:
        return False
    if parts[0] == "content":
        return path.suffix == ".yaml" and not path.name.startswith(".")
    if parts[:2] == ("site_src", "docs"):
        inside = "/".join(parts[2:])
        return not any(inside == g or inside.startswith(g + "/") for g in GENERATED)
    return True


def sources(root: Path) -> list[Path]:
    """Every file a build reads, generated pages excluded."""
    docs = root / "site_src" / "docs"
    skip = {str(docs / name) for name in GENERATED}
    found: list[Path] = []
    for folder in WATCHED:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames[:] = [d for d in dirnames if d != "__pycache__" and os.path.join(dirpath, d) not in skip]
            found.extend(p for name in filenames if is_source(root, p := Path(dirpath, name)))
    return found


class ChangeFeed(FileSystemEventHandler):
    """The source files that changed since the last :meth:`take`, as the operating system
    reports them. Start it before saying you watch: what changes after is not missed."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._lock = threading.Lock()
        self._changed: set[Path] = set()
        self._last = 0.0
        self.observer = Observer()
        for folder in WATCHED:
            if (self.root / folder).is_dir():
                self.observer.schedule(self, str(self.root / folder), recursive=True)
        self.observer.start()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or event.is_directory:
            return
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = Path(os.fsdecode(raw)) if raw else None
            if path is not None and is_source(self.root, path):
                with self._lock:
                    self._changed.add(path)
                    self._last = time.monotonic()

    def take(self, settle: float = SETTLE) -> set[Path]:
        """The changed files, once none has changed for ``settle`` seconds; else nothing."""
        with self._lock:
            if not self._changed or time.monotonic() - self._last < settle:
                return set()
            changed, self._changed = self._changed, set()
            return changed

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)


def _mkdocs_build(root: Path, site: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--quiet",
        "-f",
        str(root / "mkdocs.yml"),
        "-d",
        str(site),
    ]


def build_site(root: Path, site: Path) -> tuple[bool, str]:
    """``mkdocs build --strict`` of ``root`` into ``site``; (succeeded, what it printed)."""
    proc = subprocess.run(_mkdocs_build(root, site), cwd=root, capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def swap_in(fresh: Path, site: Path) -> None:
    """Put the built folder ``fresh`` in the place of ``site``: pages never go missing."""
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def rebuild_in_place(root: Path, site: Path) -> tuple[bool, str]:
    """Build beside ``site``, then swap the folders: pages never go missing mid-build, and a
    failed build leaves the served site as it was."""
    fresh = site.with_name(site.name + ".next")
    shutil.rmtree(fresh, ignore_errors=True)
    ok, output = build_site(root, fresh)
    if not ok:
        shutil.rmtree(fresh, ignore_errors=True)
        return False, output
    swap_in(fresh, site)
    return True, output


class BackgroundBuild:
    """A full build beside the site that nothing waits for, cancelled by the next change."""

    def __init__(self, root: Path, site: Path) -> None:
        self.site = site
        self.fresh = site.with_name(site.name + ".next")
        shutil.rmtree(self.fresh, ignore_errors=True)
        self.proc = subprocess.Popen(
            _mkdocs_build(root, self.fresh),
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def done(self) -> bool:
        return self.proc.poll() is not None

    def cancel(self) -> None:
        self.proc.kill()
        self.proc.communicate()
        shutil.rmtree(self.fresh, ignore_errors=True)

    def finish(self) -> tuple[bool, str]:
        """Swap the finished build in; (succeeded, what it printed)."""
        output = (self.proc.communicate()[0] or "").strip()
        if self.proc.returncode != 0:
            shutil.rmtree(self.fresh, ignore_errors=True)
            return False, output
        swap_in(self.fresh, self.site)
        return True, output


class PreviewWorker:
    """``python -m devserver.preview`` (the fast path) in its own process, so that a change
    to the generator is picked up by starting a new one. It loads in the background; until
    it says ``ready`` every change takes the full build."""

    def __init__(self, root: Path, site: Path) -> None:
        path = os.pathsep.join([str(PACKAGE_ROOT), os.environ.get("PYTHONPATH", "")])
        env = dict(os.environ, PYTHONPATH=path)
        # Run from the project root: its generator/ is the one the site is built with.
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "devserver.preview", str(root), str(site.resolve())],
            cwd=root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.ready = threading.Event()
        self.why_not: str | None = None
        threading.Thread(target=self._wait_until_ready, daemon=True).start()

    def _wait_until_ready(self) -> None:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if line == "ready":
            self.ready.set()
        else:
            self.why_not = line or "the fast path ended while loading"

    def update(self, changed: list[str]) -> dict[str, Any]:
        """The fast path's answer to a change (devserver/preview.py)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        try:
            self.proc.stdin.write(json.dumps(changed) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            self.ready.clear()
            return {"outcome": "full", "why": "the fast path ended"}
        answer: dict[str, Any] = json.loads(line)
        if self.proc.poll() is not None:
            self.ready.clear()
        return answer

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
        self.proc.communicate()


def _say(message: str) -> None:
    print(f"devserver: {message}", file=sys.stderr, flush=True)


def watch(
    root: Path,
    site: Path,
    on_rebuilt: Callable[[], None],
    stop: threading.Event,
    *,
    feed: ChangeFeed,
    interval: float = INTERVAL,
    fast: bool = True,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Bring the site up to date on each change ``feed`` reports until ``stop`` is set,
    calling ``on_rebuilt`` after each full build. ``fast=False`` keeps to full builds (the
    loop before the fast path, to compare them). ``on_ready`` is called once the fast
    path has loaded (at once when ``fast`` is off)."""
    root = root.resolve()
    worker = PreviewWorker(root, site) if fast else None
    background: BackgroundBuild | None = None
    pending: set[str] = set()  # changed files no build has taken in yet (the last one failed)
    announced = False
    try:
        while not stop.wait(interval):
            if not announced and (worker is None or worker.ready.is_set() or worker.why_not):
                announced = True
                if worker is not None and worker.why_not:
                    _say(f"no fast preview ({worker.why_not}); each edit rebuilds the whole site")
                if on_ready is not None:
                    on_ready()
            finished = background is not None and background.done()
            changed = feed.take()
            if not changed:
                if background is not None and finished:
                    ok, output = background.finish()
                    background = None
                    if ok:
                        on_rebuilt()
                        _say("search index, open data and sitemap brought up to date")
                    else:
                        _say(f"{output}\ndevserver: the background build failed")
                continue
            pending |= {p.relative_to(root).as_posix() for p in changed}
            if background is not None:
                background.cancel()
                background = None
            content_only = all(p.startswith("content/") for p in pending)
            if worker is not None and worker.ready.is_set() and content_only:
                answer = worker.update(sorted(pending))
                if answer["outcome"] == "invalid":
                    _say(f"{answer['errors']}\ndevserver: invalid content; still serving the last good site")
                    continue
                if answer["outcome"] == "updated":
                    pending.clear()
                    _say(f"{len(answer['pages'])} file(s) updated in {answer['seconds']:.2f} s")
                    background = BackgroundBuild(root, site)
                    continue
                _say(f"{answer.get('why', 'the fast path declined')}: rebuilding the whole site…")
            else:
                _say("change seen, rebuilding the site…")
            ok, output = rebuild_in_place(root, site)
            if not ok:
                _say(f"{output}\ndevserver: build failed; still serving the last good site")
                continue
            pending.clear()
            on_rebuilt()
            _say("site rebuilt")
            if worker is not None:  # its content and mkdocs state are the old site's
                worker.stop()
                worker = PreviewWorker(root, site)
    finally:
        if background is not None:
            background.cancel()
        if worker is not None:
            worker.stop()
