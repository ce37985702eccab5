"""Small FtM list files to load, change and load again, and a holdings file to screen."""

from __future__ import annotations

import json
from pathlib import Path

HOLDINGS = """holding,isin
Acme Surveillance Systems,
Borealis Optics Holding,
Hangzhou Hikvision Digital Technology,
Plain Bakery GmbH,
"""


def entities(acme_alias: str | None = None, borealis_program: str = "Test program A") -> list[dict]:
    acme = {"name": ["Acme Surveillance Systems Ltd"], "country": ["cn"]}
    if acme_alias:
        acme["alias"] = [acme_alias]
    return [
        {"id": "acme", "schema": "Company", "properties": acme},
        {"id": "acme-listing", "schema": "Sanction",
         "properties": {"entity": ["acme"], "program": ["Test program A"], "authority": ["Test authority"]}},
        {"id": "borealis", "schema": "Company", "properties": {"name": ["Borealis Optics Holding Co"]}},
        {"id": "borealis-listing", "schema": "Sanction",
         "properties": {"entity": ["borealis"], "program": [borealis_program],
                        "authority": ["Test authority"]}},
    ]  # fmt: skip


def write_list(folder: Path, **changes: str) -> Path:
    """The list as a FtM JSON-lines file; the same arguments give the same bytes."""
    path = folder / "testlist.ftm.json"
    path.write_text("".join(json.dumps(e) + "\n" for e in entities(**changes)), encoding="utf-8")
    return path


def write_holdings(folder: Path) -> Path:
    path = folder / "holdings.csv"
    path.write_text(HOLDINGS, encoding="utf-8")
    return path
