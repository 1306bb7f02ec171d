"""A request records the version of the privacy notice the person agreed to
(``extra.consent_version`` in mkdocs.yml, sent by the form). Each version names one text
of the privacy pages: changing the text without a new version would record consent to
words the person never read."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PAGES = ("site_src/docs/confidentialite.fr.md", "site_src/docs/confidentialite.en.md")
# consent_version -> sha256 of the privacy pages (French then English) it stands for.
TEXTS = {
    "2026-11-29": "bb72005c1433e8773a80614a3fa35b14022060f2583b3a3c9d5bd949d53f6f22",
}


def privacy_text_digest() -> str:
    digest = hashlib.sha256()
    for page in PAGES:
        digest.update((REPO / page).read_bytes())
    return digest.hexdigest()


def consent_version() -> str:
    found = re.search(
        r'^  consent_version: "([^"]+)"$', (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    )
    assert found, "mkdocs.yml: extra.consent_version is missing"
    return found.group(1)


def test_the_privacy_text_is_the_one_its_consent_version_names() -> None:
    version, digest = consent_version(), privacy_text_digest()
    assert TEXTS.get(version) == digest, (
        f"{PAGES[0]} / {PAGES[1]}: the privacy notice differs from the text of consent version "
        f"{version}. If its meaning changed, set extra.consent_version in mkdocs.yml to today's "
        f'date and add "<date>": "{digest}" to TEXTS in {Path(__file__).name}; if only a typo '
        f"was fixed, replace the digest of {version} with it."
    )
