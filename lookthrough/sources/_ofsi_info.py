"""OFSI's 'Other Information' cell: labelled items such as '(UK Sanctions List Ref):RUS2305.'"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Label -> (where it goes, property). "party" values describe the listed party, "sanction"
# values its designation, "note" values are kept as text because no property fits them.
LABELS: dict[str, tuple[str, str]] = {
    "UK Sanctions List Ref": ("sanction", "authorityId"),
    "UN Ref": ("sanction", "unscId"),
    "UK Statement of Reasons": ("sanction", "reason"),
    "Gender": ("party", "gender"),
    "Phone number": ("party", "phone"),
    "Tel": ("party", "phone"),
    "Email address": ("party", "email"),
    "Website": ("party", "website"),
    "Type of entity": ("party", "legalForm"),
    "Business Reg No": ("party", "registrationNumber"),
    "IMO number": ("party", "imoNumber"),
    "Flag of ship": ("party", "flag"),
    "Previous flags": ("party", "pastFlags"),
    "Type of ship": ("party", "type"),
    "Tonnage of ship": ("party", "tonnage"),
    "Year built": ("party", "buildDate"),
    "Parent company": ("note", "parent company"),
    "Subsidiaries": ("note", "subsidiaries"),
    "Current owners": ("note", "current owners"),
    "Length of ship": ("note", "length of ship"),
    "Fax": ("note", "fax"),
}
REFERENCES = ("UK Sanctions List Ref", "UN Ref")
"""Labels whose value is a reference code, which free text may follow."""
_LABEL = re.compile(r"\((" + "|".join(re.escape(label) for label in LABELS) + r")\):")
_ENUMERATION = re.compile(r"\(\d+\)")
_CODE = re.compile(r"^\s*(\S+?)\.?(?:\s+|$)(.*)$", re.DOTALL)


@dataclass
class Info:
    """What one Other Information cell says, sorted by where it belongs."""

    party: list[tuple[str, str]] = field(default_factory=list)
    sanction: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def enumerated(value: str) -> list[str]:
    """'(1) Germany. (2) Morocco' -> ['Germany', 'Morocco']; plain text -> [text]."""
    parts = (p.strip(" .;\n\t") for p in _ENUMERATION.split(value))
    return [p for p in parts if p]


def parse_info(cell: str | None) -> Info:
    """Split the cell at its known labels; text before the first label, or unlabelled, is a note."""
    info = Info()
    pieces = _LABEL.split(cell or "")
    if pieces[0].strip():
        info.notes.append(pieces[0].strip())
    for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
        _sort(info, label, value.strip())
    return info


def _sort(info: Info, label: str, value: str) -> None:
    place, prop = LABELS[label]
    if label in REFERENCES:
        code = _CODE.match(value)
        if code and code.group(1):
            info.sanction.append((prop, code.group(1)))
            value = code.group(2).strip()
            if value:
                info.notes.append(value)
        return
    if place == "sanction":
        info.sanction.append((prop, value))
    elif place == "party":
        info.party.extend((prop, v) for v in enumerated(value))
    elif value:
        info.notes.append(f"{prop}: {value}")
