"""« Signaler une correction » / "Report a correction": a link that opens a
pre-filled issue on the repository for one content file, so a reader who sees a
wrong phone number can tell the editors without an account on Relais.

The repository comes from ``RELAIS_REPO_URL``; on GitHub Actions from
``GITHUB_SERVER_URL``/``GITHUB_REPOSITORY``; otherwise :data:`DEFAULT_REPO_URL`
(set ``RELAIS_REPO_URL`` when deploying a fork: README, Deploying).
"""

from __future__ import annotations

import os
from urllib.parse import urlencode

from generator.vocab import Language

DEFAULT_REPO_URL = "https://github.com/relais-quebec/relais"


def repo_url() -> str:
    explicit = os.environ.get("RELAIS_REPO_URL", "").strip()
    if explicit:
        return explicit.rstrip("/")
    server, repository = os.environ.get("GITHUB_SERVER_URL", ""), os.environ.get("GITHUB_REPOSITORY", "")
    if server and repository:
        return f"{server.rstrip('/')}/{repository}"
    return DEFAULT_REPO_URL


def correction_url(path: str, name: str, lang: Language) -> str:
    """The new-issue URL for the record in ``path`` (``content/…/id.yaml``) named ``name``."""
    if lang is Language.FR:
        title = f"Correction : {name}"
        body = f"Fiche : {path}\nCe qui est inexact, et la page publique qui montre l'information exacte :\n"
    else:
        title = f"Correction: {name}"
        body = f"Record: {path}\nWhat is wrong, and the public page that shows what is right:\n"
    query = urlencode({"title": title, "body": body, "labels": "correction"})
    return f"{repo_url()}/issues/new?{query}"
