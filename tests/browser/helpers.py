"""What the browser tests share: filling the request form, reading the outbox, axe-core."""

from __future__ import annotations

import json
import re
from email.message import EmailMessage
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

FORM_PATH = {"fr": "demande/", "en": "en/demande/"}

# One page of each kind (path under the language's prefix), for the tests that walk
# every kind of page: accessibility, phone widths, third-party requests.
PAGE_KINDS = {
    "home": "",
    "regions": "regions/",
    "region": "regions/lanaudiere/",
    "programs": "programmes/",
    "program": "programmes/otn/",
    "organisations": "organisations/",
    "form": "demande/",
    "thanks": "merci/?reference=REL-2026-TEST01",
    "error": "erreur/?status=invalid&fields=email,postal_code",
    "privacy": "confidentialite/",
    "about": "a-propos/",
    "organisation": "organisations/lanaudiere-economique/",
    "advisors": "conseillers/",
    "postal_areas": "codes-postaux/",
    "statistics": "statistiques/",
    "not_found": "cette-page-n-existe-pas/",
}
# The site's own 404 page: one page for every missing address, French then English (a
# static host serves one error page), answered with status 404.
NOT_FOUND = "not_found"
# The function's own pages (functions/route_request/pages.py, no mkdocs), reached from the
# emails of a request (conftest.function_pages): the requester's status page, the ERAC's
# action page, the statistics table without JavaScript.
FUNCTION_PAGE_KINDS = ["status", "action", "statistics_table"]
PREFIX = {"fr": "", "en": "en/"}
LANGS = ["fr", "en"]
THANKS_PATH = {"fr": "/merci/", "en": "/en/merci/"}

# The request form's fields, filled the way a person would (French and English pages
# share the field ids; only the labels differ).
GOOD = {
    "business_name": "Atelier Exemple inc.",
    "contact_name": "Camille Tremblay",
    "email": "camille@atelier-exemple.ca",
    "phone": "450 555-0123",
    "postal_code": "J6E 2A1",
    "description": "Nous voulons automatiser notre ligne d'emballage.",
}

# axe-core rules for WCAG 2.0/2.1 A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def routing_table() -> dict[str, Any]:
    """The routing table the devserver's function reads (rebuilt by the session's build)."""
    path = ROOT / "functions" / "route_request" / "routing_table.json"
    return json.loads(path.read_text(encoding="utf-8"))


def fill_request_form(page: Any, *, consent: bool = True, **values: str) -> None:
    """Type each field of the request form (``GOOD`` unless overridden; ``""`` leaves it empty)."""
    for name, default in GOOD.items():
        value = values.get(name, default)
        if value:
            page.locator(f"#{name}").fill(value)
    if consent:
        page.locator("#consent").check()


def recipients(messages: list[EmailMessage]) -> set[str]:
    return {str(addr.addr_spec) for m in messages for addr in m["To"].addresses}


def text_of(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    return body.get_content() if body is not None else ""


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations of the page, serious or critical only."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {
                runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary,
                                          html: n.html.slice(0, 200)}))}));
        }""",
        WCAG_TAGS,
    )
    return [v for v in result if v["impact"] in ("serious", "critical")]


def describe_violations(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{len(violations)} serious/critical axe violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            lines.append(f"    at {node['target']}: {node['html']}")
            lines.extend(f"      {line}" for line in (node["summary"] or "").splitlines())
        if len(v["nodes"]) > 8:
            lines.append(f"    … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def save_screenshot(page: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=False)


LINK = re.compile(r"(https?://\S+/api/[as]/[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")


def link_in(text: str, label: str) -> str:
    """The /api/a/ or /api/s/ link on the email's line starting with ``label``."""
    for line in text.splitlines():
        if line.startswith(label):
            match = LINK.search(line)
            assert match, line
            return match.group(1)
    raise AssertionError(f"no {label!r} link in:\n{text}")


def submit_and_confirm(page: Any, stack: Any, lang: str, **values: str) -> str:
    """Fill and send the form with JavaScript; return the reference the thank-you page shows."""
    page.goto(stack.url + FORM_PATH[lang])
    fill_request_form(page, **values)
    page.get_by_role("button", name="Envoyer ma demande" if lang == "fr" else "Send my request").click()
    page.wait_for_url(re.compile(re.escape(THANKS_PATH[lang]) + r"\?reference=REL-"))
    reference_box = page.locator("#relais-reference")
    reference_box.wait_for(state="visible")
    reference = reference_box.locator("[data-reference]").inner_text()
    assert re.fullmatch(r"REL-[A-Za-z0-9-]+", reference), reference
    assert reference in page.url
    return reference
