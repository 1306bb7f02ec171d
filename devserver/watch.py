"""Rebuild the site when its sources change, so `make dev` shows an edit without a restart.

A background thread polls the modification times of ``content/``, ``site_src/`` (less the
pages the generator writes there) and ``generator/``; on a change it runs
``mkdocs build --strict`` into the served directory, which regenerates the pages and the
routing table, then hands the new table to the running app. A content error prints the
validator's ``file:line`` messages and keeps serving the last good site: a bad edit
breaks nothing and is never lost (the file on disk is the editor's).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

# Written by the build itself (generator/render GENERATED_DIRS, generator/opendata OUTPUT):
# watching them would rebuild forever.
GENERATED = ("regions", "programmes", "organisations", "_generated", "donnees")


def sources(root: Path) -> list[Path]:
    """Every file a build reads, generated pages excluded."""
    docs = root / "site_src" / "docs"
    skip = {docs / name for name in GENERATED}
    found = []
    for folder in (root / "content", root / "site_src", root / "generator"):
        for path in folder.rglob("*"):
            if (
                path.is_file()
                and "__pycache__" not in path.parts
                and not any(s in path.parents for s in skip)
            ):
                found.append(path)
    return found


def snapshot(root: Path) -> dict[Path, tuple[int, int]]:
    """(mtime, size) of every source file; a change in the set or in any entry means rebuild."""
    state = {}
    for path in sources(root):
        try:
            stat = path.stat()
        except FileNotFoundError:  # removed while we looked
            continue
        state[path] = (stat.st_mtime_ns, stat.st_size)
    return state


def build_site(root: Path, site: Path) -> tuple[bool, str]:
    """``mkdocs build --strict`` of ``root`` into ``site``; (succeeded, what it printed)."""
    proc = subprocess.run(
        [
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
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def rebuild_in_place(root: Path, site: Path) -> tuple[bool, str]:
    """Build beside ``site``, then swap the folders: pages never go missing mid-build, and a
    failed build leaves the served site as it was."""
    fresh = site.with_name(site.name + ".next")
    shutil.rmtree(fresh, ignore_errors=True)
    ok, output = build_site(root, fresh)
    if not ok:
        shutil.rmtree(fresh, ignore_errors=True)
        return False, output
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    site.rename(old)
    fresh.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return True, output


def watch(
    root: Path,
    site: Path,
    on_rebuilt: Callable[[], None],
    stop: threading.Event,
    *,
    since: dict[Path, tuple[int, int]],
    interval: float = 1.0,
) -> None:
    """Poll until ``stop`` is set; rebuild on each change from ``since`` (a :func:`snapshot`
    taken before the caller reports it is watching), then call ``on_rebuilt``."""
    last = since
    while not stop.wait(interval):
        current = snapshot(root)
        if current == last:
            continue
        last = current
        print("devserver: change seen, rebuilding the site…", file=sys.stderr, flush=True)
        ok, output = rebuild_in_place(root, site)
        if not ok:
            print(
                f"{output}\ndevserver: build failed; still serving the last good site",
                file=sys.stderr,
                flush=True,
            )
            continue
        on_rebuilt()
        print("devserver: site rebuilt", file=sys.stderr, flush=True)
