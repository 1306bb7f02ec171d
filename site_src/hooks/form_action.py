"""mkdocs hook: put ``extra.api_url`` (``RELAIS_API_URL`` at build time) into the
request form, where the page writes the placeholder ``{{RELAIS_API_URL}}``."""

from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

PLACEHOLDERS = {
    "{{RELAIS_API_URL}}": "api_url",
    "{{RELAIS_CONSENT_VERSION}}": "consent_version",
    "{{RELAIS_STATS_URL}}": "stats_url",
}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for placeholder, key in PLACEHOLDERS.items():
        if placeholder in markdown:
            markdown = markdown.replace(placeholder, escape(str(config.extra[key]), quote=True))
    return markdown
