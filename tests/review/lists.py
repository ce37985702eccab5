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


SDN = "OFAC Specially Designated Nationals and Blocked Persons List (SDN)"
OWNER_HOLDINGS = """holding,isin,market_value,portfolio
Northwind Logistics AG,,"2,500,000.00",Global Equity
Hangzhou Hikvision Digital Technology,,"1,250,000.50",Global Equity
海康威视数字技术,,"400,000",Asia Fund
Plain Bakery GmbH,,"900,000",Asia Fund
"""


def owners() -> list[dict]:
    """Two SDN-listed owners of 30% and 25% of one company (55%: the OFAC 50% rule is met), and a
    company with a listed owner of 30% and one whose share is not stated (undetermined)."""

    def company(entity_id: str, name: str, country: str = "ru") -> dict:
        return {"id": entity_id, "schema": "Company", "properties": {"name": [name], "country": [country]}}

    def sdn(entity_id: str, program: str) -> dict:
        props = {
            "entity": [entity_id],
            "program": [program],
            "authority": ["OFAC"],
            "publisher": [SDN],
            "sourceUrl": ["https://sanctionssearch.ofac.treas.gov/"],
        }
        return {"id": f"{entity_id}-sdn", "schema": "Sanction", "properties": props}

    def owns(owner: str, asset: str, percent: str | None) -> dict:
        props = {"owner": [owner], "asset": [asset]} | ({"percentage": [percent]} if percent else {})
        return {"id": f"own-{owner}-{asset}", "schema": "Ownership", "properties": props}

    return [
        company("volkov", "Volkov Holdings Ltd"), sdn("volkov", "RUSSIA-EO14024"),
        company("baltic", "Baltic Crest Investments"), sdn("baltic", "RUSSIA-EO14024"),
        company("northwind", "Northwind Logistics AG", "ch"),
        owns("volkov", "northwind", "30"), owns("baltic", "northwind", "25"),
        company("ostwind", "Ostwind Shipping GmbH", "de"),
        owns("volkov", "ostwind", "30"), owns("baltic", "ostwind", None),
    ]  # fmt: skip


def write_owners(folder: Path) -> Path:
    path = folder / "owners.ftm.json"
    path.write_text("".join(json.dumps(e) + "\n" for e in owners()), encoding="utf-8")
    return path
