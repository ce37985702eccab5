"""Settings: typed and validated once, from LOOKTHROUGH_* variables and an optional lookthrough.toml.

Precedence, highest first: the environment, then the configuration file (`--config`,
LOOKTHROUGH_CONFIG, or `lookthrough.toml` in the working directory), then the defaults. A bad
value stops with InvalidSetting naming the variable (or the file and key) and the reason.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from platformdirs import user_data_dir
from pydantic import BeforeValidator, Field, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from lookthrough.exc import InvalidSetting

PREFIX = "LOOKTHROUGH_"
CONFIG_ENV = PREFIX + "CONFIG"
CONFIG_FILE = "lookthrough.toml"


def unit_score(value: float) -> float:
    """A score threshold: a number from 0 to 1 (NaN and infinities are not scores)."""
    if math.isnan(value) or not 0 <= value <= 1:
        raise ValueError(f"a threshold is a number from 0 to 1, not {value}")
    return value


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _open_reads(value: Any) -> Any:
    """'auto', or a boolean written any of the ways booleans are (1/0, true/false, yes/no, on/off)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return "1"
    if text in ("0", "false", "no", "off"):
        return "0"
    return text


def _iso_date(value: Any) -> Any:
    """Text must be an ISO date: '2025-9-30' is refused, never compared as text."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("not an ISO date (YYYY-MM-DD)") from None
    return value


Score = Annotated[float, Field(allow_inf_nan=False, ge=0, le=1)]
Positive = Annotated[float, Field(allow_inf_nan=False, gt=0)]


class Values(BaseSettings):
    """Every setting with its type, default and help (the help is published in docs/settings.md)."""

    model_config = SettingsConfigDict(
        env_prefix=PREFIX, env_ignore_empty=True, extra="forbid", frozen=True, validate_default=True
    )

    db: str = Field(
        str(Path(user_data_dir("lookthrough")) / "lookthrough.duckdb"),
        description="Database: a DuckDB file path (default) or a postgresql:// URL.",
    )
    threshold: Score | None = Field(
        None, description="Score at or above which a name match is a hit; empty uses the algorithm's own."
    )
    algorithm: str = Field(
        "name_v2", description="Name-matching algorithm used by screen, explain and the API."
    )
    builtin: bool = Field(
        True, description="Load the built-in curated dataset into a fresh database (1) or not (0)."
    )
    http_timeout: Positive = Field(
        120, description="Seconds to wait for an official list download before giving up."
    )
    min_keep_ratio: Score = Field(
        0.5,
        description="An update whose entry count falls below this share of the current snapshot's is "
        "refused unless forced (protects against truncated downloads).",
    )
    workers: int = Field(
        0,
        ge=0,
        description="Processes `screen` uses: 0 means one per core for files over 2,000 rows "
        "(where the platform can fork), 1 screens in the calling process.",
    )
    policies: str = Field(
        "ofac_50,bis_affiliates,related",
        description="Look-through rules to apply, in order of precedence (see docs/lookthrough.md).",
    )
    bis_affiliates: Annotated[Literal["auto", "on", "off"], BeforeValidator(_lower)] = Field(
        "auto",
        description="BIS Affiliates Rule: auto (in force outside its recorded suspension), on, or off.",
    )
    as_of: Annotated[date | None, BeforeValidator(_iso_date)] = Field(
        None, description="Date (YYYY-MM-DD) on which relations and rules are judged; empty means today."
    )
    max_depth: int = Field(10, ge=1, description="Longest chain of shareholdings the ownership rules follow.")
    related_hops: int = Field(
        3,
        ge=1,
        description="How many relations the 'related' rule follows from a screened party to a listed one.",
    )
    related_min_percent: float = Field(
        50,
        ge=0,
        le=100,
        allow_inf_nan=False,
        description="A stated stake below this share does not make a company 'related' to its owner.",
    )
    open_reads: Annotated[Literal["auto", "1", "0"], BeforeValidator(_open_reads)] = Field(
        "auto",
        description="API: let list lookups (/match, /search, /entities, /reconcile, /catalog) answer without "
        "a token (1) or not (0); auto opens them only when `lookthrough serve` listens on "
        "loopback alone. Runs, results, uploads and decisions always need a token or session.",
    )
    update_token: str = Field(
        "",
        description="API: secret that `POST /updatez?token=` must carry to make the server reload its "
        "lists at once (as yente's); empty turns /updatez off.",
    )
    secret_key: str = Field(
        "",
        description="API: key that signs review-page sessions; empty makes a random one per start "
        "(sessions then end when the server restarts).",
    )
    max_upload_mb: Positive = Field(
        50, description="API: largest file /screen and the review page accept, in megabytes."
    )
    max_request_kb: Positive = Field(
        1024, description="API: largest body of any other request (e.g. a /match batch), in kilobytes."
    )
    max_batch: int = Field(100, ge=1, description="API: most queries one /match request may carry.")
    four_eyes_score: Score | None = Field(
        None,
        description="Review: match and false-positive decisions on cases scoring at or above this need a "
        "second person's approval (four eyes); empty turns it off, 0 applies it to every case.",
    )
    four_eyes_role: Annotated[Literal["approver", "admin"], BeforeValidator(_lower)] = Field(
        "approver", description="Review: the role that approves four-eyes decisions (approver or admin)."
    )
    token: str = Field(
        "",
        description="The token `lookthrough decide` signs decisions with: its holder is the reviewer "
        "recorded.",
    )
    refresh_seconds: Positive = Field(
        30, description="API: how often the server checks for new list snapshots and rebuilds its index."
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The configuration file arrives as init values: the environment overrides it.
        return env_settings, init_settings


@dataclass(frozen=True)
class Setting:
    """A named setting with its default and the help text shown in the docs."""

    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return PREFIX + self.name

    def get(self) -> str:
        return get(self.name)


def as_text(value: Any) -> str:
    """A setting's value as text: booleans as 1/0, dates in ISO form, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


SETTINGS: dict[str, Setting] = {
    name.upper(): Setting(
        name.upper(), as_text(info.get_default(call_default_factory=True)), info.description or ""
    )
    for name, info in Values.model_fields.items()
}

_config_override: Path | None = None


def use_config(path: Path | None) -> None:
    """Read settings from this file (the command line's --config) instead of the usual places."""
    global _config_override
    _config_override = path


def config_path() -> Path | None:
    """The configuration file in force: --config, LOOKTHROUGH_CONFIG, or ./lookthrough.toml if present."""
    if _config_override is not None:
        return _config_override
    named = os.environ.get(CONFIG_ENV, "").strip()
    if named:
        return Path(named)
    local = Path(CONFIG_FILE)
    return local if local.is_file() else None


_held: ContextVar[Values | None] = ContextVar("lookthrough_settings", default=None)


@contextmanager
def held() -> Iterator[Values]:
    """Read the settings once and answer every read in this context from that reading.

    A server request holds them: its reads agree with each other, and it does not look at the
    environment and the configuration file again for each one (25 µs a look)."""
    values = current()
    token = _held.set(values)
    try:
        yield values
    finally:
        _held.reset(token)


def current() -> Values:
    """The validated settings; checked once per environment and configuration file."""
    holding = _held.get()
    if holding is not None:
        return holding
    path = config_path()
    stamp = None
    if path is not None and path.is_file():
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    env = tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(PREFIX)))
    return _validated(str(path) if path else None, stamp, env)


@lru_cache(maxsize=8)
def _validated(path: str | None, stamp: object, env: tuple[tuple[str, str], ...]) -> Values:
    from_file = read_config(Path(path)) if path else {}
    try:
        return Values(**from_file)
    except ValidationError as error:
        raise InvalidSetting(describe(error, path, dict(env))) from None


def read_config(path: Path) -> dict[str, Any]:
    """The keys of a configuration file, named like the variables without the prefix, lower-case."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidSetting(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InvalidSetting(f"{path}: not a readable TOML file ({error})") from None
    unknown = sorted(k for k in data if k not in Values.model_fields)
    if unknown:
        known = ", ".join(Values.model_fields)
        raise InvalidSetting(f"{path}: unknown setting {unknown[0]!r}; known: {known}")
    return data


def describe(error: ValidationError, path: str | None, env: dict[str, str]) -> str:
    """The first problem, naming the variable (or the file and key) that holds the bad value."""
    first = error.errors()[0]
    key = str(first["loc"][0]) if first["loc"] else ""
    variable = PREFIX + key.upper()
    if variable in env:
        where, value = variable, env[variable]
    else:
        where, value = f"{path}: {key}", first.get("input")
    reason = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}={value!r}: {reason}"


def get(name: str) -> str:
    """Current value of a setting as text (see `as_text`); raises InvalidSetting if it is bad."""
    return as_text(getattr(current(), name.lower()))


def db_url() -> str:
    return current().db


def threshold_override() -> float | None:
    return current().threshold


def workers() -> int:
    return current().workers


def builtin_enabled() -> bool:
    return current().builtin


def as_of() -> date | None:
    return current().as_of


def reference() -> str:
    """docs/settings.md, generated from the settings so the docs cover every one."""
    home = str(Path.home())
    lines = [
        "# Settings",
        "",
        "Every setting is read once, from an environment variable with the `LOOKTHROUGH_` prefix or",
        "from a configuration file, and checked before any command runs: a bad value stops with an",
        "error naming the variable. This page is generated from `lookthrough/settings.py` (`make docs`);",
        "a test keeps it in step.",
        "",
        "| variable | default | what it does |",
        "|---|---|---|",
    ]
    for setting in SETTINGS.values():
        default = setting.default.replace(home, "~") if setting.default else "(empty)"
        lines.append(f"| `{setting.env}` | `{default}` | {setting.help} |")
    lines += [
        f"| `{CONFIG_ENV}` | `(empty)` | The configuration file to read instead of `./{CONFIG_FILE}`. |",
        "",
        "## Configuration file",
        "",
        f"`lookthrough --config FILE`, or the file `{CONFIG_ENV}` names, or `{CONFIG_FILE}` in the",
        "working directory, holds the same settings in TOML, named like the variables without the",
        "prefix, in lower case. The environment overrides the file; an unknown key is an error.",
        "",
        "```toml",
        'db = "screening.duckdb"',
        "threshold = 0.8",
        "workers = 2",
        "open_reads = false",
        "as_of = 2025-09-30",
        "```",
        "",
        "Booleans accept `1`/`0`, `true`/`false`, `yes`/`no` and `on`/`off`. An empty variable",
        "counts as unset. Dates are ISO dates (`2025-09-30`; `2025-9-30` is refused).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
