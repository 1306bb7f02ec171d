"""Building API Gateway v2 and SQS events from the samples in tests/events/."""

from __future__ import annotations

import base64
import contextlib
import copy
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

EVENTS = Path(__file__).resolve().parents[1] / "events"


def sample(name: str) -> dict[str, Any]:
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


def json_event(fields: dict[str, object] | str, *, b64: bool = False) -> dict[str, Any]:
    event = sample("api_json_post.json")
    body = fields if isinstance(fields, str) else json.dumps(fields, ensure_ascii=False)
    event["body"] = base64.b64encode(body.encode("utf-8")).decode("ascii") if b64 else body
    event["isBase64Encoded"] = b64
    return event


def form_event(fields: dict[str, object], *, b64: bool = True) -> dict[str, Any]:
    event = sample("api_form_post.json")
    body = urlencode({k: str(v) for k, v in fields.items()})
    event["body"] = base64.b64encode(body.encode("utf-8")).decode("ascii") if b64 else body
    event["isBase64Encoded"] = b64
    return event


def sqs_event(*submission_ids: str, receive_count: int = 1) -> dict[str, Any]:
    template = sample("sqs_delivery.json")["Records"][0]
    records = []
    for i, sid in enumerate(submission_ids):
        record = copy.deepcopy(template)
        record["messageId"] = f"msg-{i}"
        record["receiptHandle"] = f"rh-{i}"
        record["body"] = json.dumps({"submission_id": sid})
        record["attributes"]["ApproximateReceiveCount"] = str(receive_count)
        records.append(record)
    return {"Records": records}


def body(response: dict[str, Any]) -> dict[str, Any]:
    return json.loads(response["body"])


@contextlib.contextmanager
def running_devserver(
    site: Path, var: Path, table: Path, *extra: str, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`python -m devserver` on a free port, as `make dev` runs it; yields its URL and process,
    then stops it with SIGTERM and checks it shut down cleanly."""
    args = ["--port", "0", "--site", str(site), "--var", str(var), "--table", str(table), *extra]
    proc = subprocess.Popen(
        [sys.executable, "-m", "devserver", *args],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0  # clean shutdown on SIGTERM


def link_event(method: str, url: str, form: dict[str, str] | None = None) -> dict[str, Any]:
    """An API Gateway v2 event for a personal link (``…/a/<token>`` or ``…/s/<token>``) as
    found in an email; ``form`` is the confirmation page's POST body."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    path = parts.path[len("/api") :] if parts.path.startswith("/api/") else parts.path
    kind = path.split("/")[1]
    event = sample(
        {
            "a": "api_action_post.json" if method == "POST" else "api_action_get.json",
            "s": "api_status_get.json",
        }[kind]
    )
    event["rawPath"] = event["requestContext"]["http"]["path"] = path
    event["requestContext"]["http"]["method"] = method
    event["pathParameters"] = {"token": path.split("/", 2)[2]}
    event["rawQueryString"] = parts.query
    event["queryStringParameters"] = (
        dict(p.split("=", 1) for p in parts.query.split("&")) if parts.query else None
    )
    if method == "POST":
        event["body"] = urlencode(form or {})
        event["isBase64Encoded"] = False
    return event


def copy_project(root: Path) -> Path:
    """A copy under ``root`` of what a site build reads (mkdocs.yml, content/, site_src/ less
    its generated pages, generator/, functions/), so a test can edit content freely."""
    from devserver.watch import GENERATED

    repo = Path(__file__).resolve().parents[2]
    root.mkdir(parents=True)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    docs = repo / "site_src" / "docs"

    def ignore(folder: str, names: list[str]) -> set[str]:
        generated = {g.split("/")[0] for g in GENERATED if g != "assets/generated"}
        skip = generated if Path(folder) == docs else set()
        if Path(folder) == docs / "assets":
            skip = {"generated"}
        return {n for n in names if n == "__pycache__" or n in skip}

    for folder in ("content", "site_src", "generator"):
        shutil.copytree(repo / folder, root / folder, ignore=ignore)
    # The build asks the function's routing code for the finder's lookup (generator/finder.py).
    skip = shutil.ignore_patterns("__pycache__", "routing_table.json")
    shutil.copytree(repo / "functions", root / "functions", ignore=skip)
    return root
