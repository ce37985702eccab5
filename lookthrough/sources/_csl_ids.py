"""The CSL `ids` field: identifier types mapped to FtM properties or to the listing itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lookthrough.sources.ofac_remarks import LABELS

# OFAC's remark labels cover most CSL id types; these are the ones only the CSL spells out.
ID_PROPS: dict[str, str] = {
    **dict(LABELS),
    "Registration ID": "registrationNumber",
    "Registration Number": "registrationNumber",
    "Business Registration Document #": "registrationNumber",
    "Public Registration Number": "registrationNumber",
    "Certificate of Incorporation Number": "registrationNumber",
    "UK Company Number": "registrationNumber",
    "Registered Charity No.": "registrationNumber",
    "BIK (RU)": "bikCode",
    "R.F.C.": "taxNumber",
    "RFC": "taxNumber",
    "US FEIN": "taxNumber",
    "Italian Fiscal Code": "taxNumber",
    "C.U.I.T.": "taxNumber",
    "Paraguayan tax identification number": "taxNumber",
    "Diplomatic Passport": "passportNumber",
    "British National Overseas Passport": "passportNumber",
    "Travel Document Number": "passportNumber",
    "C.U.R.P.": "idNumber",
    "D.N.I.": "idNumber",
    "Personal ID Card": "idNumber",
    "National Foreign ID Number": "idNumber",
    "Electoral Registry No.": "idNumber",
    "Kenyan ID No.": "idNumber",
    "Moroccan Personal ID No.": "idNumber",
    "Bosnian Personal ID No.": "idNumber",
    "SSN": "socialSecurityNumber",
    "Vessel Registration Identification": "imoNumber",
    "Nationality of Registration": "jurisdiction",
    "Nationality Country": "nationality",
}
"""CSL id type -> property of the listed party."""

# Items that describe the sanction (directives, divestment dates), not the party.
_LISTING_TERMS = re.compile(
    r"Directive|Secondary sanctions|Sanctions Information|Prohibited|CAATSA|IFCA|Date \("
)
CMIC_LISTING_DATE = "Listing Date (CMIC)"
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Identifier:
    """One item of a CSL `ids` field."""

    type: str
    number: str
    country: str | None = None

    @property
    def prop(self) -> str | None:
        """The party property this identifier fills, or None."""
        return ID_PROPS.get(self.type.strip(" :-"))

    @property
    def about_listing(self) -> bool:
        """True for items that qualify the listing (directives, CMIC dates)."""
        return bool(_LISTING_TERMS.search(self.type))

    def __str__(self) -> str:
        country = f" ({self.country})" if self.country else ""
        return f"{self.type.strip(' :-')}: {self.number}{country}"


def parse_csv_ids(cell: str) -> list[Identifier]:
    """'ISIN, CNE100000PM8; Tax ID No., 123, RU' -> identifiers; a trailing 2-letter part is the country."""
    found = []
    for item in cell.split("; "):
        parts = [p.strip() for p in item.split(", ")]
        if not parts[0]:
            continue
        country = parts.pop() if len(parts) > 2 and _COUNTRY.match(parts[-1]) else None
        found.append(Identifier(parts[0], ", ".join(parts[1:]), country))
    return found
