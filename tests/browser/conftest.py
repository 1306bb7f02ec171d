"""Browser tests: Playwright for Python driving Debian's chromium against the local stack.

One session builds the site into a temporary directory (``mkdocs build --strict -d``) and
starts ``python -m devserver --port 0`` on it with a temporary var directory, so the
developer's ``site/`` and ``var/`` are never touched. Every test here is marked
``browser``.

No chromium: the tests skip with the reason, unless ``CI`` is set, where they fail
(``make test`` installs chromium through ``scripts/install-browser-deps.sh``). Playwright
never downloads a browser: it launches ``/usr/bin/chromium`` (``RELAIS_CHROMIUM`` to
point elsewhere).
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from .helpers import AXE, LANGS, ROOT, link_in, submit_and_confirm, text_of

SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path(os.environ.get("RELAIS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
POW_MAX_NUMBER = 20_000


def _missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} not found (sudo apt-get install chromium, or make browser-deps)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    if not AXE.is_file():
        return f"{AXE.relative_to(ROOT)} not found (npm ci, or make browser-deps)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_ready() -> None:
    """Skip (developer machine) or fail (CI) when chromium, playwright or axe-core is missing."""
    reason = _missing()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}; CI is unset")


@dataclass(frozen=True)
class Stack:
    """The running local stack: its base URL (ending in /) and its var directory."""

    url: str
    var: Path
    site: Path

    @property
    def outbox(self) -> Path:
        return self.var / "outbox"

    def emails(self) -> list[EmailMessage]:
        if not self.outbox.is_dir():
            return []
        return [
            message_from_bytes(p.read_bytes(), policy=policy.default)  # type: ignore[misc]
            for p in sorted(self.outbox.glob("*.eml"))
        ]

    def emails_about(self, reference: str) -> list[EmailMessage]:
        return [m for m in self.emails() if reference in str(m["Subject"])]

    def outbox_count(self) -> int:
        return len(list(self.outbox.glob("*.eml"))) if self.outbox.is_dir() else 0

    def records(self) -> list[dict[str, object]]:
        db_path = self.var / "requests.sqlite3"
        if not db_path.is_file():
            return []
        with sqlite3.connect(db_path) as db:
            return [json.loads(row[0]) for row in db.execute("SELECT item FROM requests")]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, browser_ready: None) -> Path:
    """The whole site, built once with ``mkdocs build --strict`` into a temporary directory."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


def _bound_url(proc: subprocess.Popen[str], timeout: float = 30) -> str:
    """The URL the devserver prints once bound; its output keeps being drained afterwards.

    The URL is documented as the first line, but the function's start-up log may come
    before it on the same stdout: take the first line that is a URL.
    """
    found: queue.Queue[str] = queue.Queue()
    seen: list[str] = []

    def drain() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if len(seen) < 20:
                seen.append(line.rstrip())
            if re.fullmatch(r"http://127\.0\.0\.1:\d+/?", line.strip()):
                found.put(line.strip())
        found.put("")

    threading.Thread(target=drain, daemon=True).start()
    try:
        url = found.get(timeout=timeout)
    except queue.Empty:
        url = ""
    if not url:
        proc.kill()
        pytest.fail("devserver did not print its URL; its output:\n" + "\n".join(seen), pytrace=False)
    return url if url.endswith("/") else url + "/"


@pytest.fixture(scope="session")
def stack(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """``python -m devserver --port 0`` on the built site with a temporary var directory."""
    var = tmp_path_factory.mktemp("var")
    # The browser fills the form in well under MIN_FILL_SECONDS (3 s by default): with the
    # default, every submission would be answered as a bot's (accepted, nothing sent).
    # The tests also send many requests from one address (127.0.0.1) and one email within a
    # minute: the abuse limits are raised for them (tests/function/test_limits.py covers them).
    env = {
        **os.environ,
        "RELAIS_VAR_DIR": str(var),
        "RELAIS_BACKEND": "local",
        "MIN_FILL_SECONDS": "0",
        **{
            f"LIMIT_{who}_PER_{window}": "1000"
            for who in ("CLIENT", "NOPOW", "EMAIL")
            for window in ("MINUTE", "HOUR", "DAY")
        },
        "CONFIRMATIONS_PER_DAY": "1000",
        "RECIPIENT_HOURLY_CAP": "1000",
        "RECIPIENT_DAILY_CAP": "1000",
        # A small proof of work: this machine's browser tests share two cores.
        "POW_MAX_NUMBER": str(POW_MAX_NUMBER),
    }
    env.pop("PORT", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "devserver", "--port", "0", "--site", str(built_site), "--var", str(var)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        url = _bound_url(proc)
        yield Stack(url=url, var=var, site=built_site)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def browser(browser_ready: None) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport=VIEWPORT, locale="fr-CA")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):  # type: ignore[no-untyped-def]
    return context.new_page()


@pytest.fixture
def nojs_page(browser):  # type: ignore[no-untyped-def]
    """A page in a context with JavaScript disabled."""
    ctx = browser.new_context(viewport=VIEWPORT, locale="fr-CA", java_script_enabled=False)
    ctx.set_default_timeout(10_000)
    yield ctx.new_page()
    ctx.close()


def screenshots_target(environ: Mapping[str, str], scratch: Path) -> Path:
    """Where the tests that take the README's screenshots write them: docs/screenshots/
    only when ``RELAIS_SCREENSHOTS=1`` (``make screenshots``), else ``scratch``, so that
    running the suite never rewrites tracked files."""
    return SCREENSHOTS if environ.get("RELAIS_SCREENSHOTS") == "1" else scratch


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = screenshots_target(os.environ, tmp_path_factory.mktemp("screenshots"))
    target.mkdir(parents=True, exist_ok=True)
    return target


# The lines of the emails carrying the links to the function's pages.
STATUS_LINK = {"fr": "Où en est votre demande", "en": "Where your request stands"}
TAKE_LINK = "Je prends la demande"


@pytest.fixture(scope="session")
def function_pages(browser: Any, stack: Stack) -> dict[tuple[str, str], str]:
    """``{(kind, lang): url}`` of the function's own pages (helpers.FUNCTION_PAGE_KINDS),
    from one request sent in each language: the requester's status page (in the request's
    language), the ERAC's action page (French, ``?lang=en`` for English) and the statistics
    table (``/api/stats?format=html``). Opening them changes nothing (GET)."""
    ctx = browser.new_context(viewport=VIEWPORT, locale="fr-CA")
    ctx.set_default_timeout(15_000)
    urls: dict[tuple[str, str], str] = {}
    try:
        page = ctx.new_page()
        for lang in LANGS:
            requester = f"pages-{lang}@atelier-exemple.ca"
            reference = submit_and_confirm(page, stack, lang, email=requester, postal_code="J6E 2A1")
            sent = stack.emails_about(reference)
            [confirmation] = [m for m in sent if requester in str(m["To"])]
            urls[("status", lang)] = link_in(text_of(confirmation), STATUS_LINK[lang])
            take = next(link_in(text_of(m), TAKE_LINK) for m in sent if TAKE_LINK in text_of(m))
            urls[("action", lang)] = take + ("?lang=en" if lang == "en" else "")
            urls[("statistics_table", lang)] = f"{stack.url}api/stats?format=html&lang={lang}"
    finally:
        ctx.close()
    return urls
