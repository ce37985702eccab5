"""One entry of the EU Financial Sanctions Files, read alike from the XML and the CSV export.

The FSF XML (namespace http://eu.europa.ec/fpi/fsd/export) gives each <sanctionEntity> its
<regulation>, <subjectType>, <nameAlias>, <citizenship>, <birthdate>, <address> and
<identification> children, all data in attributes. The CSV repeats the entity's columns on one
row per child record, with the child's attributes under a prefix (NameAlias_WholeName, ...).
Both are read into an `EuEntry` keyed by the XML attribute names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rigour.langs import iso_639_alpha3

from lookthrough.sources._dates import parse_day
from lookthrough.sources._party import Listing, Party
from lookthrough.sources._values import joined

Attrs = dict[str, str]
SCHEMAS = {"person": "Person", "p": "Person", "enterprise": "Organization", "e": "Organization"}
GENDERS = {"m": "male", "f": "female"}
DOCUMENT_PROPS = {
    "passport": "passportNumber",
    "id": "idNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
}
CONTACT_PROPS = {"phone": "phone", "email": "email", "web": "website", "website": "website"}
UNKNOWN_COUNTRY = ("", "00")


@dataclass
class EuEntry:
    """A sanctionEntity: its own attributes and its children's, by kind."""

    attrs: Attrs
    path: str
    line: int | None
    subject: Attrs = field(default_factory=dict)
    remarks: list[str] = field(default_factory=list)
    children: dict[str, list[Attrs]] = field(default_factory=dict)

    def add(self, kind: str, attrs: Attrs) -> None:
        """Add one child record, once even when the CSV repeats it on several rows."""
        records = self.children.setdefault(kind, [])
        if attrs not in records:
            records.append(attrs)

    def of(self, kind: str) -> list[Attrs]:
        return self.children.get(kind, [])


def to_party(entry: EuEntry) -> Party:
    """The entry as a Party; SourceError names the attribute at fault."""
    logical_id = entry.attrs.get("logicalId", "")
    party = Party(logical_id, "LegalEntity", entry.path, entry.line)
    if not logical_id:
        raise party.error("entry has no logicalId", "logicalId")
    kind = (entry.subject.get("code") or entry.subject.get("classificationCode") or "").lower()
    if kind not in SCHEMAS:
        raise party.error(f"unknown subject type {kind or '(none)'!r}", "subjectType")
    party.schema = SCHEMAS[kind]
    _names(party, entry.of("nameAlias"))
    if not party.has_name():
        raise party.error("entry has no name", "nameAlias")
    for note in entry.remarks:
        party.add("notes", note)
    party.add("notes", entry.attrs.get("designationDetails"))
    _places(party, entry)
    _documents(party, entry.of("identification"))
    _listings(party, entry)
    return party


def _lang(code: str | None) -> str | None:
    return iso_639_alpha3(code.lower()) if code else None


def _names(party: Party, aliases: list[Attrs]) -> None:
    for alias in aliases:
        whole = alias.get("wholeName") or joined(
            (alias.get("firstName"), alias.get("middleName"), alias.get("lastName")), sep=" "
        )
        if not whole:
            continue
        strong = alias.get("strong", "true").lower() != "false"
        prop = ("alias" if party.has_name() else "name") if strong else "weakAlias"
        lang = _lang(alias.get("nameLanguage"))
        party.add(prop, whole, lang)
        party.add("title", alias.get("title"))
        party.add("position", alias.get("function"))
        party.add("gender", GENDERS.get((alias.get("gender") or "").lower()))


def _country(attrs: Attrs) -> str | None:
    code = attrs.get("countryIso2Code") or ""
    description = attrs.get("countryDescription") or ""
    if code in UNKNOWN_COUNTRY and description.upper() in ("", "UNKNOWN"):
        return None
    return code if code not in UNKNOWN_COUNTRY else description


def _places(party: Party, entry: EuEntry) -> None:
    for citizen in entry.of("citizenship"):
        party.add("nationality" if party.schema == "Person" else "country", _country(citizen))
    for address in entry.of("address"):
        parts = ("street", "poBox", "zipCode", "city", "place", "region", "countryDescription")
        shown = [address.get(p) for p in parts if address.get(p, "").upper() != "UNKNOWN"]
        party.add("address", joined(shown))
        party.add("country", _country(address))
        for contact in address.get("contactInfo", "").split("\n"):
            key, _, value = contact.partition("=")
            prop = CONTACT_PROPS.get(key.strip().lower())
            party.add(prop or "notes", value.strip() if prop else contact)
        party.add("notes", address.get("remark") and f"address: {address['remark']}")
    for born in entry.of("birthdate"):
        day = born.get("birthdate") or "-".join(
            p for p in (born.get("year"), _two(born.get("monthOfYear")), _two(born.get("dayOfMonth"))) if p
        )
        party.add("birthDate", parse_day(day) or day or None)
        span = joined((born.get("yearRangeFrom"), born.get("yearRangeTo")), sep=" to ")
        party.add("notes", span and f"born between {span}")
        if born.get("circa", "").lower() == "true":
            party.add("notes", f"born circa {day}")
        place = joined(born.get(p) for p in ("city", "place", "region", "countryDescription"))
        party.add("birthPlace", place if place and place.upper() != "UNKNOWN" else None)


def _two(value: str | None) -> str | None:
    return f"{int(value):02d}" if value and value.isdigit() else None


def _documents(party: Party, documents: list[Attrs]) -> None:
    for doc in documents:
        number = doc.get("number") or doc.get("latinNumber")
        kind = (doc.get("identificationTypeCode") or "").lower()
        prop = DOCUMENT_PROPS.get(kind)
        if number and prop:
            party.add(prop, number)
            party.add(prop, doc.get("latinNumber"))
        flags = [
            f
            for f in ("diplomatic", "knownExpired", "knownFalse", "reportedLost", "revokedByIssuer")
            if doc.get(f, "").lower() == "true"
        ]
        details = joined(
            (
                doc.get("identificationTypeDescription") or kind,
                number,
                _country(doc),
                doc.get("issuedBy"),
                doc.get("issuedDate"),
                ", ".join(flags),
                doc.get("remark"),
            )
        )
        party.add("notes", details and f"document: {details}")


def _listings(party: Party, entry: EuEntry) -> None:
    designated = parse_day(entry.attrs.get("designationDate"))
    for regulation in entry.of("regulation") or [{}]:
        values = [
            ("authorityId", entry.attrs.get("euReferenceNumber") or ""),
            ("unscId", entry.attrs.get("unitedNationId") or ""),
            ("reason", regulation.get("numberTitle") or ""),
            ("sourceUrl", regulation.get("publicationUrl") or ""),
            ("startDate", parse_day(regulation.get("entryIntoForceDate")) or ""),
        ]
        since = designated or parse_day(regulation.get("publicationDate"))
        party.listings.append(Listing(regulation.get("programme"), since, [v for v in values if v[1]]))
