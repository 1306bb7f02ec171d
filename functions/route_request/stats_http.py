"""``GET /stats``: the statistics as JSON (open data) or, with ``?format=html``, as a page
with a table and a bar chart drawn in SVG on the server: no JavaScript needed.

The JSON is small (a row per month and region) and public: ``access-control-allow-origin``
lets the site's "Statistiques" page read it; it is cached for an hour.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .lifecycle import OUTCOMES
from .stats import THRESHOLD, Row, monthly, regional_medians
from .workdays import Calendar, parse_dates

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .app import App

e = html.escape
YEAR = 365 * 86400


def compute(app: App) -> dict[str, Any]:
    calendar = Calendar.with_extra(parse_dates(app.settings.extra_holidays))
    summaries = app.store.summaries()
    now = int(app.clock())
    rows = monthly(summaries, calendar)
    return {
        "generated_at": datetime.fromtimestamp(now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "suppression_threshold": THRESHOLD,
        "note": {
            "fr": f"Les nombres inférieurs à {THRESHOLD} sont remplacés par null (confidentialité).",
            "en": f"Counts under {THRESHOLD} are published as null (privacy).",
        },
        "regions": {
            code: {"fr": r.label("fr"), "en": r.label("en")} for code, r in sorted(app.table.regions.items())
        },
        "median_business_days_to_take_last_12_months": regional_medians(
            summaries, calendar, since=now - YEAR
        ),
        "rows": [row.as_dict() for row in rows],
    }


def stats_response(app: App, query: Mapping[str, str]) -> dict[str, Any]:
    data = compute(app)
    headers = {
        "cache-control": "public, max-age=3600",
        "access-control-allow-origin": app.settings.site_origin,
        "x-content-type-options": "nosniff",
    }
    if query.get("format") == "html":
        lang = "en" if query.get("lang") == "en" else "fr"
        headers["content-type"] = "text/html; charset=utf-8"
        return {"statusCode": 200, "headers": headers, "body": render(data, lang)}
    headers["content-type"] = "application/json; charset=utf-8"
    return {"statusCode": 200, "headers": headers, "body": json.dumps(data, ensure_ascii=False)}


LABELS = {
    "fr": {
        "title": "Statistiques de prise en charge",
        "month": "Mois",
        "region": "Région",
        "received": "Reçues",
        "within": "Prises en charge en 2 jours ouvrables ou moins",
        "median": "Délai médian de prise en charge (jours ouvrables)",
        "closed": "Closes",
        "suppressed": "< 5",
        "none": "Aucune demande encore.",
        "chart": "Demandes reçues par mois, toutes régions (mois où le total atteint 5)",
        "table": "Tableau par mois et par région",
    },
    "en": {
        "title": "Response statistics",
        "month": "Month",
        "region": "Region",
        "received": "Received",
        "within": "Taken in charge within 2 business days",
        "median": "Median time to take charge (business days)",
        "closed": "Closed",
        "suppressed": "< 5",
        "none": "No requests yet.",
        "chart": "Requests received per month, all regions (months whose total reaches 5)",
        "table": "Table by month and region",
    },
}


def _cell(value: object, lang: str) -> str:
    if value is None:
        return e(LABELS[lang]["suppressed"])
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if lang == "fr" else text
    return e(str(value))


def _chart(rows: list[Row] | list[dict[str, Any]], lang: str) -> str:
    totals: dict[str, int] = {}
    for row in rows:
        received = row["received"] if isinstance(row, dict) else row.received
        month = row["month"] if isinstance(row, dict) else row.month
        totals[month] = totals.get(month, 0) + (received or 0)
    months = sorted(m for m, n in totals.items() if n >= THRESHOLD)[-12:]
    if not months:
        return ""
    top = max(totals[m] for m in months)
    bar, gap, height = 36, 12, 160
    width = len(months) * (bar + gap) + gap
    parts = []
    for i, month in enumerate(months):
        h = round(totals[month] / top * (height - 30))
        x = gap + i * (bar + gap)
        parts.append(
            f'<rect x="{x}" y="{height - 20 - h}" width="{bar}" height="{h}" fill="#0b5394">'
            f"<title>{e(month)} : {totals[month]}</title></rect>"
            f'<text x="{x + bar / 2}" y="{height - 24 - h}" text-anchor="middle" font-size="11">'
            f"{totals[month]}</text>"
            f'<text x="{x + bar / 2}" y="{height - 5}" text-anchor="middle" font-size="10">'
            f"{e(month[2:])}</text>"
        )
    label = LABELS[lang]["chart"]
    return (
        f'<figure><svg role="img" aria-label="{e(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{"".join(parts)}</svg><figcaption>{e(label)}</figcaption></figure>'
    )


def render(data: Mapping[str, Any], lang: str) -> str:
    from .notices import OUTCOME_LABELS
    from .pages import page

    t = LABELS[lang]
    rows = data["rows"]
    if not rows:
        return page(lang, t["title"], f"<p>{e(t['none'])}</p>")
    head = "".join(
        f'<th scope="col">{e(h)}</th>'
        for h in (t["month"], t["region"], t["received"], t["within"], t["median"])
    ) + "".join(f'<th scope="col">{e(t["closed"])} : {e(OUTCOME_LABELS[lang][o])}</th>' for o in OUTCOMES)
    body = ""
    for row in rows:
        region = data["regions"].get(row["region"], {}).get(lang, row["region"])
        cells = [row["received"], row["taken_within_2_business_days"], row["median_business_days_to_take"]]
        cells += [row["closed"].get(o) for o in OUTCOMES]
        body += (
            f'<tr><th scope="row">{e(row["month"])}</th><td>{e(region)}</td>'
            + "".join(f"<td>{_cell(c, lang)}</td>" for c in cells)
            + "</tr>"
        )
    note = data["note"][lang]
    # Wider than a phone: the table scrolls in its own labelled region, reachable by keyboard.
    table = (
        f'<div class="scroll" role="region" tabindex="0" aria-label="{e(t["table"])}">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        f"<p><small>{e(note)}</small></p>"
    )
    return page(lang, t["title"], _chart(rows, lang) + table)
