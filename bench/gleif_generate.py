"""Write a GLEIF golden copy of a given size in the published CSV layout (LEI-CDF and RR-CDF).

    python -m bench.gleif_generate --leis 3000000 --relations 500000 --out bench/output/gleif

Names, countries and registration numbers are synthetic; every LEI has valid check digits.
Relationships: direct and ultimate consolidation and international branches, each child with
its own parent chain, about one in ten with an ended relationship period.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from bench.gleif_layout import LEI_HEADER, RR_HEADER, make_lei

COUNTRIES = ("CN", "US", "DE", "GB", "FR", "JP", "HK", "KY", "NL", "LU", "IE", "SG")
WORDS = (
    "Global",
    "Pacific",
    "Northern",
    "Digital",
    "Vision",
    "Capital",
    "Trading",
    "Industrial",
    "Energy",
    "Holdings",
    "Systems",
    "Electronics",
    "Logistics",
    "Ocean",
    "Green",
    "Star",
)
FORMS = ("Co., Ltd.", "Limited", "GmbH", "S.A.", "Inc.", "B.V.", "S.à r.l.", "plc")
TYPES = ("IS_DIRECTLY_CONSOLIDATED_BY", "IS_ULTIMATELY_CONSOLIDATED_BY", "IS_INTERNATIONAL_BRANCH_OF")


def lei_row(n: int, rng: random.Random) -> dict[str, str]:
    country = rng.choice(COUNTRIES)
    name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n} {rng.choice(FORMS)}"
    row = {
        "LEI": make_lei(n),
        "Entity.LegalName": name,
        "Entity.LegalName.xmllang": "en",
        "Entity.LegalAddress.FirstAddressLine": f"{rng.randint(1, 999)} Example Road",
        "Entity.LegalAddress.City": "Example City",
        "Entity.LegalAddress.Country": country,
        "Entity.LegalAddress.PostalCode": f"{rng.randint(10000, 99999)}",
        "Entity.RegistrationAuthority.RegistrationAuthorityID": "RA000001",
        "Entity.RegistrationAuthority.RegistrationAuthorityEntityID": f"R{n:09d}",
        "Entity.LegalJurisdiction": country,
        "Entity.EntityCategory": "GENERAL",
        "Entity.EntityStatus": "ACTIVE",
        "Registration.InitialRegistrationDate": "2015-03-04T00:00:00Z",
        "Registration.LastUpdateDate": "2026-06-20T00:00:00Z",
        "Registration.RegistrationStatus": "ISSUED",
        "Registration.ManagingLOU": "5493001KJTIIGC8Y1R12",
        "Registration.ValidationSources": "FULLY_CORROBORATED",
        "ConformityFlag": "CONFORMING",
    }
    if n % 7 == 0:
        row["Entity.OtherEntityNames.OtherEntityName.1"] = f"{name} (trading)"
        row["Entity.OtherEntityNames.OtherEntityName.1.type"] = "TRADING_OR_OPERATING_NAME"
    return row


def rr_row(n: int, leis: int, rng: random.Random) -> dict[str, str]:
    child = rng.randint(1, leis)
    parent = rng.randint(1, leis)
    if parent == child:
        parent = child % leis + 1
    ended = n % 10 == 0
    return {
        "Relationship.StartNode.NodeID": make_lei(child),
        "Relationship.StartNode.NodeIDType": "LEI",
        "Relationship.EndNode.NodeID": make_lei(parent),
        "Relationship.EndNode.NodeIDType": "LEI",
        "Relationship.RelationshipType": TYPES[n % 3],
        "Relationship.RelationshipStatus": "INACTIVE" if ended else "ACTIVE",
        "Relationship.Period.1.startDate": "2024-01-01T00:00:00Z",
        "Relationship.Period.1.endDate": "2024-12-31T00:00:00Z",
        "Relationship.Period.1.periodType": "ACCOUNTING_PERIOD",
        "Relationship.Period.2.startDate": "2016-05-01T00:00:00Z",
        "Relationship.Period.2.endDate": "2025-03-31T00:00:00Z" if ended else "",
        "Relationship.Period.2.periodType": "RELATIONSHIP_PERIOD",
        "Registration.InitialRegistrationDate": "2017-05-01T00:00:00Z",
        "Registration.LastUpdateDate": "2026-06-20T00:00:00Z",
        "Registration.RegistrationStatus": "PUBLISHED",
        "Registration.ManagingLOU": "5493001KJTIIGC8Y1R12",
        "Registration.ValidationSources": "FULLY_CORROBORATED",
        "Registration.ValidationDocuments": "ACCOUNTS_FILING",
    }


def write(path: Path, header: tuple[str, ...], rows: object) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)  # type: ignore[arg-type]


def generate(out: Path, leis: int, relations: int, seed: int = 13) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    lei_path, rr_path = out / "lei2-golden-copy.csv", out / "rr-golden-copy.csv"
    write(lei_path, LEI_HEADER, (lei_row(n, rng) for n in range(1, leis + 1)))
    write(rr_path, RR_HEADER, (rr_row(n, leis, rng) for n in range(1, relations + 1)))
    return lei_path, rr_path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--leis", type=int, default=3_000_000)
    parser.add_argument("--relations", type=int, default=500_000)
    parser.add_argument("--out", type=Path, default=Path("bench/output/gleif"))
    args = parser.parse_args()
    for path in generate(args.out, args.leis, args.relations):
        print(f"{path} {path.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
