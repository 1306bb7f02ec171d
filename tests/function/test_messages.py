"""The emails: both parts, escaped HTML, single-line headers, the right language."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from functions.route_request.app import App
from functions.route_request.handler import handle
from functions.route_request.settings import Settings
from functions.route_request.table import RoutingTable

from .conftest import valid_fields
from .fakes import FakeMailer
from .helpers import json_event, sqs_event

SID = "00000000-0000-0000-0000-00000000002a"
NASTY = "<script>alert(1)</script>\r\nBcc: victim@example.org\r\n"
HEADERS = [
    "From",
    "To",
    "Reply-To",
    "Subject",
    "Auto-Submitted",
    "MIME-Version",
    "Content-Type",
    "Content-Language",
]


def deliver(app: App, **changes: object) -> list[EmailMessage]:
    response = handle(json_event(valid_fields(**changes)), app)
    assert response["statusCode"] == 202, response
    handle(sqs_event(SID), app)
    assert isinstance(app.mailer, FakeMailer)
    return [
        email.message_from_bytes(m.as_bytes(), policy=email.policy.default)  # type: ignore[misc]
        for _, m in app.mailer.sent
    ]


def parts(msg: EmailMessage) -> tuple[str, str]:
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert text is not None and html is not None
    return text.get_content(), html.get_content()


def test_each_message_has_text_and_html_with_reference_and_reason(app: App) -> None:
    messages = deliver(app)
    assert len(messages) == 3
    for msg in messages:
        text, html = parts(msg)
        reference = "REL-" + str(msg["Subject"]).split("REL-")[1][:11]
        assert reference in text and reference in html
        assert "Montréal (06)" in text  # the routing reason
        assert msg["From"] == "Relais <relais@example.org>"
        assert msg["Auto-Submitted"] == "auto-generated"
    erac, advisor, requester = messages
    assert erac["To"].addresses[0].addr_spec == "erac-montreal@example.org"
    assert erac["Reply-To"].addresses[0].addr_spec == "camille@example.org"
    assert advisor["To"].addresses[0].addr_spec == "adv-montreal-a@example.org"
    assert requester["To"].addresses[0].addr_spec == "camille@example.org"
    assert requester["Reply-To"].addresses[0].addr_spec == "erac-montreal@example.org"
    assert "Conseiller adv-montreal-a" in parts(requester)[0]  # who else was informed


def test_requester_confirmation_in_their_language(app: App) -> None:
    erac, _advisor, requester = deliver(app, lang="en")
    assert "we received your request" in str(requester["Subject"])
    assert requester["Content-Language"] == "en" and erac["Content-Language"] == "fr"
    assert "/en/confidentialite/" in parts(requester)[0]


def test_crlf_and_html_in_every_field_stay_out_of_headers_and_are_escaped(app: App) -> None:
    messages = deliver(
        app,
        business_name="Acme" + NASTY,
        contact_name="Eve" + NASTY,
        description="Besoin" + NASTY,
        municipality="Ville" + NASTY,
    )
    for msg in messages:
        assert sorted(msg.keys()) == sorted(HEADERS)
        raw_headers = msg.as_bytes().split(b"\n\n", 1)[0]
        assert not any(line.lower().startswith(b"bcc") for line in raw_headers.splitlines())
        for name, value in msg.items():
            assert "\n" not in str(value) and "\r" not in str(value), name
        assert len(msg["Reply-To"].addresses) == 1 and len(msg["To"].addresses) == 1
        assert "camille@example.org" in {
            msg["Reply-To"].addresses[0].addr_spec,
            msg["To"].addresses[0].addr_spec,
        }
        text, html = parts(msg)
        assert "<script>" not in html
    erac, advisor, requester = (parts(msg) for msg in messages)
    for text, html in (erac, advisor):
        assert "&lt;script&gt;" in html  # escaped in HTML
        assert "<script>" in text  # the plain text shows what was typed
    # the requester's confirmation goes to an unverified address: none of the typed text
    assert "script" not in requester[0] and "script" not in requester[1]
    assert "Acme" not in requester[0] and "Besoin" not in requester[0]


def test_an_encoded_word_in_a_name_cannot_smuggle_a_header_or_an_address(app: App) -> None:
    # GIVEN names that are RFC 2047 encoded words: CR LF + Bcc, and a second address
    # (the email package decodes encoded words inside quoted display names when it
    # refolds a header, and mail clients decode them for display)
    messages = deliver(
        app,
        contact_name="=?utf-8?q?Eve=0D=0ABcc:_victim@example.org?=",
        business_name="=?utf-8?q?Acme=0D=0ABcc:_victim@example.org?=",
    )
    for msg in messages:
        raw = msg.as_bytes()
        raw_headers = raw.split(b"\r\n\r\n", 1)[0] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[0]
        # THEN no line of any header block starts a Bcc, and each address header keeps
        # exactly its one address, whose display name decodes to one plain line
        assert not any(line.lower().startswith(b"bcc") for line in raw_headers.splitlines())
        assert "victim@example.org" not in str(msg.get("Bcc", ""))
        for header in ("To", "Reply-To"):
            (address,) = msg[header].addresses
            assert address.addr_spec in {
                "camille@example.org",
                "erac-montreal@example.org",
                "adv-montreal-a@example.org",
            }
            assert "\n" not in address.display_name and "\r" not in address.display_name


def test_no_advisor_means_two_emails(app: App) -> None:
    response = handle(json_event(valid_fields(postal_code="J0Y 1A0")), app)
    assert response["statusCode"] == 202
    handle(sqs_event(SID), app)
    assert isinstance(app.mailer, FakeMailer)
    assert app.mailer.recipients() == ["erac-nord-du-quebec@example.org", "camille@example.org"]


def test_mail_for_sample_records_goes_to_the_operators_mailbox_when_configured(make_app) -> None:  # type: ignore[no-untyped-def]
    # GIVEN a deployment whose ERAC and advisor for Montréal are sample records (example.org)
    settings = Settings(
        site_origin="https://relais.example", backend="local", sample_recipient="operations@relais.example"
    )
    app = make_app(settings=settings)
    # WHEN a request is delivered
    erac, advisor, requester = deliver(app)
    # THEN the operators receive what was meant for the sample records, told so up front
    for msg, original in ((erac, "erac-montreal@example.org"), (advisor, "@example.org")):
        assert msg["To"].addresses[0].addr_spec == "operations@relais.example"
        assert str(msg["Subject"]).startswith("[EXEMPLE] ")
        text, html = parts(msg)
        assert "Fiche d'exemple" in text and original in text
        assert "Fiche d&#x27;exemple" in html or "Fiche d'exemple" in html
    # and the requester, a real person, is written to directly
    assert requester["To"].addresses[0].addr_spec == "camille@example.org"
    assert not str(requester["Subject"]).startswith("[EXEMPLE]")
    # and a reply to their confirmation reaches the operators, not the sample ERAC address
    assert requester["Reply-To"].addresses[0].addr_spec == "operations@relais.example"
    assert isinstance(app.mailer, FakeMailer)
    assert [recipient for recipient, _ in app.mailer.sent][:2] == ["operations@relais.example"] * 2


def test_mail_for_an_erac_without_a_published_address_is_relayed_by_the_operators(  # type: ignore[no-untyped-def]
    make_app, raw_table
) -> None:
    # GIVEN a real ERAC that publishes no email: the table gives it a stand-in address and
    # marks it relayed (generator/routing_table.py)
    raw_table["organisations"]["erac-montreal"].update(
        email="erac-montreal@example.org", sample=True, to_confirm=True, relay=True
    )
    settings = Settings(
        site_origin="https://relais.example", backend="local", sample_recipient="operations@relais.example"
    )
    app = make_app(settings=settings, table=RoutingTable.from_dict(raw_table))
    # WHEN a request is delivered
    erac, advisor, _ = deliver(app)
    # THEN the operators receive it as mail to pass on to that organisation, not as a sample
    assert erac["To"].addresses[0].addr_spec == "operations@relais.example"
    assert str(erac["Subject"]).startswith("[À RELAYER] ")
    text, _ = parts(erac)
    assert "À relayer : ce message est destiné à" in text
    assert "Fiche d'exemple" not in text
    # and the sample advisor's copy stays flagged as a sample
    assert str(advisor["Subject"]).startswith("[EXEMPLE] ")


def test_without_an_operators_mailbox_sample_mail_keeps_its_sample_address(app: App) -> None:
    erac, _, _ = deliver(app)
    assert erac["To"].addresses[0].addr_spec == "erac-montreal@example.org"
    assert not str(erac["Subject"]).startswith("[EXEMPLE]")
