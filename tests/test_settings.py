"""Settings are typed and checked once: a bad value names its variable (or file and key)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lookthrough import settings
from lookthrough.cli import app
from lookthrough.exc import InvalidSetting
from lookthrough.graph.lookthrough import as_of_date

runner = CliRunner()


@pytest.fixture(autouse=True)
def _no_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(settings.CONFIG_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    settings.use_config(None)


@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        ("LOOKTHROUGH_WORKERS", "two", "valid integer"),
        ("LOOKTHROUGH_WORKERS", "-1", "greater than or equal to 0"),
        ("LOOKTHROUGH_AS_OF", "2025-9-30", "not an ISO date (YYYY-MM-DD)"),
        ("LOOKTHROUGH_THRESHOLD", "nan", "finite number"),
        ("LOOKTHROUGH_THRESHOLD", "1.5", "less than or equal to 1"),
        ("LOOKTHROUGH_BUILTIN", "maybe", "valid boolean"),
        ("LOOKTHROUGH_OPEN_READS", "maybe", "'auto', '1' or '0'"),
        ("LOOKTHROUGH_BIS_AFFILIATES", "sometimes", "'auto', 'on' or 'off'"),
        ("LOOKTHROUGH_MAX_BATCH", "0", "greater than or equal to 1"),
    ],
)
def test_a_bad_value_names_the_variable(monkeypatch, variable: str, value: str, reason: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(InvalidSetting) as caught:
        settings.current()
    assert str(caught.value).startswith(f"{variable}={value!r}: ")
    assert reason in str(caught.value)


def test_the_cli_stops_with_the_variable_not_a_traceback(monkeypatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_WORKERS", "two")
    result = runner.invoke(app, ["lists"])
    assert result.exit_code == 2
    assert "error: LOOKTHROUGH_WORKERS='two': Input should be a valid integer" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


FLAGS = [
    ("1", "1"),
    ("yes", "1"),
    ("On", "1"),
    ("TRUE", "1"),
    ("0", "0"),
    ("no", "0"),
    ("off", "0"),
    ("False", "0"),
]


@pytest.mark.parametrize(("text", "expected"), FLAGS)
def test_one_boolean_parser_for_every_flag(monkeypatch, text: str, expected: str) -> None:
    monkeypatch.setenv("LOOKTHROUGH_OPEN_READS", text)
    monkeypatch.setenv("LOOKTHROUGH_BUILTIN", text)
    assert settings.get("OPEN_READS") == expected
    assert settings.builtin_enabled() is (expected == "1")


def test_as_of_is_a_date_not_text(monkeypatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_AS_OF", "2025-09-30")
    assert settings.as_of() == date(2025, 9, 30)
    assert as_of_date() == "2025-09-30"


def test_an_empty_variable_counts_as_unset(monkeypatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_THRESHOLD", "")
    monkeypatch.setenv("LOOKTHROUGH_WORKERS", "")
    assert settings.threshold_override() is None
    assert settings.workers() == 0


def test_get_keeps_its_text_form_for_existing_callers(monkeypatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_MAX_UPLOAD_MB", "0.0001")
    assert float(settings.get("MAX_UPLOAD_MB")) == 0.0001
    assert settings.get("MAX_BATCH") == "100"
    assert settings.SETTINGS["MAX_BATCH"].get() == "100"


def test_the_configuration_file_is_read_and_the_environment_overrides_it(monkeypatch, tmp_path) -> None:
    (tmp_path / "lookthrough.toml").write_text(
        'workers = 3\nthreshold = 0.8\nas_of = 2024-01-31\ndb = "x.duckdb"\n'
    )
    monkeypatch.delenv("LOOKTHROUGH_DB")
    assert (settings.workers(), settings.threshold_override(), settings.db_url()) == (3, 0.8, "x.duckdb")
    assert settings.as_of() == date(2024, 1, 31)
    monkeypatch.setenv("LOOKTHROUGH_WORKERS", "1")
    assert settings.workers() == 1


def test_a_bad_value_in_the_file_names_the_file_and_key(tmp_path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text('workers = "two"\n')
    settings.use_config(config)
    with pytest.raises(
        InvalidSetting, match=r"elsewhere.toml: workers='two': Input should be a valid integer"
    ):
        settings.current()


def test_an_unknown_key_or_broken_file_is_refused(monkeypatch, tmp_path) -> None:
    config = tmp_path / "c.toml"
    monkeypatch.setenv(settings.CONFIG_ENV, str(config))
    config.write_text("wrokers = 2\n")
    with pytest.raises(InvalidSetting, match="unknown setting 'wrokers'"):
        settings.current()
    config.write_text("workers = \n")
    with pytest.raises(InvalidSetting, match="not a readable TOML file"):
        settings.current()
    config.unlink()
    with pytest.raises(InvalidSetting, match="no such configuration file"):
        settings.current()


def test_config_option_on_the_command_line(tmp_path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('as_of = "2025-9-30"\n')
    result = runner.invoke(app, ["--config", str(config), "lists"])
    assert result.exit_code == 2
    assert "c.toml: as_of='2025-9-30': not an ISO date" in result.output


@pytest.mark.parametrize("value", ["nan", "-0.1", "1.5", "inf"])
def test_threshold_option_refuses_what_is_not_a_score(tmp_path, value: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text("name\nAcme\n")
    for command in (["screen", str(path), "-n", "name"], ["explain", "Acme"], ["devices", str(path)]):
        result = runner.invoke(app, [*command, "--threshold", value])
        assert result.exit_code == 2, command
        assert "a threshold is a number from 0 to 1" in result.output


def test_shell_completion_is_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    # Typer otherwise asks shellingham for the parent shell, which a CI runner may not have,
    # and takes --show-completion as a flag; with detection off it takes the shell's name.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = runner.invoke(app, ["--show-completion", "bash"], prog_name="lookthrough")
    assert result.exit_code == 0
    assert "_LOOKTHROUGH_COMPLETE=complete_bash" in result.output
    assert "complete -o default -F _lookthrough_completion lookthrough" in result.output


def test_held_settings_are_read_once_and_released(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOOKTHROUGH_WORKERS", "3")
    with settings.held() as values:
        monkeypatch.setenv("LOOKTHROUGH_WORKERS", "5")
        assert values.workers == 3
        assert settings.workers() == 3  # every read in the context agrees with the first
    assert settings.workers() == 5
