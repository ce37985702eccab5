"""One designation of the FCDO UK Sanctions List, read alike from its XML and CSV files.

The XML gives each <Designation> its fields as elements (UniqueID, RegimeName, Names/Name,
Addresses/Address, IndividualDetails/Individual/DOBs/DOB, ...). The CSV gives one row per name
with the other fields repeated. Both become a `Designation`: single fields by XML tag, and the
repeating groups (Name, NonLatinName, Address, Passport, NationalIdentifier, Location) as lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lookthrough.sources._dates import parse_day
from lookthrough.sources._party import Listing, Party
from lookthrough.sources._values import joined, language_code

GROUPS = ("Name", "NonLatinName", "Address", "Passport", "NationalIdentifier", "Location")
SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
NAME_PROPS = {"primary name": "name", "primary name variation": "alias", "alias": "alias"}
SIMPLE = (
    ("Title", "title"),
    ("PhoneNumber", "phone"),
    ("EmailAddress", "email"),
    ("Website", "website"),
    ("Nationality", "nationality"),
    ("Position", "position"),
    ("TypeOfEntity", "legalForm"),
    ("BusinessRegistrationNumber", "registrationNumber"),
    ("IMONumber", "imoNumber"),
    ("CurrentBelievedFlagOfShip", "flag"),
    ("PreviousFlag", "pastFlags"),
    ("TypeOfShip", "type"),
    ("TonnageOfShip", "tonnage"),
    ("YearBuilt", "buildDate"),
    ("HullIdentificationNumber", "registrationNumber"),
    ("OtherInformation", "notes"),
)
NOTED = (
    ("ParentCompany", "parent company"),
    ("Subsidiary", "subsidiary"),
    ("CurrentOwnerOperator", "current owner/operator"),
    ("PreviousOwnerOperator", "previous owner/operator"),
    ("LengthOfShip", "length of ship"),
)


@dataclass
class Designation:
    """A designation's single fields (tag -> values) and repeating groups (tag -> records)."""

    path: str
    line: int | None
    fields: dict[str, list[str]] = field(default_factory=dict)
    groups: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def put(self, tag: str, value: str | None) -> None:
        text = " ".join((value or "").split())
        values = self.fields.setdefault(tag, [])
        if text and text not in values:
            values.append(text)

    def group(self, tag: str, record: dict[str, str]) -> None:
        cleaned = {k: " ".join(v.split()) for k, v in record.items() if v and v.strip()}
        records = self.groups.setdefault(tag, [])
        if cleaned and cleaned not in records:
            records.append(cleaned)

    def one(self, tag: str) -> str | None:
        values = self.fields.get(tag)
        return values[0] if values else None

    def many(self, tag: str) -> list[str]:
        return self.fields.get(tag, [])


def to_party(d: Designation) -> Party:
    """The designation as a Party; SourceError names the field at fault."""
    unique_id = d.one("UniqueID") or ""
    party = Party(unique_id, "LegalEntity", d.path, d.line)
    if not unique_id:
        raise party.error("designation has no UniqueID", "UniqueID")
    kind = (d.one("IndividualEntityShip") or "").lower()
    if kind not in SCHEMAS:
        raise party.error(
            f"unknown IndividualEntityShip {d.one('IndividualEntityShip')!r}", "IndividualEntityShip"
        )
    party.schema = SCHEMAS[kind]
    _names(party, d)
    if not party.has_name():
        raise party.error("designation has no primary name", "NameType")
    for tag, prop in SIMPLE:
        for value in d.many(tag):
            party.add(prop, value.removeprefix("IMO") if prop == "imoNumber" else value)
    for tag, label in NOTED:
        for value in d.many(tag):
            party.add("notes", f"{label}: {value}")
    _person(party, d)
    for address in d.groups.get("Address", []):
        lines = [address.get(f"AddressLine{i}") for i in range(1, 7)]
        party.add(
            "address", joined((*lines, address.get("AddressPostalCode"), address.get("AddressCountry")))
        )
        party.add("country", address.get("AddressCountry"))
    party.listings.append(_listing(d))
    return party


def _names(party: Party, d: Designation) -> None:
    names = d.groups.get("Name", [])
    # The primary name first, so that it is the entity's caption.
    for name in sorted(names, key=lambda n: n.get("NameType", "").lower() != "primary name"):
        whole = joined((name.get(f"Name{i}") for i in (1, 2, 3, 4, 5, 6)), sep=" ")
        kind = name.get("NameType", "").lower()
        prop = NAME_PROPS.get(kind, "alias")
        if prop == "name" and party.has_name():
            prop = "alias"
        if prop == "alias" and name.get("AliasStrength", "").lower().startswith("low"):
            prop = "weakAlias"
        party.add(prop, whole)
    for other in d.groups.get("NonLatinName", []):
        lang = language_code(other.get("NonLatinScriptLanguage"))
        party.add("alias", other.get("NameNonLatinScript"), lang)


def _person(party: Party, d: Designation) -> None:
    for born in d.many("DOB"):
        party.add("birthDate", parse_day(born) or born)
    for gender in d.many("Gender"):
        party.add("gender", gender.lower())
    for place in d.groups.get("Location", []):
        party.add("birthPlace", joined((place.get("TownOfBirth"), place.get("CountryOfBirth"))))
    for doc, prop in (("Passport", "passportNumber"), ("NationalIdentifier", "idNumber")):
        for record in d.groups.get(doc, []):
            party.add(prop, record.get(f"{doc}Number"))
            extra = record.get(f"{doc}AdditionalInformation")
            party.add("notes", extra and f"{doc.lower()} {record.get(f'{doc}Number', '')}: {extra}")


def _listing(d: Designation) -> Listing:
    values = [("authorityId", v) for v in (d.one("UniqueID"), d.one("OFSIGroupID")) if v]
    values += [("unscId", v) for v in d.many("UNReferenceNumber")]
    values += [("reason", v) for v in d.many("UKStatementofReasons")]
    values += [
        ("provisions", p.strip()) for v in d.many("SanctionsImposed") for p in v.split("|") if p.strip()
    ]
    values += [("summary", f"designation source: {v}") for v in d.many("DesignationSource")]
    values += [("modifiedAt", day) for v in d.many("LastUpdated") if (day := parse_day(v))]
    return Listing(d.one("RegimeName"), parse_day(d.one("DateDesignated")), values)
