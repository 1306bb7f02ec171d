"""Running the browser tests leaves the tree as it was: the README's screenshots are
written into docs/screenshots/ only when asked (``make screenshots``)."""

from __future__ import annotations

from pathlib import Path

from .conftest import SCREENSHOTS, screenshots_target


def test_the_suite_writes_screenshots_outside_the_tree(tmp_path: Path) -> None:
    assert screenshots_target({}, tmp_path) == tmp_path
    assert screenshots_target({"RELAIS_SCREENSHOTS": "0"}, tmp_path) == tmp_path


def test_make_screenshots_writes_them_for_the_readme(tmp_path: Path) -> None:
    assert screenshots_target({"RELAIS_SCREENSHOTS": "1"}, tmp_path) == SCREENSHOTS
    readme = (SCREENSHOTS.parents[1] / "README.md").read_text(encoding="utf-8")
    for name in ("home.png", "home-phone.png", "region.png"):
        assert f"docs/screenshots/{name}" in readme and (SCREENSHOTS / name).is_file()
