"""Serve ``site/`` statically and ``/api/requests`` through the function's own handler, and
run the function's scheduled tasks (the sweep…) as EventBridge Scheduler does in AWS.

``GET /api/challenge`` gives the form's proof-of-work challenge, as in AWS. The client
address the abuse limits count (API Gateway's ``sourceIp``) is the TCP peer; with
``--behind-proxy`` (only when a reverse proxy you run sits in front) it is the last
address in ``X-Forwarded-For``, the one that proxy appended: earlier entries are whatever
the client wrote.

The POST becomes an API Gateway HTTP API v2 event (base64 body, lower-case headers) and
goes to ``functions.route_request.handler.handle`` with the local backend: SQLite under
``var/``, emails as ``.eml`` files in ``var/outbox/``, delivery inline right after the
record. Standard library only (``http.server``).
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import signal
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from functions.route_request.app import App, build_app
from functions.route_request.handler import handle
from functions.route_request.settings import Settings
from functions.route_request.table import TableError, load_table

from .scheduler import run_at_start, run_periodically
from .watch import ChangeFeed, watch

API_PATH = "/api/requests"
CHALLENGE_PATH = "/api/challenge"
# The function's routes under /api (template.yaml's HttpApi events, docs/openapi.yaml).
# /a/{token}: an email's personal link (GET page, POST action); /s/{token}: the requester's
# status page; /stats: the response-time statistics.
API_ROUTES = (API_PATH, CHALLENGE_PATH, "/api/a/{token}", "/api/s/{token}", "/api/stats")
# A personal link's token is a credential: the request log shows its route, not the token.
_TOKEN = re.compile(r"(/api/[as]/)[^\s?\"]+")


class LocalServer(ThreadingHTTPServer):
    """One thread per connection, and room for a burst: ``socketserver``'s listen backlog of
    5 reset 9 to 17 of 40 simultaneous posts before any thread could accept them. The kernel
    caps the backlog at ``net.core.somaxconn`` (4096 on Linux 5.4 and later)."""

    request_queue_size = 1024


class RelaisHandler(SimpleHTTPRequestHandler):
    """Static files from the site directory; the request endpoint on ``API_PATH``."""

    app: App

    def __init__(self, *args: Any, app: App, behind_proxy: bool = False, **kwargs: Any) -> None:
        self.app = app
        self.behind_proxy = behind_proxy
        super().__init__(*args, **kwargs)

    def client_address_seen(self) -> str:
        """What API Gateway would put in ``sourceIp`` (see the module docstring)."""
        forwarded = self.headers.get("x-forwarded-for")
        if self.behind_proxy and forwarded:
            last = forwarded.split(",")[-1].strip()
            if last:
                return last
        return str(self.client_address[0])

    def _is_api(self) -> bool:
        path = urlsplit(self.path).path
        for route in API_ROUTES:
            prefix, brace, _ = route.partition("{")
            if (brace and path.startswith(prefix) and "/" not in path[len(prefix) :]) or (
                not brace and path.rstrip("/") == route
            ):
                return True
        return False

    # Every method on a route of the function goes to its handler (which answers 405 with
    # ``Allow`` to a method the route does not take, as behind API Gateway); elsewhere,
    # static files.
    def do_GET(self) -> None:
        if self._is_api():
            self._call_function("GET")
        else:
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._is_api():
            self._call_function("HEAD")
        else:
            super().do_HEAD()

    def do_POST(self) -> None:
        if self._is_api():
            self._call_function("POST")
        else:
            self.send_error(404, "Not Found")

    def __getattr__(self, name: str) -> Any:
        """``do_PUT``, ``do_TRACE``… any other method: the function's answer on its routes, a
        plain 405 elsewhere (``http.server`` would answer 501, a server error)."""
        method = name.removeprefix("do_")
        if name.startswith("do_") and method.isalpha() and method.isupper():

            def other_method() -> None:
                if self._is_api():
                    self._call_function(method)
                else:
                    self.send_error(405, "Method Not Allowed")

            return other_method
        raise AttributeError(name)

    def _call_function(self, method: str) -> None:
        """The request as an API Gateway HTTP API v2 event, through the function's handler."""
        url = urlsplit(self.path)
        limit = self.app.settings.max_body_bytes
        try:
            length = int(self.headers.get("content-length") or 0)
        except ValueError:
            self.send_error(400, "Bad Content-Length")
            return
        # Read at most one byte past the limit: the handler answers 413 on its own.
        raw = self.rfile.read(min(max(length, 0), limit + 1))
        if length > limit + 1:
            self.close_connection = True  # the rest of an oversized body stays unread
        self.answer(self.event(method, url, raw))

    def event(self, method: str, url: Any, raw: bytes) -> dict[str, Any]:
        """The API Gateway HTTP API v2 event for this request."""
        return {
            "version": "2.0",
            "routeKey": f"{method} {url.path.removeprefix('/api')}",
            "rawPath": url.path,
            "rawQueryString": url.query,
            "queryStringParameters": dict(parse_qsl(url.query)) or None,
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "requestContext": {
                "http": {
                    "method": method,
                    "path": url.path,
                    "protocol": self.request_version,
                    "sourceIp": self.client_address_seen(),
                },
                "stage": "$default",
            },
            "body": base64.b64encode(raw).decode("ascii"),
            "isBase64Encoded": True,
        }

    def answer(self, event: dict[str, Any]) -> None:
        response = handle(event, self.app)
        payload = str(response.get("body") or "").encode("utf-8")
        self.send_response(int(response["statusCode"]))
        for name, value in (response.get("headers") or {}).items():
            self.send_header(name, str(value))
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing page gets the site's own 404 page (as a static host serves it)."""
        page = Path(self.directory) / "404.html"
        if code != 404 or self.command not in ("GET", "HEAD") or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        # Request lines only (paths and status); never bodies, so no personal data.
        line = _TOKEN.sub(r"\1…", format % args)
        sys.stderr.write(f"devserver: {line}\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m devserver", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("PORT", "8000")), help="0 = any free port"
    )
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site to serve (default site/)")
    parser.add_argument(
        "--var", type=Path, default=None, help="local state: SQLite and outbox (default var/)"
    )
    parser.add_argument("--table", type=Path, default=None, help="routing table (default: the function's)")
    parser.add_argument(
        "--behind-proxy",
        action="store_true",
        default=os.environ.get("RELAIS_BEHIND_PROXY", "") not in ("", "0"),
        help="take the client address from the last X-Forwarded-For entry (only behind your own proxy)",
    )
    parser.add_argument(
        "--schedule-every",
        type=float,
        default=None,
        metavar="SECONDS",
        help="run the scheduled tasks (sweep, redrive…) this often instead of at their AWS rates",
    )
    parser.add_argument(
        "--watch",
        type=Path,
        default=None,
        metavar="ROOT",
        help="rebuild the site from ROOT's content/, site_src/ and generator/ when they change",
    )
    parser.add_argument(
        "--full-rebuilds",
        action="store_true",
        help="with --watch: rebuild the whole site on every change, as before the fast preview "
        "(kept to compare them: benchmarks/edit_preview.py)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.site.is_dir():
        print(f"devserver: no site at {args.site}/ — run `make build` first", file=sys.stderr)
        return 1
    server = LocalServer((args.host, args.port), partial(RelaisHandler, app=None))  # type: ignore[arg-type]
    port = server.server_address[1]

    def stop(signum: int, frame: object) -> None:
        # shutdown() waits for serve_forever's loop, so never call it from the loop's thread;
        # called before the loop starts, it makes the loop end at once.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    origin = f"http://{args.host}:{port}"
    print(f"{origin}/", flush=True)  # first line: the bound URL (tests read it); the port already listens
    settings = Settings.from_env().with_overrides(backend="local", site_origin=origin)
    if args.var is not None:
        settings = settings.with_overrides(var_dir=args.var)
    if args.table is not None:
        settings = settings.with_overrides(routing_table_path=args.table)
    try:
        app = build_app(settings)
    except TableError as exc:
        server.server_close()
        print(f"devserver: {exc}", file=sys.stderr)
        return 1
    # Before serving: a request left pending by the last run is delivered now (scheduler.py).
    run_at_start(app)
    server.RequestHandlerClass = partial(
        RelaisHandler, app=app, directory=str(args.site), behind_proxy=args.behind_proxy
    )

    print(
        f"devserver: site {args.site}/, requests at {origin}{API_PATH}, mail in {settings.outbox_dir}/",
        flush=True,
    )
    stopping = threading.Event()
    threading.Thread(
        target=run_periodically,
        args=(app, stopping),
        kwargs={"every_seconds": args.schedule_every},
        daemon=True,
    ).start()
    watcher: threading.Thread | None = None
    if args.watch is not None:

        def reload_table() -> None:
            app.table = load_table(app.settings.routing_table_path)

        def say_ready() -> None:
            print("devserver: fast preview ready" if fast else "devserver: full rebuilds", flush=True)

        fast = not args.full_rebuilds
        feed = ChangeFeed(args.watch)  # listening before we say we watch: no edit is missed
        watcher = threading.Thread(
            target=watch,
            args=(args.watch, args.site, reload_table, stopping),
            kwargs={"feed": feed, "fast": fast, "on_ready": say_ready},
            daemon=True,
        )
        watcher.start()
        print(f"devserver: watching {args.watch}/ for edits", flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        stopping.set()
        server.server_close()
        if watcher is not None:  # it stops its build and fast-path processes
            watcher.join(timeout=5)
            feed.stop()
    return 0
