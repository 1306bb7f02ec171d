"""Check that every internal link of the built site resolves to a file.

    python scripts/check_links.py [SITE_DIR] [--lang fr|en]

Reads every ``*.html`` under SITE_DIR (``site`` by default), collects each ``href``
and ``src`` (and each URL of a ``srcset``) that stays on the site, and checks that it
names a file of SITE_DIR: ``page/`` means ``page/index.html``, a leading ``/`` is the
site's root, the query string and the ``#fragment`` are ignored. External links
(``https:``, ``mailto:``, ``//host``…) are not checked: that would need the network.

Prints one ``file:line: message`` per broken link, then the count; exit 1 when any
link is broken, 0 otherwise, 2 when SITE_DIR is not a folder.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"href", "src", "poster", "data"}


@dataclass(frozen=True)
class BrokenLink:
    page: Path  # relative to the site folder
    line: int
    url: str
    target: Path  # relative to the site folder

    def message(self, site: Path, lang: str = "fr") -> str:
        where = f"{(site / self.page).as_posix()}:{self.line}"
        if lang == "en":
            return f"{where}: broken link “{self.url}”: {self.target.as_posix()} does not exist"
        return f"{where}: lien brisé « {self.url} » : {self.target.as_posix()} n'existe pas"


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[int, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if tag == "base" and name == "href":
                self.base = value
            elif name in LINK_ATTRIBUTES and not (tag == "link" and _is_hint(attrs)):
                self.links.append((line, value.strip()))
            elif name in {"srcset", "imagesrcset"}:
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.links.append((line, url))


def _is_hint(attrs: list[tuple[str, str | None]]) -> bool:
    # <link rel="preconnect|dns-prefetch"> names a host, not a file
    rel = dict(attrs).get("rel") or ""
    return any(word in {"preconnect", "dns-prefetch"} for word in rel.split())


def is_internal(url: str) -> bool:
    """True for a link that names a file of the site (not another site, not a fragment)."""
    if not url or url.startswith(("#", "//")):
        return False
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def resolve(site: Path, page: Path, url: str) -> Path:
    """The file (relative to ``site``) that ``url`` on ``page`` (relative to ``site``) names."""
    path = unquote(urlsplit(url).path)
    if not path:
        return page  # "?q=1" only: the page itself
    base = Path() if path.startswith("/") else page.parent
    parts: list[str] = list(base.parts)
    for part in path.split("/"):
        if part in {"", "."}:
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    target = Path(*parts) if parts else Path()
    if path.endswith("/") or (site / target).is_dir():
        target = target / "index.html"
    return target


def check_site(site: Path) -> list[BrokenLink]:
    """Every broken internal link of every HTML file under ``site``, sorted by page and line."""
    broken: list[BrokenLink] = []
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site)
        collector = _LinkCollector()
        collector.feed(file.read_text(encoding="utf-8", errors="replace"))
        collector.close()
        if collector.base is not None:
            continue  # a <base> changes what relative links mean; mkdocs never writes one
        for line, url in collector.links:
            if not is_internal(url):
                continue
            target = resolve(site, page, url)
            if not (site / target).is_file():
                broken.append(BrokenLink(page, line, url, target))
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the internal links of the built site.")
    parser.add_argument("site", nargs="?", type=Path, default=Path("site"), help="the built site (site)")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="language of the messages (fr)")
    args = parser.parse_args(argv)
    site: Path = args.site
    if not site.is_dir():
        missing = (
            "is not a folder: run make build first"
            if args.lang == "en"
            else "n'est pas un dossier : lancez d'abord make build"
        )
        print(f"{site}: {missing}", file=sys.stderr)
        return 2
    broken = check_site(site)
    for link in broken:
        print(link.message(site, args.lang))
    pages = sum(1 for _ in site.rglob("*.html"))
    if args.lang == "en":
        print(f"{len(broken)} broken link(s) in {pages} page(s).")
    else:
        print(f"{len(broken)} lien(s) brisé(s) dans {pages} page(s).")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
