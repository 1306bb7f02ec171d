"""schema.org JSON-LD for the organisation and program pages, so search engines and
directories read who an organisation is and what a program offers without scraping.

``organisation_jsonld`` gives ``GovernmentOrganization`` (ministries and councils, MRCs)
or ``Organization`` with its address, telephone, email, ``areaServed`` (the regions, or
Québec) and ``sameAs`` (its website); ``program_jsonld`` gives a ``GovernmentService``
with its provider, ``areaServed``, audience and service type. Only published facts go
in; keys without a value are left out. ``as_script`` serialises one for a
``<script type="application/ld+json">`` element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from generator.directory import Directory
from generator.models import Organisation, Program
from generator.render import labels
from generator.vocab import Language, OrganisationKind

CONTEXT = "https://schema.org"
GOVERNMENT_KINDS = {OrganisationKind.GOVERNMENT, OrganisationKind.MRC}
QUEBEC = {
    "@type": "AdministrativeArea",
    "name": "Québec",
    "address": {"@type": "PostalAddress", "addressRegion": "QC", "addressCountry": "CA"},
}


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, [], "", {})}


def _area_served(
    directory: Directory, regions: object, lang: Language
) -> list[dict[str, Any]] | dict[str, Any]:
    if regions == "all":
        return QUEBEC
    assert isinstance(regions, list)
    return [
        {
            "@type": "AdministrativeArea",
            "name": directory.region_by_code(code).name[lang],
            "identifier": str(code),
        }
        for code in sorted(regions)
    ]


def organisation_type(org: Organisation) -> str:
    return "GovernmentOrganization" if org.kind in GOVERNMENT_KINDS else "Organization"


def organisation_jsonld(directory: Directory, org: Organisation, lang: Language) -> dict[str, Any]:
    address = None
    if org.address:
        address = _compact(
            {
                "@type": "PostalAddress",
                "streetAddress": org.address.street,
                "addressLocality": org.address.city,
                "addressRegion": org.address.province,
                "postalCode": org.address.postal_code,
                "addressCountry": "CA",
            }
        )
    return _compact(
        {
            "@context": CONTEXT,
            "@type": organisation_type(org),
            "@id": f"#org-{org.id}",
            "name": org.name[lang],
            "alternateName": org.name.en if lang is Language.FR and org.name.en != org.name.fr else None,
            "description": org.description[lang] if org.description else None,
            "address": address,
            "telephone": org.phone,
            "email": org.email,
            "url": org.website,
            "sameAs": [org.website] if org.website else None,
            "areaServed": _area_served(directory, org.regions, lang),
        }
    )


def program_jsonld(directory: Directory, program: Program, lang: Language) -> dict[str, Any]:
    operator = directory.organisations[program.operator]
    return _compact(
        {
            "@context": CONTEXT,
            "@type": "GovernmentService",
            "name": program.name[lang],
            "description": program.summary[lang],
            "serviceType": [labels.word(labels.PROGRAM_KINDS, k, lang) for k in program.kinds],
            "provider": _compact(
                {"@type": organisation_type(operator), "name": operator.name[lang], "url": operator.website}
            ),
            "areaServed": _area_served(directory, program.regions, lang),
            "audience": [
                {"@type": "BusinessAudience", "name": labels.word(labels.AUDIENCES, a, lang)}
                for a in program.audiences
            ],
            "url": program.website,
        }
    )


def as_script(data: dict[str, Any]) -> Markup:
    """JSON for inside ``<script>``: ``<`` escaped so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
