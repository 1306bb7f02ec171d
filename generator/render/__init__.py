"""Generated Markdown pages of the site: ``render_site(directory, root)`` writes, for
each language, one page per region, per organisation and per program, the regions,
programs, organisations and advisors indexes, and the home page's list of regions,
under ``site_src/docs/`` (``<path>.fr.md`` / ``<path>.en.md``, the suffix layout of
mkdocs-static-i18n), and one vCard per organisation and per advisor
(``organisations/<id>.<lang>.vcf``, ``conseillers/<id>.<lang>.vcf``).

Files are rewritten only when their text changed, so ``mkdocs serve`` does not
loop on its own output; generated files that no longer match a record (a deleted
program) are removed. Only pages carrying :data:`MARKER` in their first lines (after
the front matter of pages kept out of the search index), and vCards in the
generated folders, are ever removed.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from generator.directory import Directory
from generator.finder import build_finder_lookup
from generator.formatting import typography
from generator.render import labels
from generator.render.context import Page, all_pages
from generator.vcard import advisor_vcard, organisation_vcard
from generator.vocab import LANGUAGES, Language

MARKER = "<!-- généré par generator/ — ne pas modifier -->"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DOCS = Path("site_src") / "docs"
# Folders of site_src/docs holding only generated pages (gitignored).
GENERATED_DIRS = ("regions", "programmes", "organisations", "conseillers", "codes-postaux", "_generated")


@pass_context
def _escape(context: Context, value: object) -> object:
    """Set the page language's typography on a value (:func:`generator.formatting.typography`),
    then escape what would break the Markdown or HTML around it; quotes of prose stay
    readable in the generated source. Markup (already typeset and escaped) passes as is."""
    if value is None or isinstance(value, Markup):
        return value if value is not None else ""
    text = typography(str(value), context.get("lang", Language.FR.value))
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def make_environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_page(env: Environment, page: Page, lang: Language) -> str:
    """The Markdown text of one generated page in ``lang``."""
    template = env.get_template(page.template)
    text = template.render(
        **page.context,
        lang=lang.value,
        t=lambda key: labels.ui(key, lang),
        marker=Markup(MARKER),
    )
    return text.rstrip("\n") + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it already holds it; True when written."""
    if path.exists() and path.read_bytes() == text.encode("utf-8"):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))  # bytes: a vCard's CRLF stays CRLF
    return True


def vcards(directory: Directory) -> dict[str, str]:
    """``{path under site_src/docs: vCard text}`` for every organisation and advisor, per
    language (``<id>.fr.vcf``, ``<id>.en.vcf``: the suffix layout serves them at
    ``/organisations/<id>.vcf`` and ``/en/organisations/<id>.vcf``)."""
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        for org in directory.organisations.values():
            out[f"organisations/{org.id}.{lang.value}.vcf"] = organisation_vcard(org, lang)
        for advisor in directory.advisors.values():
            employer = directory.organisations[advisor.organisation]
            out[f"conseillers/{advisor.id}.{lang.value}.vcf"] = advisor_vcard(advisor, employer, lang)
    return out


def render_site(directory: Directory, root: Path) -> None:
    """Write every generated page of both languages under ``root/site_src/docs``."""
    docs = root / DOCS
    env = make_environment()
    wanted: set[Path] = set()
    lookup = build_finder_lookup(directory)
    for lang in LANGUAGES:
        for page in all_pages(directory, lang, lookup):
            path = docs / f"{page.path}.{lang.value}.md"
            wanted.add(path)
            write_if_changed(path, render_page(env, page, lang))
    for name, text in vcards(directory).items():
        wanted.add(docs / name)
        write_if_changed(docs / name, text)
    for folder in GENERATED_DIRS:
        for stale in sorted((docs / folder).glob("**/*.md")):
            if stale not in wanted and MARKER in stale.read_text(encoding="utf-8")[:200]:
                stale.unlink()
        for stale in sorted((docs / folder).glob("*.vcf")):
            if stale not in wanted:
                stale.unlink()


__all__ = ["MARKER", "render_page", "render_site", "write_if_changed"]
