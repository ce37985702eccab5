"""Parse the Remarks field of OFAC's legacy CSV files into properties and relations."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

# Label at the start of a remarks item -> FtM property. Order matters: longer labels first.
LABELS: tuple[tuple[str, str], ...] = (
    ("Unified Social Credit Code (USCC)", "uscCode"),
    ("Legal Entity Number", "leiCode"),
    ("ISIN", "isinCode"),
    ("Equity Ticker", "ticker"),
    ("Issuer Name", "alias"),
    ("SWIFT/BIC", "swiftBic"),
    ("Vessel Registration Identification IMO", "imoNumber"),
    ("IMO", "imoNumber"),
    ("Tax ID No.", "taxNumber"),
    ("V.A.T. Number", "vatCode"),
    ("NIT #", "taxNumber"),
    ("RUC #", "taxNumber"),
    ("Business Registration Number", "registrationNumber"),
    ("Commercial Registry Number", "registrationNumber"),
    ("Registration Number", "registrationNumber"),
    ("Registration ID", "registrationNumber"),
    ("Company Number", "registrationNumber"),
    ("C.R. No.", "registrationNumber"),
    ("Trade License No.", "registrationNumber"),
    ("Economic Register Number (CRN)", "registrationNumber"),
    ("Folio Mercantil No.", "registrationNumber"),
    ("Government Gazette Number", "registrationNumber"),
    ("Identification Number", "idNumber"),
    ("National ID No.", "idNumber"),
    ("Cedula No.", "idNumber"),
    ("Passport", "passportNumber"),
    ("Website", "website"),
    ("Email Address", "email"),
    ("Phone Number", "phone"),
    ("nationality", "nationality"),
    ("citizen", "citizenship"),
    ("DOB", "birthDate"),
    ("POB", "birthPlace"),
    ("Gender", "gender"),
    ("Organization Established Date", "incorporationDate"),
    ("Target Type", "classification"),
)

ALIAS_KINDS = {"a.k.a.": "weakAlias", "f.k.a.": "weakAlias", "n.k.a.": "weakAlias"}
"""Names in an entry's remarks, in single quotes, are OFAC's weak AKAs: broad or generic
aliases (nicknames, common acronyms) OFAC does not expect to be screened on their own, only to
confirm a hit found otherwise (OFAC FAQs 122-124, "Clarification on Specially Designated
Nationals alias screening", 21 January 2011). Strong AKAs are in alt.csv."""
_ALIAS = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s*'(.+?)'?\.?$", re.IGNORECASE)
_TRAILING_COUNTRY = re.compile(r"\s*\(([^()]*)\)\.?$")
_LISTING_DATE = re.compile(r"^Listing Date \(CMIC\):?\s*(.+)$")
_EFFECTIVE_DATE = re.compile(r"^Effective Date \(CMIC\):?\s*(.+)$")
LINKED_TO = "Linked To:"


@dataclass
class Remarks:
    """What one entry's remarks say, sorted into properties, links and notes."""

    values: list[tuple[str, str]] = field(default_factory=list)
    linked_to: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    listing_date: str | None = None
    effective_date: str | None = None


def parse_date(text: str) -> str | None:
    """OFAC dates ('03 Jun 2021', '1962', 'Jun 1962') as ISO prefixes; None if unreadable."""
    text = text.strip().rstrip(".")
    for fmt, width in (("%d %b %Y", 10), ("%b %Y", 7), ("%Y", 4)):
        try:
            return datetime.strptime(text, fmt).date().isoformat()[:width]
        except ValueError:
            continue
    return None


def _labelled(item: str) -> tuple[str, str] | None:
    for label, prop in LABELS:
        if item.startswith(label) and (len(item) == len(label) or not item[len(label)].isalnum()):
            value = item[len(label) :].strip(" :.")
            if prop not in ("birthPlace", "nationality", "citizenship"):
                value = _TRAILING_COUNTRY.sub("", value).strip(" .")
            if prop == "birthDate":
                value = parse_date(value) or value
            return (prop, value) if value else None
    return None


def parse_remarks(text: str) -> Remarks:
    """Split remarks on ';' and sort each item; anything unrecognised is kept as a note."""
    found = Remarks()
    if not text or text.strip() == "-0-":
        return found
    for raw in text.split(";"):
        item = raw.strip()
        if not item:
            continue
        _sort_item(item, found)
    return found


def _sort_item(item: str, found: Remarks) -> None:
    bare = item[5:].strip() if item.lower().startswith("alt. ") else item
    alias = _ALIAS.match(bare)
    if alias:
        found.values.append((ALIAS_KINDS[alias.group(1).lower()], alias.group(2).strip()))
        return
    if bare.startswith(LINKED_TO):
        found.linked_to.append(bare[len(LINKED_TO) :].strip().rstrip("."))
        return
    for pattern, slot in ((_LISTING_DATE, "listing_date"), (_EFFECTIVE_DATE, "effective_date")):
        dated = pattern.match(bare)
        if dated:
            setattr(found, slot, parse_date(dated.group(1)))
            return
    labelled = _labelled(bare)
    if labelled:
        found.values.append(labelled)
    else:
        found.notes.append(item.rstrip("."))
