"""Compose the three emails of a request. Pure: values in, ``EmailMessage`` out.

* to the region's ERAC and to the advisor (French: the network works in French),
* to the requester, a confirmation in their language.

Each has a plain-text part and an HTML alternative; every value that came from the
requester is HTML-escaped in the HTML part. Headers are built from settings and routing
table values; the only user values in headers are the requester's validated address and
name, passed through ``email.headerregistry.Address`` (which quotes and RFC 2047-encodes)
after CR/LF, other control characters and encoded-word openers (``=?``) are removed.
Subjects hold only the reference and the region's name.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP

from .links import Action, sign_link
from .store import RequestRecord
from .table import RoutingTable

ACTION_LABELS: tuple[tuple[Action, str], ...] = (
    ("take", "Je prends la demande"),
    ("transfer", "Transférer"),
    ("contact", "Contact établi"),
    ("close", "Clore"),
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class Sender:
    address: str
    name: str
    site_origin: str
    # Where mail for a sample record (an ERAC or advisor whose real address is not known
    # yet, ``…@example.org``) really goes: the operators' mailbox, so such a request still
    # reaches a person. ``None`` (local backend) writes it to its example.org address.
    sample_recipient: str | None = None
    api_base: str = ""  # where personal links point (Settings.api_base)
    link_secret: bytes = b""  # signs them; empty: emails carry no links
    operators: str = ""  # the operators' mailbox (escalations)

    def link(self, submission_id: str, recipient: str, action: Action, now: int) -> str | None:
        """A signed personal link (links.py), or None when no secret was given."""
        if not self.link_secret:
            return None
        token = sign_link(
            self.link_secret, submission_id=submission_id, recipient=recipient, action=action, now=now
        )
        return f"{self.api_base}/{'s' if action == 'status' else 'a'}/{token}"

    def action_links(self, submission_id: str, recipient: str, now: int) -> list[tuple[str, str]]:
        """The four actions of a relay's email, labelled in French (the network's language)."""
        out = []
        for action, label in ACTION_LABELS:
            url = self.link(submission_id, recipient, action, now)
            if url:
                out.append((label, url))
        return out

    def route_to(self, email: str, *, sample: bool, relay: bool = False) -> Redirect:
        """Where mail for ``email`` really goes (``Redirect``)."""
        if sample and self.sample_recipient:
            return Redirect(self.sample_recipient, original=email, relay=relay)
        return Redirect(email)


@dataclass(frozen=True)
class Redirect:
    """Where a relay's mail really goes: its own address, or the operators' mailbox for a
    sample record (a fictitious address) or for a real organisation that publishes no email
    (``relay``), with a subject tag and a first line telling the operators what to do."""

    to: str
    original: str | None = None  # the record's own address when redirected
    relay: bool = False

    def subject(self, subject: str) -> str:
        if self.original is None:
            return subject
        return ("[À RELAYER] " if self.relay else "[EXEMPLE] ") + subject

    def notice(self, name: str) -> list[str]:
        if self.original is None:
            return []
        if self.relay:
            return [
                f"[À relayer : ce message est destiné à {name}, qui ne publie pas d'adresse de "
                "courriel générale dans le répertoire. Transmettez-le à l'organisme par ses "
                "coordonnées publiques, puis faites ajouter son adresse à sa fiche.]"
            ]
        return [
            f"[Fiche d'exemple : ce message était destiné à {self.original}, adresse fictive d'une "
            "fiche à remplacer par les coordonnées réelles. Transmettez la demande à la bonne personne.]"
        ]


@dataclass(frozen=True)
class Outgoing:
    role: str
    recipient: str
    message: EmailMessage


def header_safe(value: str) -> str:
    """One line, no control characters: safe as a header display name."""
    return " ".join(_CONTROL.sub(" ", value).split())


def display_name_safe(value: str) -> str:
    """:func:`header_safe`, and no RFC 2047 encoded word: a name typed as
    ``=?utf-8?q?Eve=0D=0ABcc:_x@example.org?=`` would otherwise be decoded, CR LF included,
    when the email package refolds the header (3.11.7 then writes a real Bcc line; 3.13
    re-encodes it, but mail clients still show the decoded name). ``= ?`` is never decoded."""
    return header_safe(value).replace("=?", "= ?")


def _address(display_name: str, addr_spec: str) -> Address:
    return Address(display_name=display_name_safe(display_name), addr_spec=header_safe(addr_spec))


LABELS = {
    "fr": {
        "reference": "Référence",
        "region": "Région",
        "why": "Pourquoi cette région et ce conseiller",
        "informed": "Ont reçu cette demande",
        "business_name": "Entreprise",
        "contact_name": "Personne-ressource",
        "email": "Courriel",
        "phone": "Téléphone",
        "postal_code": "Code postal",
        "municipality": "Municipalité",
        "description": "Besoin",
        "consent": "Consentement (version de l'énoncé)",
        "none": "(non fourni)",
        "erac": "ERAC",
        "advisor": "Conseiller",
        "first_line": "Organisme de première ligne",
        "privacy": "Énoncé de confidentialité",
    },
    "en": {
        "reference": "Reference",
        "region": "Region",
        "why": "Why this region and advisor",
        "informed": "Received this request",
        "business_name": "Business",
        "contact_name": "Contact",
        "email": "Email",
        "phone": "Phone",
        "postal_code": "Postal code",
        "municipality": "Municipality",
        "description": "Need",
        "consent": "Consent (statement version)",
        "none": "(not given)",
        "erac": "ERAC",
        "advisor": "Advisor",
        "first_line": "First-line organisation",
        "privacy": "Privacy statement",
    },
}


def _informed(record: RequestRecord, table: RoutingTable, lang: str) -> list[str]:
    labels = LABELS[lang]
    lines = []
    erac = table.organisations.get(record.routing.erac)
    if erac is not None:
        lines.append(
            f"{labels['erac']} : {erac.label(lang)}" if lang == "fr" else f"ERAC: {erac.label(lang)}"
        )
    if record.routing.advisor:
        advisor = table.advisors.get(record.routing.advisor)
        if advisor is not None:
            org = table.organisations.get(advisor.organisation)
            who = advisor.name + (f" ({org.label(lang)})" if org else "")
            lines.append(f"{labels['advisor']} : {who}" if lang == "fr" else f"Advisor: {who}")
    if record.routing.first_line:
        org = table.organisations.get(record.routing.first_line)
        if org is not None:
            lines.append(f"{labels['first_line']}{_colon(lang)}{org.label(lang)}")
    return lines


def _details(record: RequestRecord, lang: str, table: RoutingTable) -> list[tuple[str, str]]:
    labels = LABELS[lang]
    req = record.request
    rows = [
        (labels["business_name"], req.get("business_name", "")),
        (labels["contact_name"], req.get("contact_name", "")),
        (labels["email"], req.get("email", "")),
        (labels["phone"], req.get("phone") or labels["none"]),
        (labels["postal_code"], req.get("postal_code", "")),
    ]
    town = table.municipalities.get(record.routing.municipality or "")
    if town is not None:
        rows.append((labels["municipality"], f"{town.name} ({town.mrc})"))
    elif req.get("municipality"):
        rows.append((labels["municipality"], req["municipality"]))
    rows.append((labels["consent"], record.consent_version))
    return rows


def _colon(lang: str) -> str:
    return " : " if lang == "fr" else ": "


def _build(
    *,
    sender: Sender,
    to: Address,
    subject: str,
    intro: list[str],
    record: RequestRecord,
    table: RoutingTable,
    lang: str,
    reply_to: Address | None,
    closing: list[str],
    include_request: bool = True,
    links: list[tuple[str, str]] | None = None,
    extra: list[str] | None = None,
) -> EmailMessage:
    """One message: text and HTML parts, every value escaped in the HTML. Without
    ``include_request`` the requester's own typed values (business, description…) are left
    out: the confirmation goes to an address nobody has verified, and must not let anyone
    use Relais to send their text to a third party."""
    labels = LABELS[lang]
    colon = _colon(lang)
    region = table.regions[record.routing.region_code].label(lang)
    why = record.routing.reason.get(lang) or record.routing.reason.get("fr", "")
    informed = _informed(record, table, lang)
    details = _details(record, lang, table) if include_request else []
    description = record.request.get("description", "")

    links = links or []
    extra = extra or []
    text_lines = [*intro, ""]
    if links:
        text_lines += [f"{label}{colon}{url}" for label, url in links] + [""]
    if extra:
        text_lines += [*extra, ""]
    text_lines += [
        f"{labels['reference']}{colon}{record.reference}",
        f"{labels['region']}{colon}{region}",
        "",
    ]
    text_lines += [f"{labels['why']}{colon}", why, ""]
    text_lines += [f"{labels['informed']}{colon}", *[f"- {line}" for line in informed], ""]
    if include_request:
        text_lines += [f"{label}{colon}{value}" for label, value in details]
        text_lines += ["", f"{labels['description']}{colon}", description, ""]
    text_lines += closing
    text = "\n".join(text_lines) + "\n"

    e = html.escape
    rows = "".join(f'<tr><th scope="row">{e(label)}</th><td>{e(value)}</td></tr>' for label, value in details)
    html_body = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{e(subject)}</title></head><body>"
        + "".join(f"<p>{e(line)}</p>" for line in intro if line)
        + (
            "<p>" + " · ".join(f'<a href="{e(url)}">{e(label)}</a>' for label, url in links) + "</p>"
            if links
            else ""
        )
        + "".join(f"<p>{e(line)}</p>" for line in extra if line)
        + f"<p><strong>{e(labels['reference'])}{e(colon)}{e(record.reference)}</strong><br>"
        f"{e(labels['region'])}{e(colon)}{e(region)}</p>"
        f"<h2>{e(labels['why'])}</h2><p>{e(why)}</p>"
        f"<h2>{e(labels['informed'])}</h2><ul>"
        + "".join(f"<li>{e(line)}</li>" for line in informed)
        + "</ul>"
        + (
            f"<table>{rows}</table>"
            f"<h2>{e(labels['description'])}</h2><p>{e(description).replace(chr(10), '<br>')}</p>"
            if include_request
            else ""
        )
        + "".join(f"<p>{e(line)}</p>" for line in closing if line)
        + "</body></html>\n"
    )

    msg = EmailMessage(policy=SMTP)
    msg["From"] = Address(display_name=display_name_safe(sender.name), addr_spec=sender.address)
    msg["To"] = to
    if reply_to is not None:
        msg["Reply-To"] = reply_to
    msg["Subject"] = header_safe(subject)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text)
    msg.add_alternative(html_body, subtype="html")
    msg["Content-Language"] = lang  # after the parts: make_alternative moves Content-* headers down
    return msg


def _relay(
    role: str,
    *,
    name: str,
    email: str,
    sample: bool,
    subject: str,
    lines: list[str],
    record: RequestRecord,
    table: RoutingTable,
    sender: Sender,
    relay: bool = False,
    links: list[tuple[str, str]] | None = None,
    extra: list[str] | None = None,
) -> Outgoing:
    """The French message to one relay in the chain (the ERAC or the advisor). Mail for a
    sample record, or for an organisation without a published address, goes to the
    operators' mailbox when one is configured, flagged as such (``Redirect``)."""
    redirect = sender.route_to(email, sample=sample, relay=relay)
    return Outgoing(
        role=role,
        recipient=redirect.to,
        message=_build(
            sender=sender,
            to=_address(name, redirect.to),
            subject=redirect.subject(subject),
            intro=[*redirect.notice(name), "Bonjour,", *lines],
            record=record,
            table=table,
            lang="fr",
            reply_to=_address(record.request.get("contact_name", ""), record.request["email"]),
            closing=[f"Traitement des renseignements personnels : {sender.site_origin}/confidentialite/"],
            links=links,
            extra=extra,
        ),
    )


def compose(
    record: RequestRecord, table: RoutingTable, sender: Sender, *, now: int | None = None
) -> list[Outgoing]:
    """The messages still to send for ``record``, one per recipient role with a pending delivery.
    Personal links are signed at ``now`` (default: the request's creation)."""
    out = []
    now = record.created_at if now is None else now
    pending = set(record.pending())
    region = table.regions[record.routing.region_code]
    privacy = f"{sender.site_origin}/confidentialite/"
    reply = "Répondez directement à ce courriel pour joindre la personne-ressource."
    if "erac" in pending:
        erac = table.organisations[record.routing.erac]
        out.append(
            _relay(
                "erac",
                name=erac.label("fr"),
                email=erac.email,
                sample=erac.sample,
                relay=erac.relay,
                subject=f"Relais — nouvelle demande {record.reference} ({region.label('fr')})",
                lines=["Une entreprise de votre région demande de l'aide par Relais. " + reply],
                record=record,
                table=table,
                sender=sender,
                links=sender.action_links(record.submission_id, record.routing.erac, now),
            )
        )
    if "advisor" in pending and record.routing.advisor:
        advisor = table.advisors[record.routing.advisor]
        out.append(
            _relay(
                "advisor",
                name=advisor.name,
                email=advisor.email,
                sample=advisor.sample,
                subject=f"Relais — demande {record.reference} confiée ({region.label('fr')})",
                lines=["Cette demande vous est confiée par Relais, en copie à l'ERAC de la région. " + reply],
                record=record,
                table=table,
                sender=sender,
                links=sender.action_links(record.submission_id, record.routing.advisor, now),
            )
        )
    if "first_line" in pending and record.routing.first_line:
        org = table.organisations[record.routing.first_line]
        out.append(
            _relay(
                "first_line",
                name=org.label("fr"),
                email=org.email,
                sample=org.sample,
                relay=org.relay,
                subject=f"Relais — demande {record.reference} d'une entreprise de votre territoire",
                lines=[
                    "Aucun conseiller du répertoire ne dessert la municipalité de cette entreprise : "
                    "Relais vous la transmet, en copie à l'ERAC de la région. " + reply
                ],
                record=record,
                table=table,
                sender=sender,
            )
        )
    if "requester" in pending:
        lang = "en" if record.lang == "en" else "fr"
        privacy_lang = f"{sender.site_origin}/en/confidentialite/" if lang == "en" else privacy
        erac = table.organisations[record.routing.erac]
        if lang == "en":
            subject = f"Relais — we received your request {record.reference}"
            intro = [
                "Hello,",
                "Thank you: your request was received and passed on to the people below, "
                "who will contact you directly.",
            ]
            closing = [
                "For your protection, this message does not repeat what you wrote: "
                "the people above have it and will reply to you.",
                f"How we handle your personal information: {privacy_lang}",
            ]
        else:
            subject = f"Relais — nous avons reçu votre demande {record.reference}"
            intro = [
                "Bonjour,",
                "Merci : votre demande a bien été reçue et transmise aux personnes ci-dessous, "
                "qui communiqueront directement avec vous.",
            ]
            closing = [
                "Pour votre protection, ce courriel ne reprend pas le contenu de votre demande : "
                "les personnes ci-dessus l'ont reçu et vous répondront.",
                f"Traitement de vos renseignements personnels : {privacy_lang}",
            ]
        out.append(
            Outgoing(
                role="requester",
                recipient=record.request["email"],
                message=_build(
                    sender=sender,
                    # the address alone: a typed name must not ride along to an unverified address
                    to=_address("", record.request["email"]),
                    subject=subject,
                    intro=intro,
                    record=record,
                    table=table,
                    lang=lang,
                    # a sample ERAC's replies go to the operators' mailbox too
                    reply_to=_address(erac.label(lang), sender.route_to(erac.email, sample=erac.sample).to),
                    closing=closing,
                    include_request=False,
                    links=status_links(record, sender, now),
                ),
            )
        )
    return out


def bounced_advisor_notice(record: RequestRecord, table: RoutingTable, sender: Sender) -> Outgoing:
    """To the region's ERAC: the advisor's address in the directory bounced for good, so the
    request did not reach them; pass it on and have the directory corrected."""
    region = table.regions[record.routing.region_code]
    erac = table.organisations[record.routing.erac]
    advisor = table.advisors[record.routing.advisor] if record.routing.advisor else None
    who = f"{advisor.name} ({advisor.email})" if advisor else "la personne-ressource"
    return _relay(
        "erac",
        name=erac.label("fr"),
        email=erac.email,
        sample=erac.sample,
        relay=erac.relay,
        subject=(
            f"Relais — adresse refusée : demande {record.reference} à retransmettre ({region.label('fr')})"
        ),
        lines=[
            f"Le courriel de cette demande à {who} a été refusé définitivement par son serveur : "
            "la demande ne lui est pas parvenue.",
            "Transmettez-la à la bonne personne et faites corriger l'adresse de sa fiche dans le "
            f"répertoire ({sender.site_origin}/contribuer/).",
        ],
        record=record,
        table=table,
        sender=sender,
    )


def status_links(record: RequestRecord, sender: Sender, now: int) -> list[tuple[str, str]]:
    """The requester's private status link, labelled in their language."""
    url = sender.link(record.submission_id, "requester", "status", now)
    if url is None:
        return []
    label = "Where your request stands" if record.lang == "en" else "Où en est votre demande"
    return [(label, url)]
