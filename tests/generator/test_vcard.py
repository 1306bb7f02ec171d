"""vCards: what an address book reads back is what the directory publishes."""

from __future__ import annotations

from generator.models import Address, Advisor, Organisation, ServiceArea, Source, Text
from generator.vcard import advisor_vcard, escape, fold, organisation_vcard
from generator.vocab import Language

SOURCE = Source(seed="000_ea424c5ca448c04d.txt")


def parse(card: str) -> list[tuple[str, str]]:
    """(name with parameters, raw value) of each property, after unfolding (RFC 6350 §3.2)."""
    assert card.endswith("\r\n")
    unfolded = card.replace("\r\n ", "")
    lines = unfolded.split("\r\n")[:-1]
    return [(line.partition(":")[0], line.partition(":")[2]) for line in lines]


def unescape(value: str) -> str:
    return value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def organisation(**changes: object) -> Organisation:
    base: dict[str, object] = {
        "id": "sadc-achigan",
        "kind": "sadc",
        "name": Text(fr="SADC D'Autray-Joliette; centre, est", en="SADC D'Autray-Joliette"),
        "regions": ["14"],
        "address": Address(street="550, rue Montcalm", city="Joliette", postal_code="J6E 1P5"),
        "phone": "450 365-9218 p. 201",
        "email": "info@sadc.example.org",
        "website": "https://sadc.example.org",
        "sources": [SOURCE],
    }
    return Organisation(**{**base, **changes})  # type: ignore[arg-type]


def test_organisation_card_round_trips() -> None:
    card = organisation_vcard(organisation(), Language.FR)
    props = dict(parse(card))
    assert props["BEGIN"] == "VCARD" and props["VERSION"] == "3.0" and props["END"] == "VCARD"
    assert unescape(props["FN"]) == "SADC D'Autray-Joliette; centre, est"
    assert props["ADR;TYPE=WORK"].split(";")[2:] == [
        "550\\, rue Montcalm",
        "Joliette",
        "QC",
        "J6E 1P5",
        "Canada",
    ]
    assert props["TEL;TYPE=WORK,VOICE;VALUE=uri"] == "tel:+1-450-365-9218;ext=201"
    assert props["EMAIL;TYPE=INTERNET,WORK"] == "info@sadc.example.org"
    assert props["URL"] == "https://sadc.example.org"
    assert "NOTE" not in props


def test_english_card_uses_the_english_name() -> None:
    props = dict(parse(organisation_vcard(organisation(), Language.EN)))
    assert props["FN"] == "SADC D'Autray-Joliette"


def test_lines_are_crlf_and_folded_at_75_octets() -> None:
    long_name = "Société d'aide au développement des collectivités " * 4
    card = organisation_vcard(organisation(name=Text(fr=long_name.strip(), en="x")), Language.FR)
    for line in card.split("\r\n"):
        assert "\n" not in line
        assert len(line.encode("utf-8")) <= 75
    assert unescape(dict(parse(card))["FN"]) == long_name.strip()


def test_fold_never_cuts_a_character() -> None:
    line = "NOTE:" + "é" * 100
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


def test_escape() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_sample_advisor_says_it_is_a_sample() -> None:
    advisor = Advisor(
        id="sample-lanaudiere-joliette",
        name="Camille Exemple",
        title=Text(fr="Conseillère en innovation", en="Innovation advisor"),
        organisation="sadc-achigan",
        region="14",
        serves=ServiceArea(fsas=["J6E"]),
        languages=["fr"],
        email="camille@example.org",
        attested="attested",
        sample=True,
    )
    props = dict(parse(advisor_vcard(advisor, organisation(), Language.EN)))
    assert props["FN"] == "Camille Exemple"
    assert props["TITLE"] == "Innovation advisor"
    assert props["ORG"] == "SADC D'Autray-Joliette"
    assert "Sample record" in unescape(props["NOTE"])
