"""A tiny Directory for the site tests and golden files: one region with its ERAC,
one other organisation to confirm, one sample advisor, a program and one of its
projects. Built in Python so these tests do not depend on the YAML loader."""

from __future__ import annotations

import datetime as dt

from generator.directory import Directory
from generator.models import (
    Address,
    Advisor,
    Amount,
    Dates,
    Indicator,
    Organisation,
    PostalArea,
    Priority,
    Program,
    Region,
    ServiceArea,
    Source,
    Territory,
    Text,
)

SEED_000 = Source(seed="000_ea424c5ca448c04d.txt", title="Communiqué du 24 octobre 2024")
SEED_002 = Source(seed="002_fd6d11168443032a.txt", title="Plan d'action 2018-2020")


def fixture_directory() -> Directory:
    region = Region(
        id="lanaudiere",
        code="14",
        name=Text(fr="Lanaudière", en="Lanaudière"),
        erac="lanaudiere-economique",
        # content is written with plain spaces and straight apostrophes; the pages get the
        # typography (golden files: narrow no-break spaces, ’, no-break space before % and $)
        summary=Text(
            fr="Région au nord-est de Montréal : « 2 500 entreprises » ; 10 % l'an, 4 M$ ! Et vous ?",
            en='Region north-east of Montréal: "2,500 businesses"; 10% a year, $4M! And you?',
        ),
        postal_areas=[
            PostalArea(fsa="J6E"),
            PostalArea(fsa="J0K", shared=True, municipalities=["Saint-Jacques"]),
        ],
        priorities=[
            Priority(
                number=1,
                plan_territory=9,
                territory=Text(fr="Lanaudière", en="Lanaudière"),
                title=Text(fr="Agroalimentaire", en="Agri-food"),
                quote=Text(
                    fr="Soutenir la transformation alimentaire.",
                    en="Support food processing.",
                ),
            )
        ],
        sources=[SEED_002],
    )
    erac = Organisation(
        id="lanaudiere-economique",
        kind="erac",
        name=Text(fr="Lanaudière Économique", en="Lanaudière Économique"),
        description=Text(fr="L'ERAC de Lanaudière.", en="Lanaudière's ERAC."),
        regions=["14"],
        address=Address(street="550, rue Montcalm", city="Joliette", postal_code="J6E 1P5"),
        website="https://lanaudiere-economique.example.org",
        phone="450 365-9218",
        email="info@lanaudiere-economique.example.org",
        sources=[SEED_000],
    )
    sadc = Organisation(
        id="sadc-achigan",
        kind="sadc",
        name=Text(fr="SADC D'Autray-Joliette", en="SADC D'Autray-Joliette"),
        regions=["14"],
        serves=Territory(mrcs=["D'Autray", "Joliette"], municipalities=["Saint-Jacques"]),
        to_confirm=True,
        sources=[
            SEED_000,
            Source(
                url="https://sadc.example.org/territoire", title="Territoire", consulted=dt.date(2026, 11, 29)
            ),
        ],
    )
    ministry = Organisation(
        id="meie",
        kind="government",
        name=Text(fr="Ministère de l'Économie", en="Ministry of the Economy"),
        regions="all",
        website="https://www.economie.gouv.qc.ca",
        sources=[SEED_000],
    )
    advisor = Advisor(
        id="sample-lanaudiere-joliette",
        name="Camille Exemple",
        title=Text(fr="Conseillère en innovation", en="Innovation advisor"),
        organisation="lanaudiere-economique",
        region="14",
        serves=ServiceArea(fsas=["J6E"], municipalities=["Joliette"]),
        languages=["fr", "en"],
        expertise=["digital", "manufacturing"],
        email="camille@example.org",
        attested="attested",
        sample=True,
    )
    otn = Program(
        id="otn",
        name=Text(fr="Offensive de transformation numérique", en="Digital transformation offensive"),
        summary=Text(fr="Accélérer le virage numérique.", en="Speed up the digital shift."),
        operator="meie",
        funders=["meie"],
        kinds=["grant", "awareness"],
        audiences=["sme"],
        regions="all",
        amounts=[
            Amount(label=Text(fr="Enveloppe", en="Envelope"), amount=130_000_000),
            Amount(label=Text(fr="Par pôle", en="Per hub"), amount=400_000, per_year=True),
        ],
        indicators=[
            Indicator(
                indicator=Text(fr="Entreprises accompagnées", en="Businesses supported"),
                target=Text(fr="11 000 entreprises", en="11,000 businesses"),
            )
        ],
        dates=Dates(announced=dt.date(2021, 3, 1), end=dt.date(2024, 10, 24)),
        status="ongoing",
        website="https://www.quebec.ca/otn",
        sources=[Source(seed="004_a5aab19d7990a518.txt", url="https://www.quebec.ca/otn", title="Résumé")],
    )
    project = Program(
        id="otn-lanaudiere",
        name=Text(fr="Virage numérique Lanaudière", en="Lanaudière digital shift"),
        summary=Text(fr="Projet régional de l'OTN.", en="A regional OTN project."),
        operator="lanaudiere-economique",
        parent="otn",
        kinds=["coaching"],
        audiences=["manufacturers", "social_economy"],
        regions=["14"],
        amounts=[Amount(label=Text(fr="Aide", en="Assistance"), amount=2_307_663)],
        status="announced",
        sources=[SEED_000],
    )
    return Directory(
        regions={region.id: region},
        organisations={o.id: o for o in sorted([erac, sadc, ministry], key=lambda o: o.id)},
        advisors={advisor.id: advisor},
        programs={p.id: p for p in (otn, project)},
    )
