"""mkdocs hook: one "not found" page, the French build's.

mkdocs-static-i18n builds each language in turn into the same ``site_dir``; a static
template such as ``404.html`` goes to the site's root every time, so the last language
built (English) would overwrite the French one, and the page (French first, with an
English part marked ``lang="en"``; site_src/overrides/404.html) would declare
``lang="en"`` and carry English theme labels. A static host serves one error page for
every missing address: this hook keeps the default language's.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LANGUAGE = "fr"
_rendered: dict[str, str] = {}


def kept_not_found_page(output: str, language: str, rendered: dict[str, str]) -> str:
    """The default language's 404 page: remembered when it is built, returned for the others."""
    if language == DEFAULT_LANGUAGE:
        rendered[DEFAULT_LANGUAGE] = output
        return output
    return rendered.get(DEFAULT_LANGUAGE, output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    return kept_not_found_page(output_content, str(config.theme.get("language", "")), _rendered)
