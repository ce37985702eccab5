"""GLEIF golden copy: LEI records (LEI-CDF 3.1), relationship records (RR-CDF 2.1) and
reporting exceptions, in GLEIF's CSV layout (plain or zipped as GLEIF serves it).

Every legal entity becomes a Company with its LEI; every relationship record a parent link
whose citation says what it means: accounting consolidation, or a branch of the same legal
person, never a shareholding, so the percentage stays unknown. The data is registered by the
entities themselves and validated by their LEI issuer, so it is graded as a company filing.
The three files are large (about 3 million LEIs) and are loaded with `update --from`; `update`
does not download them unasked (their URLs are below and in the README).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from lookthrough.exc import SourceError
from lookthrough.identifiers.lei import LEI
from lookthrough.model import Entity, Evidence, RelationKind, link, ownership
from lookthrough.sources import register
from lookthrough.sources._complete import rows_incomplete, text_incomplete, zip_incomplete
from lookthrough.sources._gleif_csv import Row, header_of, rows
from lookthrough.sources._relation import parse_date
from lookthrough.sources.base import LoadReport, Source

GOLDEN_COPY = "https://goldencopy.gleif.org/api/v2/golden-copies/publishes/"
RECORD_URL = "https://search.gleif.org/#/record/"
NAMES = 5
OTHER_NAME = "Entity.OtherEntityNames.OtherEntityName.{}"
TRANSLITERATED = "Entity.TransliteratedOtherEntityNames.TransliteratedOtherEntityName.{}"
NAME_TYPES = {"PREVIOUS_LEGAL_NAME": "previousName"}
ADDRESS = (
    "FirstAddressLine",
    "AdditionalAddressLine.1",
    "AdditionalAddressLine.2",
    "AdditionalAddressLine.3",
    "City",
    "Region",
    "PostalCode",
    "Country",
)
LEI_COLUMNS = (
    "LEI",
    "Entity.LegalName",
    "Entity.LegalName.xmllang",
    *(
        c
        for i in range(1, NAMES + 1)
        for c in (OTHER_NAME.format(i), OTHER_NAME.format(i) + ".xmllang", OTHER_NAME.format(i) + ".type")
    ),
    *(
        c
        for i in range(1, NAMES + 1)
        for c in (TRANSLITERATED.format(i), TRANSLITERATED.format(i) + ".xmllang")
    ),
    *(f"Entity.LegalAddress.{p}" for p in ADDRESS),
    "Entity.RegistrationAuthority.RegistrationAuthorityID",
    "Entity.RegistrationAuthority.OtherRegistrationAuthorityID",
    "Entity.RegistrationAuthority.RegistrationAuthorityEntityID",
    "Entity.LegalJurisdiction",
    "Entity.EntityStatus",
    "Entity.EntityCreationDate",
    "Registration.RegistrationStatus",
)
NAME_COLUMNS = tuple(
    ((OTHER_NAME.format(i), OTHER_NAME.format(i) + ".xmllang", OTHER_NAME.format(i) + ".type"),
     TRANSLITERATED.format(i))
    for i in range(1, NAMES + 1)
)  # fmt: skip
ADDRESS_COLUMNS = tuple(f"Entity.LegalAddress.{p}" for p in ADDRESS)
PERIODS = 5
RR_COLUMNS = (
    "Relationship.StartNode.NodeID",
    "Relationship.StartNode.NodeIDType",
    "Relationship.EndNode.NodeID",
    "Relationship.EndNode.NodeIDType",
    "Relationship.RelationshipType",
    "Relationship.RelationshipStatus",
    *(
        f"Relationship.Period.{i}.{p}"
        for i in range(1, PERIODS + 1)
        for p in ("startDate", "endDate", "periodType")
    ),
    "Registration.RegistrationStatus",
    "Registration.LastUpdateDate",
)
MEANINGS = {
    "IS_DIRECTLY_CONSOLIDATED_BY": "is directly consolidated by (accounting consolidation: the parent "
    "prepares consolidated financial statements that include the child; not a shareholding, "
    "percentage unknown)",
    "IS_ULTIMATELY_CONSOLIDATED_BY": "is ultimately consolidated by (the top parent in accounting "
    "consolidation; not a shareholding, percentage unknown)",
    "IS_INTERNATIONAL_BRANCH_OF": "is an international branch of (a branch is part of the same legal "
    "person abroad; no shares are held)",
}
PARENT_TYPES = frozenset(MEANINGS)
"""Relationship types followed as parent links; the others (funds, feeders) are plain links."""


def lei_id(lei: str) -> str:
    return f"gleif-{lei}"


class GleifSource(Source):
    columns: ClassVar[str]
    """A column only this file has, which tells the three files apart."""

    @classmethod
    def detect(cls, path: Path) -> bool:
        if not path.is_file() or not path.name.lower().endswith((".csv", ".zip")):
            return False
        return cls.columns in header_of(path)

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """Reasons the file looks cut short or partial; empty when whole."""
        whole = zip_incomplete(path) if path.name.lower().endswith(".zip") else text_incomplete(path)
        return whole + rows_incomplete(path, report)


def _checked_lei(value: str | None, path: str, line: int, field: str) -> str:
    lei = (value or "").strip().upper()
    if not LEI().validate(lei):
        raise SourceError(f"{value!r} is not a valid LEI", path=path, line=line, field=field)
    return lei


@register
class GleifLeiCsv(GleifSource):
    """LEI-CDF golden copy: one legal entity per row."""

    name = "gleif_lei_csv"
    dataset = "gleif_lei"
    title = "GLEIF LEI records (LEI-CDF golden copy)"
    columns = "Entity.LegalName"
    url = GOLDEN_COPY + "lei2/latest.csv"

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        name = path.name
        for line, row in rows(path, report, LEI_COLUMNS, ("LEI", "Entity.LegalName")):
            try:
                yield self.entity(name, line, row)
            except SourceError as error:
                report.reject(error, str(row)[:2000])

    def entity(self, name: str, line: int, row: Row) -> Entity:
        lei = _checked_lei(row.get("LEI"), name, line, "LEI")
        legal = row.get("Entity.LegalName")
        if not legal:
            raise SourceError("record has no legal name", path=name, line=line, field="Entity.LegalName")
        entity = Entity(
            lei_id(lei),
            "Company",
            dataset=self.dataset,
            evidence=Evidence.FILING,
            citation=f"{self.title}, {name} line {line} (LEI {lei})",
            source_url=RECORD_URL + lei,
        )
        entity.add("name", legal, lang=_lang(row.get("Entity.LegalName.xmllang")))
        entity.add("leiCode", lei)
        for (other, other_lang, other_type), transliterated in NAME_COLUMNS:
            if other_name := row.get(other):
                prop = NAME_TYPES.get(row.get(other_type, ""), "alias")
                entity.add(prop, other_name, lang=_lang(row.get(other_lang)))
            entity.add("alias", row.get(transliterated))
        entity.add(
            "registrationNumber", row.get("Entity.RegistrationAuthority.RegistrationAuthorityEntityID")
        )
        authority = row.get("Entity.RegistrationAuthority.RegistrationAuthorityID")
        entity.add("notes", authority and f"registration authority {authority}")
        entity.add("jurisdiction", _country(row.get("Entity.LegalJurisdiction")))
        entity.add("country", _country(row.get("Entity.LegalAddress.Country")))
        parts = [p for c in ADDRESS_COLUMNS if (p := row.get(c))]
        entity.add("address", ", ".join(parts) or None)
        entity.add("incorporationDate", _day(row.get("Entity.EntityCreationDate")))
        status = row.get("Entity.EntityStatus")
        entity.add("status", status if status and status != "ACTIVE" else None)
        registration = row.get("Registration.RegistrationStatus")
        if registration and registration != "ISSUED":
            entity.add("notes", f"LEI registration {registration}")
        return entity


@register
class GleifRelationshipCsv(GleifSource):
    """RR-CDF golden copy: one relationship between two LEIs per row (child first)."""

    name = "gleif_rr_csv"
    dataset = "gleif_rr"
    title = "GLEIF relationship records (RR-CDF golden copy)"
    columns = "Relationship.StartNode.NodeID"
    url = GOLDEN_COPY + "rr/latest.csv"

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        required = (
            "Relationship.StartNode.NodeID",
            "Relationship.EndNode.NodeID",
            "Relationship.RelationshipType",
        )
        name = path.name
        for line, row in rows(path, report, RR_COLUMNS, required):
            try:
                yield self.relation(name, line, row)
            except SourceError as error:
                report.reject(error, str(row)[:2000])

    def relation(self, name: str, line: int, row: Row) -> Entity:
        child = _checked_lei(
            row.get("Relationship.StartNode.NodeID"), name, line, "Relationship.StartNode.NodeID"
        )
        parent = _checked_lei(
            row.get("Relationship.EndNode.NodeID"), name, line, "Relationship.EndNode.NodeID"
        )
        kind = row.get("Relationship.RelationshipType", "")
        status = row.get("Relationship.RelationshipStatus", "")
        start, end = _period(row)
        if status == "INACTIVE" and not end:
            # GLEIF marks it ended without a date; it was over by the record's last update.
            end = _day(row.get("Registration.LastUpdateDate"))
        meaning = MEANINGS.get(kind, f"{kind.lower().replace('_', ' ')} (not an ownership relation)")
        citation = (
            f"{self.title}, {name} line {line}: LEI {child} {meaning}; LEI {parent}"
            f"{'' if status in ('', 'ACTIVE') else f'; status {status}'}"
        )
        like = Entity(
            lei_id(child),
            "Company",
            dataset=self.dataset,
            citation=citation,
            evidence=Evidence.FILING,
            source_url=RECORD_URL + child,
        )
        if kind in PARENT_TYPES:
            edge = ownership(
                lei_id(parent), lei_id(child), like=like, kind=RelationKind.PARENT, start=start, end=end
            )
            edge.add("role", kind)
        else:
            edge = link(lei_id(child), lei_id(parent), like=like, kind=RelationKind.LINKED, start=start)
            edge.add("endDate", end)
        edge.add("summary", meaning)
        edge.add("status", status or None)
        edge.add("recordId", f"{child}:{kind}:{parent}")
        return edge


@register
class GleifExceptionCsv(GleifSource):
    """Reporting exceptions: why an entity reports no direct or ultimate parent."""

    name = "gleif_repex_csv"
    dataset = "gleif_repex"
    title = "GLEIF reporting exceptions (golden copy)"
    columns = "Exception.Category"
    url = GOLDEN_COPY + "repex/latest.csv"

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        wanted = (
            "LEI",
            "Exception.Category",
            *(f"Exception.{k}.{i}" for k in ("Reason", "Reference") for i in range(1, 6)),
        )
        for line, row in rows(path, report, wanted, ("LEI", "Exception.Category")):
            try:
                lei = _checked_lei(row.get("LEI"), path.name, line, "LEI")
                category = row.get("Exception.Category", "").replace("_", " ").lower()
                reasons = [
                    row[f"Exception.Reason.{i}"] for i in range(1, 6) if row.get(f"Exception.Reason.{i}")
                ]
                why = ", ".join(reasons) or "no reason given"
                note = f"GLEIF reporting exception: no {category} reported ({why})"
                entity = Entity(
                    lei_id(lei),
                    "Company",
                    dataset=self.dataset,
                    evidence=Evidence.FILING,
                    citation=f"{self.title}, {path.name} line {line} (LEI {lei})",
                    source_url=RECORD_URL + lei,
                )
                entity.add("notes", note)
                yield entity
            except SourceError as error:
                report.reject(error, str(row)[:2000])


_LANG = re.compile(r"^[a-z]{2,3}")


@lru_cache(maxsize=1024)
def _lang(tag: str | None) -> str | None:
    """'zh-Hans' -> 'zho'; the xml:lang GLEIF gives is a BCP 47 tag."""
    from rigour.langs import iso_639_alpha3

    found = _LANG.match((tag or "").lower())
    return iso_639_alpha3(found.group(0)) if found else None


def _country(code: str | None) -> str | None:
    """'CN' or 'US-DE' -> 'cn' / 'us'."""
    return code.split("-")[0].lower() if code else None


def _day(value: str | None) -> str | None:
    try:
        return parse_date(value)
    except ValueError:
        return None


def _period(row: Row) -> tuple[str | None, str | None]:
    """Start and end of the relationship itself (not of an accounting or document period)."""
    for i in range(1, PERIODS + 1):
        if row.get(f"Relationship.Period.{i}.periodType") == "RELATIONSHIP_PERIOD":
            return _day(row.get(f"Relationship.Period.{i}.startDate")), _day(
                row.get(f"Relationship.Period.{i}.endDate")
            )
    return None, None
