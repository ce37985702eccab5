"""Settings, read once from LOOKTHROUGH_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

PREFIX = "LOOKTHROUGH_"


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
        return os.environ.get(self.env, self.default)


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "DB",
            str(Path(user_data_dir("lookthrough")) / "lookthrough.duckdb"),
            "Database: a DuckDB file path (default) or a postgresql:// URL.",
        ),
        Setting(
            "THRESHOLD",
            "",
            "Score at or above which a name match is a hit; empty uses the algorithm's own.",
        ),
        Setting(
            "ALGORITHM",
            "name_v1",
            "Name-matching algorithm used by screen, explain and the API.",
        ),
        Setting(
            "BUILTIN",
            "1",
            "Load the built-in curated dataset into a fresh database (1) or not (0).",
        ),
        Setting(
            "HTTP_TIMEOUT",
            "120",
            "Seconds to wait for an official list download before giving up.",
        ),
        Setting(
            "MIN_KEEP_RATIO",
            "0.5",
            "An update whose entry count falls below this share of the current "
            "snapshot's is refused unless forced (protects against truncated downloads).",
        ),
        Setting(
            "WORKERS",
            "0",
            "Processes `screen` uses: 0 means one per core for files over 2,000 rows "
            "(where the platform can fork), 1 screens in the calling process.",
        ),
        Setting(
            "POLICIES",
            "ofac_50,bis_affiliates,related",
            "Look-through rules to apply, in order of precedence (see docs/lookthrough.md).",
        ),
        Setting(
            "BIS_AFFILIATES",
            "auto",
            "BIS Affiliates Rule: auto (in force outside its recorded suspension), on, or off.",
        ),
        Setting(
            "AS_OF",
            "",
            "Date (YYYY-MM-DD) on which relations and rules are judged; empty means today.",
        ),
        Setting(
            "MAX_DEPTH",
            "10",
            "Longest chain of shareholdings the ownership rules follow.",
        ),
        Setting(
            "RELATED_HOPS",
            "3",
            "How many relations the 'related' rule follows from a screened party to a listed one.",
        ),
        Setting(
            "RELATED_MIN_PERCENT",
            "50",
            "A stated stake below this share does not make a company 'related' to its owner.",
        ),
        Setting(
            "OPEN_READS",
            "auto",
            "API: let list lookups (/match, /search, /entities, /reconcile, /catalog) answer without "
            "a token (1) or not (0); auto opens them only when `lookthrough serve` listens on "
            "loopback alone. Runs, results, uploads and decisions always need a token or session.",
        ),
        Setting(
            "UPDATE_TOKEN",
            "",
            "API: secret that `POST /updatez?token=` must carry to make the server reload its "
            "lists at once (as yente's); empty turns /updatez off.",
        ),
        Setting(
            "SECRET_KEY",
            "",
            "API: key that signs review-page sessions; empty makes a random one per start "
            "(sessions then end when the server restarts).",
        ),
        Setting(
            "MAX_UPLOAD_MB",
            "50",
            "API: largest file /screen and the review page accept, in megabytes.",
        ),
        Setting(
            "MAX_REQUEST_KB",
            "1024",
            "API: largest body of any other request (e.g. a /match batch), in kilobytes.",
        ),
        Setting(
            "MAX_BATCH",
            "100",
            "API: most queries one /match request may carry.",
        ),
        Setting(
            "REFRESH_SECONDS",
            "30",
            "API: how often the server checks for new list snapshots and rebuilds its index.",
        ),
    )
}


def get(name: str) -> str:
    """Current value of a setting (environment first, then the default)."""
    return SETTINGS[name].get()


def db_url() -> str:
    return get("DB")


def threshold_override() -> float | None:
    raw = get("THRESHOLD").strip()
    return float(raw) if raw else None


def workers() -> int:
    raw = get("WORKERS").strip()
    return int(raw) if raw else 0


def builtin_enabled() -> bool:
    return get("BUILTIN").strip() not in ("0", "false", "no", "")


def reference() -> str:
    """docs/settings.md, generated from SETTINGS so the docs cover every setting."""
    home = str(Path.home())
    lines = [
        "# Settings",
        "",
        "Every setting is read once from an environment variable with the `LOOKTHROUGH_` prefix.",
        "This page is generated from `lookthrough/settings.py` (`make docs`); a test keeps it in step.",
        "",
        "| variable | default | what it does |",
        "|---|---|---|",
    ]
    for setting in SETTINGS.values():
        default = setting.default.replace(home, "~") if setting.default else "(empty)"
        lines.append(f"| `{setting.env}` | `{default}` | {setting.help} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(reference(), end="")
