"""The local stack: started on a free port in a subprocess, as `make dev` would."""

from __future__ import annotations

import http.client
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

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
