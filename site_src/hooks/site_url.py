"""mkdocs hook: absolute addresses for search engines.

``site_url`` (``RELAIS_SITE_URL`` at build time, ``http://127.0.0.1:8000/`` for a local
build) makes mkdocs write absolute ``<loc>`` URLs and ``hreflang`` alternates in
``sitemap.xml`` (the sitemaps protocol allows no relative URL) and absolute canonical
links. This hook writes ``robots.txt`` pointing to the sitemap.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig


def absolute_url(link: str, site_url: str) -> str:
    """``link`` (site-absolute like ``/en/regions/x/``, or already absolute) under ``site_url``."""
    if not site_url:
        return link
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, link.lstrip("/"))


def robots_txt(site_url: str) -> str:
    lines = ["User-agent: *", "Allow: /", "Disallow: /api/"]
    if site_url:
        lines.append(f"Sitemap: {absolute_url('sitemap.xml', site_url)}")
    return "\n".join(lines) + "\n"


def on_post_build(config: MkDocsConfig) -> None:
    Path(config.site_dir, "robots.txt").write_text(robots_txt(config.site_url or ""), encoding="utf-8")
