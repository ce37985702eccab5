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
