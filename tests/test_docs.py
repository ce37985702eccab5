"""Generated documentation stays in step with the code."""

from __future__ import annotations

from lookthrough import settings

from .conftest import REPO


def test_settings_reference_is_current() -> None:
    written = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    assert written == settings.reference(), "run `make docs` to regenerate docs/settings.md"


def test_every_setting_has_help() -> None:
    for setting in settings.SETTINGS.values():
        assert setting.help.strip().endswith("."), setting.name


def test_readme_lists_every_format_with_its_download() -> None:
    """The README's tables of formats name every built-in adapter and the URL it downloads or
    that its publisher serves."""
    from lookthrough.sources import all_sources

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    for cls in all_sources():
        if not cls.__module__.startswith("lookthrough."):
            continue  # a third-party plugin documents itself
        assert any(row.startswith(f"| `{cls.name}` |") for row in rows), cls.name
        main = cls.downloads[0].url if cls.downloads else None
        for url in (main, getattr(cls, "url", None)):
            assert url is None or url in readme, (cls.name, url)
