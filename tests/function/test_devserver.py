"""The local stack: started on a free port in a subprocess, as `make dev` would."""

from __future__ import annotations

import http.client
import json
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from functions.route_request.errors import QueueUnavailable
from functions.route_request.intake import Accepted, IntakeConfig, submit
from functions.route_request.settings import Settings
from functions.route_request.store_sqlite import SqliteStore
from functions.route_request.table import RoutingTable

from .conftest import table_dict, valid_fields
from .helpers import running_devserver

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def devserver(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    site = tmp_path / "site"
    (site / "merci").mkdir(parents=True)
    (site / "index.html").write_text("<h1>Relais</h1>", encoding="utf-8")
    (site / "merci" / "index.html").write_text("<h1>Merci</h1>", encoding="utf-8")
    (site / "404.html").write_text("<h1>Page introuvable</h1>", encoding="utf-8")
    table = tmp_path / "routing_table.json"
    table.write_text(json.dumps(table_dict()), encoding="utf-8")
    var = tmp_path / "var"
    with running_devserver(site, var, table, env={"MIN_FILL_SECONDS": "0"}) as (url, _):
        yield url, var


def request(url: str, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def test_static_site_json_and_form_posts(devserver: tuple[str, Path]) -> None:
    url, var = devserver
    response, data = request(url, "GET", "/")
    assert response.status == 200 and b"Relais" in data

    fields = valid_fields(submission_id=str(uuid.uuid4()), started_at=None)
    response, data = request(
        url, "POST", "/api/requests", json.dumps(fields).encode(), {"Content-Type": "application/json"}
    )
    assert response.status == 202
    answer = json.loads(data)
    assert answer["status"] == "accepted" and answer["region"] == "06"

    form = valid_fields(
        submission_id=None, started_at=None, lang="en", business_name="Form Co", email="form@example.org"
    )
    response, _ = request(
        url,
        "POST",
        "/api/requests",
        urlencode({k: str(v) for k, v in form.items()}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 303
    location = response.getheader("Location")
    assert location.startswith(f"{url}en/merci/?reference=REL-")  # same origin

    emls = list((var / "outbox").glob("*.eml"))
    assert len(emls) == 6  # ERAC, advisor, requester for each request
    assert answer["reference"].encode() in b"".join(p.read_bytes() for p in emls)


def test_errors_and_unknown_paths(devserver: tuple[str, Path]) -> None:
    url, _ = devserver
    response, data = request(url, "POST", "/api/requests", b"{oops", {"Content-Type": "application/json"})
    assert response.status == 400 and json.loads(data)["status"] == "invalid"
    response, _ = request(url, "POST", "/api/requests", b"x" * 40_000, {"Content-Type": "application/json"})
    assert response.status == 413
    response, _ = request(url, "POST", "/elsewhere", b"{}", {"Content-Type": "application/json"})
    assert response.status == 404


def test_a_missing_page_gets_the_site_404_page(devserver: tuple[str, Path]) -> None:
    url, _ = devserver
    for path in ("/nulle-part/", "/en/regions/atlantide/"):
        response, data = request(url, "GET", path)
        assert response.status == 404
        assert response.getheader("Content-Type") == "text/html; charset=utf-8"
        assert b"Page introuvable" in data


# A load test of the local stack, from one address: no abuse limit, cap or duplicate hold
# (0 = none; tests/function/test_limits.py covers them).
NO_LIMITS = {
    "MIN_FILL_SECONDS": "0",
    **{
        f"LIMIT_{who}_PER_{window}": "0"
        for who in ("CLIENT", "NOPOW", "EMAIL")
        for window in ("MINUTE", "HOUR", "DAY")
    },
    "CONFIRMATIONS_PER_DAY": "1000",
    "RECIPIENT_HOURLY_CAP": "0",
    "RECIPIENT_DAILY_CAP": "0",
    "DUPLICATE_SOURCES": "0",
}


def test_a_burst_of_simultaneous_posts_is_answered_in_full(tmp_path: Path) -> None:
    """40 posts at once: every one answered (the default listen backlog of 5 reset a third)."""
    site, table = _site_and_table(tmp_path)
    var = tmp_path / "var"
    with running_devserver(site, var, table, env=NO_LIMITS) as (url, _):
        _burst(url, var)


def _burst(url: str, var: Path) -> None:
    parts = urlsplit(url)
    count = 40
    barrier = threading.Barrier(count)

    def post(i: int) -> int:
        fields = valid_fields(
            submission_id=str(uuid.uuid4()),
            started_at=None,
            business_name=f"Rafale {i}",
            email=f"rafale{i}@example.org",
            description=f"Demande numéro {i} de la rafale.",
        )
        payload = json.dumps(fields).encode()
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        barrier.wait()
        try:
            conn.request("POST", "/api/requests", body=payload, headers={"Content-Type": "application/json"})
            return conn.getresponse().status
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=count) as pool:
        statuses = list(pool.map(post, range(count)))  # a reset connection raises here
    # Every post answered: accepted, or (SQLite's lock wait ran out on a busy machine) 503,
    # which asks the form to try again and records nothing.
    assert set(statuses) <= {202, 503} and statuses.count(202) >= count // 2, statuses
    assert len(list((var / "outbox").glob("*.eml"))) == 3 * statuses.count(202)


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "HEAD", "PATCH", "TRACE", "OPTIONS"])
def test_other_methods_on_the_endpoint_are_405(devserver: tuple[str, Path], method: str) -> None:
    url, var = devserver
    fields = valid_fields(submission_id=str(uuid.uuid4()), started_at=None)
    response, _ = request(
        url, method, "/api/requests", json.dumps(fields).encode(), {"Content-Type": "application/json"}
    )
    assert response.status == 405 and response.getheader("Allow") == "POST"
    assert not list((var / "outbox").glob("*.eml"))


def test_a_post_without_content_type_is_415(devserver: tuple[str, Path]) -> None:
    url, _ = devserver
    fields = valid_fields(submission_id=str(uuid.uuid4()), started_at=None)
    response, _ = request(url, "POST", "/api/requests", json.dumps(fields).encode())
    assert response.status == 415


def record_without_delivery(var: Path, *, minutes_ago: int) -> str:
    """A request recorded, then the process died before delivering it (the queue never ran)."""
    settings = Settings(var_dir=var)
    submission_id = str(uuid.uuid4())
    now_ms = int((time.time() - minutes_ago * 60) * 1000)
    outcome = submit(
        valid_fields(submission_id=submission_id, started_at=None),
        table=RoutingTable.from_dict(table_dict()),
        store=SqliteStore(settings.sqlite_path),
        queue=_CrashedQueue(),
        now_ms=now_ms,
        config=IntakeConfig(),
    )
    assert isinstance(outcome, Accepted)
    return submission_id


class _CrashedQueue:
    def enqueue(self, submission_id: str) -> None:
        raise QueueUnavailable("crashed")

    def retry_later(self, receipt_handle: str, delay_seconds: int) -> None:
        return None

    def redrive_dead_letters(self) -> bool:
        return False


def wait_for_status(var: Path, submission_id: str, status: str, *, seconds: float = 15) -> str:
    store = SqliteStore(Settings(var_dir=var).sqlite_path)
    deadline = time.monotonic() + seconds
    while True:
        record = store.get(submission_id)
        assert record is not None
        if record.status == status or time.monotonic() > deadline:
            return record.status
        time.sleep(0.2)


def _site_and_table(tmp_path: Path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<h1>Relais</h1>", encoding="utf-8")
    table = tmp_path / "routing_table.json"
    table.write_text(json.dumps(table_dict()), encoding="utf-8")
    return site, table


def test_a_request_left_pending_by_a_crash_is_delivered_at_start(tmp_path: Path) -> None:
    site, table = _site_and_table(tmp_path)
    var = tmp_path / "var"
    submission_id = record_without_delivery(var, minutes_ago=1)  # younger than the AWS sweep's 15 min
    with running_devserver(site, var, table, env={"MIN_FILL_SECONDS": "0"}) as (url, _):
        # the sweep ran before the first request was served
        assert request(url, "GET", "/")[0].status == 200
        assert SqliteStore(Settings(var_dir=var).sqlite_path).get(submission_id).status == "delivered"  # type: ignore[union-attr]
        assert len(list((var / "outbox").glob("*.eml"))) == 3
        # the client's retry is the same request, and nothing is sent twice
        fields = valid_fields(submission_id=submission_id, started_at=None)
        response, _ = request(
            url, "POST", "/api/requests", json.dumps(fields).encode(), {"Content-Type": "application/json"}
        )
        assert response.status == 202
        assert len(list((var / "outbox").glob("*.eml"))) == 3


def test_the_local_scheduler_sweeps_periodically(tmp_path: Path) -> None:
    site, table = _site_and_table(tmp_path)
    var = tmp_path / "var"
    with running_devserver(site, var, table, "--schedule-every", "0.5", env={"MIN_FILL_SECONDS": "0"}):
        # recorded while the server runs, by a process that died before queueing it
        submission_id = record_without_delivery(var, minutes_ago=60)
        assert wait_for_status(var, submission_id, "delivered") == "delivered"
        assert len(list((var / "outbox").glob("*.eml"))) == 3


def test_the_links_in_the_outbox_work_on_the_same_origin(devserver: tuple[str, Path]) -> None:
    import email
    import email.policy
    import re

    url, var = devserver
    fields = valid_fields(submission_id=str(uuid.uuid4()), started_at=None)
    response, _ = request(
        url, "POST", "/api/requests", json.dumps(fields).encode(), {"Content-Type": "application/json"}
    )
    assert response.status == 202
    texts = []
    for path in sorted((var / "outbox").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        texts.append(str(body.get_content()) if body is not None else "")  # type: ignore[attr-defined]
    take = next(m.group(1) for t in texts if (m := re.search(r"Je prends la demande : (\S+)", t)))
    status = next(m.group(1) for t in texts if (m := re.search(r"Où en est votre demande : (\S+)", t)))
    assert take.startswith(f"{url}api/a/") and status.startswith(f"{url}api/s/")
    path = urlsplit(take).path
    response, page = request(url, "GET", path)
    assert response.status == 200 and b'method="post"' in page
    response, page = request(url, "POST", path, b"", {"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 200
    response, page = request(url, "GET", urlsplit(status).path)
    assert response.status == 200 and b"Prise en charge par" in page
    response, _ = request(url, "GET", path[:-4])
    assert response.status == 403
    response, data = request(url, "GET", "/api/stats")
    assert response.status == 200 and json.loads(data)["suppression_threshold"] == 5
