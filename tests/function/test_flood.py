"""A bounded flood against the local stack (`python -m devserver`, as `make dev` runs it).

The devserver runs with ``--behind-proxy`` so that each post's ``X-Forwarded-For`` plays
the client address (as a proxy in front would set it): one script can then be one source
or many forged ones. With the default limits:

1. hundreds of posts from one source, as fast as eight connections allow;
2. the same description from several forged sources;
3. distinct requests from many forged sources, all to Lanaudière, past its daily cap;
then the digest command. The ERAC's inbox gets at most the cap plus one digest, every
request answered 2xx is recorded, and no answer is a 5xx or a dropped connection.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlsplit

from .conftest import table_dict, valid_fields

ROOT = Path(__file__).resolve().parents[2]
ERAC = "erac-lanaudiere@example.org"
DAILY_CAP = 20  # settings.py's default RECIPIENT_DAILY_CAP


@contextlib.contextmanager
def devserver(site: Path, var: Path, table: Path, log: Path) -> Iterator[str]:
    """The devserver behind a forged proxy, its output in ``log`` (a pipe nobody reads
    would fill up with hundreds of log lines and stall the server)."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "devserver", "--port", "0", "--behind-proxy"),
                *("--site", str(site), "--var", str(var), "--table", str(table)),
            ],
            cwd=ROOT,
            env={**os.environ, "MIN_FILL_SECONDS": "0"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while not (found := re.search(r"^(http://127\.0\.0\.1:\d+)/$", log.read_text(), re.M)):
                assert proc.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.1)
            yield found.group(1) + "/"
        finally:
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0, log.read_text()[-2000:]


def post(url: str, fields: dict[str, object], source: str) -> tuple[int, dict[str, object]]:
    """One JSON post; a dropped connection or a timeout raises (and fails the test)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(
            "POST",
            "/api/requests",
            body=json.dumps(fields).encode(),
            headers={"Content-Type": "application/json", "X-Forwarded-For": source},
        )
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    return response.status, json.loads(data) if data else {}


def request_fields(n: int, **changes: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "submission_id": str(uuid.uuid4()),
        "email": f"flood{n}@example.org",
        "postal_code": "J6E 1A1",
        "description": f"Demande d'aide numéro {n}",
    }
    return valid_fields(**{**fields, **changes})


def test_a_flood_is_bounded_and_loses_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>Relais</h1>", encoding="utf-8")
    table = tmp_path / "routing_table.json"
    table.write_text(json.dumps(table_dict()), encoding="utf-8")
    var = tmp_path / "var"
    answers: list[tuple[int, dict[str, object]]] = []
    with devserver(site, var, table, tmp_path / "devserver.log") as url:
        with ThreadPoolExecutor(max_workers=8) as pool:
            # 1. one source, 300 posts (distinct emails and descriptions, as a script would)
            one_source = list(pool.map(lambda n: post(url, request_fields(n), "203.0.113.66"), range(300)))
            # 2. the same description from six forged sources
            same = list(
                pool.map(
                    lambda n: post(
                        url, request_fields(n, description="Texte copié partout"), f"198.51.100.{n - 1000}"
                    ),
                    range(1000, 1006),
                )
            )
            # 3. 40 distinct requests from 40 forged sources, all to Lanaudière
            many = list(
                pool.map(lambda n: post(url, request_fields(n), f"192.0.2.{n - 2000}"), range(2000, 2040))
            )
        answers = one_source + same + many

    statuses = [status for status, _ in answers]
    # no 5xx (and no dropped connection: post() would have raised)
    assert all(status < 500 for status in statuses), sorted(set(statuses))
    assert set(statuses) <= {202, 429}
    # one source: a few accepted (the no-proof limit per minute), the rest refused with a retry time
    accepted_one = [a for s, a in one_source if s == 202]
    assert 1 <= len(accepted_one) <= 2 and all(a["retry_after"] for s, a in one_source if s == 429)
    assert [s for s, _ in many] == [202] * 40  # distinct sources, distinct emails: all accepted

    # every request answered 2xx is recorded
    with sqlite3.connect(var / "requests.sqlite3") as db:
        records = [json.loads(row[0]) for row in db.execute("SELECT item FROM requests")]
    recorded = {r["reference"] for r in records}
    references = {str(a["reference"]) for s, a in answers if s == 202}
    assert references == recorded
    # the copied description: the third source and later are held, not delivered
    held = [r for r in records if set(r["deliveries"].values()) == {"held"}]
    assert len(held) == 4 and {r["request"]["description"] for r in held} == {"Texte copié partout"}

    # the morning digest, through the documented command
    result = subprocess.run(
        [sys.executable, "-m", "functions.route_request.operate", "digest"],
        cwd=ROOT,
        env={
            "RELAIS_BACKEND": "local",
            "RELAIS_VAR_DIR": str(var),
            "ROUTING_TABLE_PATH": str(table),
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    to_erac = []
    for path in (var / "outbox").glob("*.eml"):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)  # type: ignore[arg-type]
        if ERAC in str(message["To"]):
            to_erac.append(str(message["Subject"]))
    digests = [s for s in to_erac if "résumé" in s]
    # THEN the ERAC's inbox: at most the cap, plus one digest that carries the rest
    assert len(digests) == 1
    assert len(to_erac) <= DAILY_CAP + 1
    delivered = [r for r in records if r["deliveries"].get("erac") != "held"]
    assert len(delivered) > DAILY_CAP  # the flood did go past the cap: the digest is not idle
