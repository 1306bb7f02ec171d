"""vCards (RFC 6350 syntax, VERSION:3.0 for the address books of phones, which still
read 3.0 best): one per organisation and per advisor in each language, so a person can
keep a contact in a tap.

``organisation_vcard(org, lang)`` and ``advisor_vcard(advisor, employer, lang)`` return
the text:
CRLF line endings, lines folded at 75 octets (RFC 6350 §3.2), values escaped (§3.4).
Only what the directory publishes goes in; a sample record says so in ``NOTE``.
"""

from __future__ import annotations

from generator.formatting import tel_uri
from generator.models import Address, Advisor, Organisation
from generator.vocab import Language

PRODID = "-//Relais//Répertoire du réseau québécois de soutien à l'innovation//FR"


def escape(value: str) -> str:
    """A text value with ``\\``, ``,``, ``;`` and newlines escaped (RFC 6350 §3.4)."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """One content line folded into chunks of at most 75 octets, never inside a character."""
    out: list[str] = []
    current = ""
    limit = 75
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = " " + char  # continuation lines start with one space
            limit = 75
        else:
            current += char
    out.append(current)
    return "\r\n".join(out)


def _card(lines: list[str]) -> str:
    body = ["BEGIN:VCARD", "VERSION:3.0", f"PRODID:{PRODID}", *lines, "END:VCARD"]
    return "".join(fold(line) + "\r\n" for line in body)


def _address(address: Address) -> str:
    # ADR: post office box; extended address; street; locality; region; postal code; country
    parts = [
        "",
        "",
        address.street or "",
        address.city,
        address.province,
        address.postal_code or "",
        "Canada",
    ]
    return "ADR;TYPE=WORK:" + ";".join(escape(p) for p in parts)


def _tel(phone: str) -> str:
    return f"TEL;TYPE=WORK,VOICE;VALUE=uri:{tel_uri(phone)}"


SAMPLE_NOTE = "Fiche d'exemple, fictive (Relais) / Sample record, fictitious (Relais)"


def organisation_vcard(org: Organisation, lang: Language = Language.FR) -> str:
    """The vCard of an organisation in ``lang``: name, address, phone, email, website."""
    name = escape(org.name[lang])
    lines = [f"FN:{name}", f"ORG:{name}", "X-ABSHOWAS:COMPANY"]
    if org.address:
        lines.append(_address(org.address))
    if org.phone:
        lines.append(_tel(org.phone))
    if org.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{org.email}")
    if org.website:
        lines.append(f"URL:{org.website}")
    if org.sample:
        lines.append(f"NOTE:{escape(SAMPLE_NOTE)}")
    return _card(lines)


def advisor_vcard(advisor: Advisor, employer: Organisation, lang: Language = Language.FR) -> str:
    """The vCard of an advisor in ``lang``: name, title, employer, work email and phone."""
    lines = [
        f"FN:{escape(advisor.name)}",
        f"N:{escape(advisor.name)};;;;",
        f"ORG:{escape(employer.name[lang])}",
    ]
    if advisor.title:
        lines.append(f"TITLE:{escape(advisor.title[lang])}")
    lines.append(f"EMAIL;TYPE=INTERNET,WORK:{advisor.email}")
    if advisor.phone:
        lines.append(_tel(advisor.phone))
    if advisor.sample:
        lines.append(f"NOTE:{escape(SAMPLE_NOTE)}")
    return _card(lines)
