"""The emails' personal links through the real handler: GET never changes anything, POST acts
once, forged/altered/expired links change nothing, two takers race and one wins."""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from functions.route_request.actions import perform
from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.lifecycle import Refused, Take
from functions.route_request.settings import Settings
from functions.route_request.store import RequestRecord
from functions.route_request.store_sqlite import SqliteStore

from .conftest import NOW, valid_fields
from .fakes import FakeClock, FakeMailer, FakeStore
from .helpers import json_event, link_event

SID = "00000000-0000-0000-0000-00000000002a"
LINK = re.compile(r"https://relais\.example/api/[as]/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")


def html_of(response: dict[str, object]) -> str:
    return html.unescape(str(response["body"]))


def text_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def links_to(mailer: FakeMailer, address: str) -> dict[str, str]:
    """label → URL of the links in the latest email to ``address`` that has links."""
    for recipient, message in reversed(mailer.sent):
        if recipient != address:
            continue
        found = {}
        for line in text_of(message).splitlines():
            match = LINK.search(line)
            if match:
                found[line.split(":", 1)[0].strip()] = match.group(0)
        if found:
            return found
    return {}


def submitted(app: App, **fields: object) -> RequestRecord:
    assert handle(json_event(valid_fields(**fields)), app)["statusCode"] == 202
    sid = str(fields.get("submission_id", SID))
    app.deliver(sid)
    record = app.store.get(sid)
    assert record is not None
    return record


def erac_and_advisor(record: RequestRecord) -> tuple[str, str]:
    assert record.routing.advisor
    return f"{record.routing.erac}@example.org", f"{record.routing.advisor}@example.org"


def test_the_whole_life_of_a_request_through_its_links(app: App) -> None:
    mailer = app.mailer
    assert isinstance(mailer, FakeMailer) and isinstance(app.store, FakeStore)
    record = submitted(app)
    erac_mail, advisor_mail = erac_and_advisor(record)
    erac_links = links_to(mailer, erac_mail)
    assert list(erac_links) == ["Je prends la demande", "Transférer", "Contact établi", "Clore"]
    status_link = links_to(mailer, "camille@example.org")["Où en est votre demande"]
    before = app.store.records[SID]
    sent_before = len(mailer.sent)

    # GIVEN the ERAC opens the take-charge link (or a mail scanner does): nothing changes
    page = handle(link_event("GET", erac_links["Je prends la demande"]), app)
    assert page["statusCode"] == 200 and page["headers"]["content-type"].startswith("text/html")
    assert 'method="post"' in html_of(page) and "Je prends la demande" in html_of(page)
    assert page["headers"]["referrer-policy"] == "no-referrer"
    assert "Camille" not in html_of(page) and "Boulangerie" not in html_of(page)
    for url in erac_links.values():
        assert handle(link_event("GET", url), app)["statusCode"] == 200
    assert app.store.records[SID] == before and len(mailer.sent) == sent_before

    status = handle(link_event("GET", status_link), app)
    assert status["statusCode"] == 200 and 'aria-current="step">✓ Reçue' in html_of(status)

    # WHEN the ERAC confirms
    done = handle(link_event("POST", erac_links["Je prends la demande"]), app)
    assert done["statusCode"] == 200 and "C'est fait" in html_of(done)
    assert app.store.records[SID].state().taken_by == record.routing.erac
    app.deliver(SID)
    # THEN the advisor is told and the requester gets a short note in French, nothing typed
    note = text_of([m for r, m in mailer.sent if r == "camille@example.org"][-1])
    assert "a pris votre demande en charge" in note and "ERAC Montréal" in note
    for typed in ("Boulangerie", "Camille", "automatiser", "514 555"):
        assert typed not in note
    told = text_of([m for r, m in mailer.sent if r == advisor_mail][-1])
    assert "ERAC Montréal a pris en charge cette demande" in told
    status = handle(
        link_event("GET", links_to(mailer, "camille@example.org")["Où en est votre demande"]), app
    )
    assert "Prise en charge par ERAC Montréal." in html_of(status)

    # a replay of the same POST is harmless: nothing more is stored or sent
    sent = len(mailer.sent)
    again = handle(link_event("POST", erac_links["Je prends la demande"]), app)
    assert again["statusCode"] == 200 and "déjà fait" in html_of(again)
    app.deliver(SID)
    assert len(mailer.sent) == sent

    # the advisor tries to take it too: told who has it
    advisor_links = links_to(mailer, advisor_mail)
    late = handle(link_event("POST", advisor_links["Je prends la demande"]), app)
    assert late["statusCode"] == 409 and "ERAC Montréal a déjà pris cette demande en charge" in html_of(late)

    # contact made, then closed
    assert handle(link_event("POST", advisor_links["Contact établi"]), app)["statusCode"] == 200
    app.deliver(SID)
    assert "nous indique avoir communiqué avec vous" in text_of(
        [m for r, m in mailer.sent if r == "camille@example.org"][-1]
    )
    bad = handle(link_event("POST", erac_links["Clore"], {"outcome": "nope"}), app)
    assert bad["statusCode"] == 422 and app.store.records[SID].state().stage == "contact_made"
    closed = handle(link_event("POST", erac_links["Clore"], {"outcome": "referred_program"}), app)
    assert closed["statusCode"] == 200 and app.store.records[SID].state().outcome == "referred_program"
    history = [e.action for e in app.store.records[SID].state().history]
    assert history == ["received", "take", "contact", "close"]


def test_forged_altered_and_expired_links_change_nothing(app: App) -> None:
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.store, FakeStore)
    record = submitted(app)
    take = links_to(app.mailer, erac_and_advisor(record)[0])["Je prends la demande"]
    before = app.store.records[SID]
    payload, signature = take.rsplit("/", 1)[1].split(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    for bad in (f"{take.rsplit('/', 1)[0]}/{payload}.{flipped}", take[:-4], take.replace("/a/", "/a/x")):
        for method in ("GET", "POST"):
            answer = handle(link_event(method, bad), app)
            assert answer["statusCode"] == 403 and "Ce lien n'est pas valide" in html_of(answer)
    english = handle(link_event("GET", take[:-4] + "?lang=en"), app)
    assert "This link is not valid" in html_of(english)
    # an action link on the status route, and the status link on the action route
    status = links_to(app.mailer, "camille@example.org")["Où en est votre demande"]
    assert handle(link_event("GET", take.replace("/a/", "/s/")), app)["statusCode"] == 403
    assert handle(link_event("POST", status.replace("/s/", "/a/")), app)["statusCode"] == 403
    # 30 days later
    assert isinstance(app.clock, FakeClock)
    app.clock.now = NOW + 30 * 86400
    expired = handle(link_event("POST", take), app)
    assert expired["statusCode"] == 410 and "Ce lien a expiré" in html_of(expired)
    assert app.store.records[SID] == before


def test_a_deleted_request_says_so(app: App) -> None:
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.store, FakeStore)
    record = submitted(app)
    take = links_to(app.mailer, erac_and_advisor(record)[0])["Je prends la demande"]
    del app.store.records[SID]
    assert handle(link_event("POST", take), app)["statusCode"] == 404


class RacingStore(SqliteStore):
    """Both takers load the record before either writes: the race the version settles."""

    def __init__(self, path: Path, parties: int) -> None:
        super().__init__(path)
        self.barrier = threading.Barrier(parties)
        self.first_reads = threading.local()
        self.armed = False

    def get(self, submission_id: str) -> RequestRecord | None:
        record = super().get(submission_id)
        if self.armed and not getattr(self.first_reads, "done", False):
            self.first_reads.done = True
            self.barrier.wait(timeout=10)
        return record


def test_two_recipients_take_charge_at_once_one_wins_the_other_is_told(
    make_app: Callable[..., App], tmp_path: Path
) -> None:
    store = RacingStore(tmp_path / "requests.sqlite3", parties=2)
    app = make_app(store=store)
    record = submitted(app)
    results: dict[str, object] = {}
    store.armed = True

    def take(actor: str) -> None:
        results[actor] = perform(
            SID, Take(), actor, store=store, queue=app.queue, table=app.table, now=int(NOW) + 60
        )

    threads = [
        threading.Thread(target=take, args=(actor,))
        for actor in (record.routing.erac, record.routing.advisor)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    store.armed = False
    decisions = [r[0] for r in results.values()]  # type: ignore[index]
    winners = [d for d in decisions if not isinstance(d, Refused)]
    losers = [d for d in decisions if isinstance(d, Refused)]
    assert len(winners) == 1 and len(losers) == 1 and losers[0].reason == "taken_by_other"
    stored = store.get(SID)
    assert stored is not None and stored.state().version == 1
    assert len([n for n in stored.notices.values() if n["kind"] == "requester_taken"]) == 1


def test_a_transfer_to_another_region_reroutes_and_informs(app: App) -> None:
    mailer = app.mailer
    assert isinstance(mailer, FakeMailer) and isinstance(app.store, FakeStore)
    record = submitted(app, postal_code="J6E 1A1")  # Lanaudière
    assert record.routing.region_code == "14"
    erac_mail, advisor_mail = erac_and_advisor(record)
    transfer = links_to(mailer, erac_mail)["Transférer"]
    form = html_of(handle(link_event("GET", transfer), app))
    assert 'value="region:15"' in form and 'name="reason"' in form

    answer = handle(link_event("POST", transfer, {"to": "region:15", "reason": "Entreprise à Mirabel"}), app)
    assert answer["statusCode"] == 200, html_of(answer)
    moved = app.store.records[SID]
    assert moved.routing.region_code == "15" and moved.routing.erac == "erac-laurentides"
    assert moved.state().stage == "received" and moved.state().holders.region == "15"
    app.deliver(SID)
    new_erac = text_of([m for r, m in mailer.sent if r == "erac-laurentides@example.org"][-1])
    assert "vous transfère cette demande (raison : Entreprise à Mirabel)" in new_erac
    assert "Boulangerie Exemple inc." in new_erac  # the new holders get the request itself
    assert "transférée par ERAC Lanaudière" in new_erac  # and its history
    assert "Je prends la demande : https://relais.example/api/a/" in new_erac
    previous = text_of([m for r, m in mailer.sent if r == advisor_mail][-1])
    assert "a transféré cette demande à ERAC Laurentides" in previous
    assert "Boulangerie" not in previous
    # the previous holders' links no longer act
    late = handle(link_event("POST", links_to(mailer, advisor_mail)["Je prends la demande"]), app)
    assert late["statusCode"] == 409 and "ce lien n'est plus valable pour vous" in html_of(late)
    # the new ERAC's links do
    new_take = links_to(mailer, "erac-laurentides@example.org")["Je prends la demande"]
    assert handle(link_event("POST", new_take), app)["statusCode"] == 200


def test_a_transfer_without_a_valid_destination_changes_nothing(app: App) -> None:
    assert isinstance(app.mailer, FakeMailer) and isinstance(app.store, FakeStore)
    record = submitted(app)
    transfer = links_to(app.mailer, erac_and_advisor(record)[0])["Transférer"]
    before = app.store.records[SID]
    assert handle(link_event("POST", transfer, {"to": "region:99", "reason": "x"}), app)["statusCode"] == 422
    assert handle(link_event("POST", transfer, {"to": "region:14", "reason": ""}), app)["statusCode"] == 422
    assert app.store.records[SID] == before


@pytest.mark.parametrize(
    "lang,steps,expected",
    [
        ("fr", [], 'aria-current="step">✓ Reçue'),
        ("fr", ["take"], 'aria-current="step">✓ Prise en charge par ERAC Montréal.'),
        ("fr", ["contact"], 'aria-current="step">✓ Contact établi'),
        ("fr", ["close"], 'aria-current="step">✓ Close : Accompagnée.'),
        ("en", [], 'aria-current="step">✓ Received'),
        ("en", ["take"], 'aria-current="step">✓ Taken in charge by ERAC Montréal.'),
        ("en", ["contact"], 'aria-current="step">✓ Contact made'),
        ("en", ["close"], 'aria-current="step">✓ Closed: Accompanied.'),
    ],
)
def test_the_status_page_in_each_state_and_language(
    app: App, lang: str, steps: list[str], expected: str
) -> None:
    assert isinstance(app.mailer, FakeMailer)
    record = submitted(app, lang=lang)
    erac = links_to(app.mailer, erac_and_advisor(record)[0])
    label = {"take": "Je prends la demande", "contact": "Contact établi", "close": "Clore"}
    for step in steps:
        handle(link_event("POST", erac[label[step]], {"outcome": "accompanied"}), app)
    status_label = "Where your request stands" if lang == "en" else "Où en est votre demande"
    page = handle(link_event("GET", links_to(app.mailer, "camille@example.org")[status_label]), app)
    assert page["statusCode"] == 200 and f'<html lang="{lang}">' in html_of(page)
    assert expected in html_of(page)
    for typed in ("Boulangerie", "Camille", "automatiser", "camille@"):
        assert typed not in html_of(page)


def test_links_only_appear_when_a_secret_is_configured(make_app: Callable[..., App]) -> None:
    from functions.route_request.settings import Settings

    app = make_app(
        settings=Settings(
            site_origin="https://relais.example", link_secret="s", api_origin="https://api.relais.example"
        )
    )
    assert isinstance(app.mailer, FakeMailer)
    submitted(app)
    assert "https://api.relais.example/a/" in text_of(app.mailer.sent[0][1])


def test_a_notice_for_a_sample_record_says_so_like_its_first_email(make_app: Callable[..., App]) -> None:
    # GIVEN a deployment whose sample ERAC and advisor mail goes to the operators' mailbox
    app = make_app(
        settings=Settings(
            site_origin="https://relais.example",
            backend="local",
            link_secret="test-link-secret",
            sample_recipient="operations@relais.example",
        )
    )
    assert isinstance(app.mailer, FakeMailer)
    submitted(app)
    # WHEN the advisor takes charge (its email is the latest one with links there)
    take = links_to(app.mailer, "operations@relais.example")["Je prends la demande"]
    assert handle(link_event("POST", take), app)["statusCode"] == 200
    sent = len(app.mailer.sent)
    app.deliver(SID)
    # THEN the ERAC's short notice reaches the operators flagged and explained, as the first was
    (notice,) = [m for r, m in app.mailer.sent[sent:] if r == "operations@relais.example"]
    assert str(notice["Subject"]).startswith("[EXEMPLE] ")
    assert "Fiche d'exemple : ce message était destiné à erac-montreal@example.org" in text_of(notice)
