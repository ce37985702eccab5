"""OFAC legacy CSV: the SDN list (sdn/add/alt/sdn_comments) and the non-SDN
consolidated list (cons_prim/cons_add/cons_alt/cons_comments)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from lookthrough.exc import SourceError
from lookthrough.model import Entity, RelationKind, link, listing
from lookthrough.model.schema import schema_props
from lookthrough.sources import register
from lookthrough.sources._ofac_file import Ending, open_rows, problems
from lookthrough.sources.base import Download, LoadReport, Source
from lookthrough.sources.ofac_remarks import Remarks, parse_remarks

NULL = "-0-"
AUTHORITY = "US Department of the Treasury, Office of Foreign Assets Control (OFAC)"
MAIN_FIELDS = (
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign",
    "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks",
)  # fmt: skip
ALT_FIELDS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
ADD_FIELDS = ("ent_num", "add_num", "address", "city_state_postal", "country", "add_remarks")
COMMENT_FIELDS = ("ent_num", "remarks_extended")
SCHEMA_BY_TYPE = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_CONS_TITLES = {
    "CMIC-EO13959": "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)",
    "UKRAINE-EO13662": "Sectoral Sanctions Identifications List (SSI)",
    "NS-PLC": "Non-SDN Palestinian Legislative Council List (NS-PLC)",
    "RUSSIA-EO14024": "Non-SDN Menu-Based Sanctions List (NS-MBS)",
    "CAATSA - RUSSIA": "Non-SDN Menu-Based Sanctions List (NS-MBS)",
    "561-Related": "List of Foreign Financial Institutions Subject to Part 561 (Part 561 List)",
}


def clean(value: str) -> str | None:
    """A field's text with whitespace (a stray CR too) collapsed, or None for OFAC's '-0-' null."""
    text = " ".join(value.split())
    return None if not text or text == NULL else text


def read_rows(path: Path, fields: tuple[str, ...], report: LoadReport) -> Iterator[tuple[int, list[str]]]:
    """Rows of one legacy CSV file with their line numbers; bad rows go to `report`."""
    return open_rows(path, fields, report)[1]


def _link_key(name: str) -> str:
    """'Linked To:' names drop trailing dots and vary in punctuation; compare letters only."""
    return re.sub(r"\W+", "", name.upper())


def add_safely(entity: Entity, prop: str, value: str) -> None:
    """Add a value, falling back to a weaker name or a note where the schema lacks `prop`."""
    props = schema_props(entity.schema)
    if prop in props:
        entity.add(prop, value)
    elif prop == "alias" and "weakAlias" in props:
        entity.add("weakAlias", value)
    else:
        entity.add("notes", f"{prop}: {value}")


class OfacLegacyCsv(Source):
    """Shared reader for OFAC's legacy four-file CSV layout."""

    files: ClassVar[dict[str, str]]
    """Role ('main', 'alt', 'add', 'comments') -> file name in lower case."""
    list_title: ClassVar[str]
    list_url: ClassVar[str]

    @classmethod
    def detect(cls, path: Path) -> bool:
        if not path.is_file() or path.name.lower() != cls.files["main"]:
            return False
        return bool(re.match(rb"^\d+,\"", path.read_bytes()[:32]))

    def __init__(self) -> None:
        super().__init__()
        self.endings: list[Ending] = []

    def companions(self, path: Path) -> list[Path]:
        return [p for p in (self._sibling(path, role) for role in ("alt", "add", "comments")) if p]

    def incomplete(self, path: Path, report: LoadReport) -> list[str]:
        """The main file without OFAC's end-of-file mark, or any file that ends mid-record."""
        return problems(self.endings, path.name)

    def rows(
        self, path: Path, fields: tuple[str, ...], report: LoadReport
    ) -> Iterator[tuple[int, list[str]]]:
        """The file's rows (see `_ofac_file.open_rows`), noting how it ends."""
        ending, rows = open_rows(path, fields, report, self.encoding)
        self.endings.append(ending)
        if not ending.marked and ending.whole and fields is not MAIN_FIELDS:
            report.warn(f"{path.name}: no end-of-file mark (0x1A), but its last record is whole")
        return rows

    def _sibling(self, path: Path, role: str) -> Path | None:
        wanted = self.files[role]
        for candidate in path.parent.iterdir():
            if candidate.name.lower() == wanted:
                return candidate
        return None

    def read(self, path: Path, report: LoadReport) -> Iterator[Entity]:
        rows: dict[str, tuple[int, list[str]]] = {}
        for role, what in (("alt", "aliases"), ("add", "addresses")):
            if self._sibling(path, role) is None:
                report.warn(
                    f"{self.files[role]} is not beside {path.name}: {what} are missing from this load"
                )
        for line, row in self.rows(path, MAIN_FIELDS, report):
            ent_num = row[0].strip()
            if ent_num in rows:
                report.reject(
                    SourceError(f"duplicate ent_num {ent_num}", path=path.name, line=line, field="ent_num"),
                    ",".join(row),
                )
            elif clean(row[1]) is None:
                report.reject(
                    SourceError("entry has no name", path=path.name, line=line, field="SDN_Name"),
                    ",".join(row),
                )
            else:
                rows[ent_num] = (line, row)
        self._continue_remarks(path, rows, report)
        entities: dict[str, Entity] = {}
        remarks: dict[str, Remarks] = {}
        for ent_num, (line, row) in rows.items():
            parsed = parse_remarks(clean(row[11]) or "")
            remarks[ent_num] = parsed
            entities[ent_num] = self._entity(path, line, row, parsed)
        self._aliases(path, entities, report)
        self._addresses(path, entities, report)
        yield from entities.values()
        yield from self._listings(entities, rows, remarks)
        yield from self._links(entities, remarks, report)

    def _entity(self, path: Path, line: int, row: list[str], parsed: Remarks) -> Entity:
        ent_num = row[0].strip()
        schema = SCHEMA_BY_TYPE.get((clean(row[2]) or "").lower())
        if schema is None:
            is_company = any(p in ("isinCode", "ticker") for p, _ in parsed.values)
            schema = "Company" if is_company else "Organization"
        entity = Entity(
            f"{self.dataset}-{ent_num}",
            schema,
            dataset=self.dataset,
            citation=f"{self.list_title}, {path.name} line {line} (ent_num {ent_num})",
            source_url=self.list_url,
        )
        entity.add("name", clean(row[1]))
        for prop, value in parsed.values:
            add_safely(entity, prop, value)
        for note in parsed.notes:
            entity.add("notes", note)
        if schema == "Person":
            entity.add("title", clean(row[4]))
        elif schema == "Vessel":
            for prop, index in (
                ("callSign", 5),
                ("type", 6),
                ("tonnage", 7),
                ("grossRegisteredTonnage", 8),
                ("flag", 9),
            ):
                entity.add(prop, clean(row[index]))
        return entity

    def _lookup(
        self, path: Path, line: int, row: list[str], entities: dict[str, Entity], report: LoadReport
    ) -> Entity | None:
        ent_num = row[0].strip()
        entity = entities.get(ent_num)
        if entity is None:
            report.reject(
                SourceError(
                    f"ent_num {ent_num} has no entry in {self.files['main']}",
                    path=path.name,
                    line=line,
                    field="ent_num",
                ),
                ",".join(row),
            )
        return entity

    def _continue_remarks(
        self, path: Path, rows: dict[str, tuple[int, list[str]]], report: LoadReport
    ) -> None:
        comments = self._sibling(path, "comments")
        if comments is None:
            return
        for line, row in self.rows(comments, COMMENT_FIELDS, report):
            ent_num = row[0].strip()
            if ent_num not in rows:
                report.reject(
                    SourceError(
                        f"ent_num {ent_num} has no entry in {self.files['main']}",
                        path=comments.name,
                        line=line,
                        field="ent_num",
                    ),
                    ",".join(row),
                )
            elif clean(row[1]):
                # Remarks longer than 1,000 characters continue here, mid-word.
                main_line, main_row = rows[ent_num]
                rows[ent_num] = (main_line, [*main_row[:11], main_row[11].rstrip() + (clean(row[1]) or "")])

    def _aliases(self, path: Path, entities: dict[str, Entity], report: LoadReport) -> None:
        alt = self._sibling(path, "alt")
        if alt is None:
            return
        kinds = {"aka": "alias", "fka": "previousName", "nka": "alias"}
        for line, row in self.rows(alt, ALT_FIELDS, report):
            entity = self._lookup(alt, line, row, entities, report)
            name = clean(row[3])
            if entity is None:
                continue
            if name is None:
                report.reject(
                    SourceError("alias is empty", path=alt.name, line=line, field="alt_name"), ",".join(row)
                )
                continue
            kind = kinds.get((clean(row[2]) or "aka").lower(), "alias")
            add_safely(entity, kind, name)

    def _addresses(self, path: Path, entities: dict[str, Entity], report: LoadReport) -> None:
        add = self._sibling(path, "add")
        if add is None:
            return
        for line, row in self.rows(add, ADD_FIELDS, report):
            entity = self._lookup(add, line, row, entities, report)
            if entity is None:
                continue
            parts = [clean(row[i]) for i in (2, 3, 4)]
            text = ", ".join(p for p in parts if p)
            if not text:
                continue  # an address row that only carries remarks; counted as read
            entity.add("address", text)
            country = clean(row[4])
            if country and "country" in schema_props(entity.schema):
                entity.add("country", country)

    def _programs(self, row: list[str]) -> list[str]:
        text = clean(row[3]) or ""
        return [p.strip(" []") for p in text.split("] [") if p.strip(" []")]

    def _listings(
        self, entities: dict[str, Entity], rows: dict[str, tuple[int, list[str]]], remarks: dict[str, Remarks]
    ) -> Iterator[Entity]:
        for ent_num, entity in entities.items():
            programs: list[str | None] = [*self._programs(rows[ent_num][1])] or [None]
            for program in programs:
                yield listing(
                    entity,
                    list_title=self.title_for(program),
                    program=program,
                    authority=AUTHORITY,
                    since=remarks[ent_num].listing_date,
                    source_url=self.list_url,
                )

    def _links(
        self, entities: dict[str, Entity], remarks: dict[str, Remarks], report: LoadReport
    ) -> Iterator[Entity]:
        by_name: dict[str, Entity] = {}
        for entity in entities.values():
            for name in entity.get("name"):
                by_name.setdefault(_link_key(name), entity)
        for ent_num, parsed in remarks.items():
            source = entities[ent_num]
            for target_name in parsed.linked_to:
                target = by_name.get(_link_key(target_name))
                if target is None:
                    source.add("notes", f"Linked To: {target_name}")
                    report.warn(f"ent_num {ent_num}: 'Linked To: {target_name}' names no entry of this list")
                else:
                    # OFAC's "Linked To:" ties a party to another listed one: an association.
                    yield link(source, target, like=source, kind=RelationKind.ASSOCIATE)

    def title_for(self, program: str | None) -> str:
        return self.list_title


@register
class OfacSdnCsv(OfacLegacyCsv):
    name = "ofac_sdn_csv"
    dataset = "us_ofac_sdn"
    title = "OFAC Specially Designated Nationals and Blocked Persons List (SDN)"
    list_title = title
    list_url = "https://sanctionslist.ofac.treas.gov/Home/SdnList"
    files: ClassVar[dict[str, str]] = {
        "main": "sdn.csv",
        "alt": "alt.csv",
        "add": "add.csv",
        "comments": "sdn_comments.csv",
    }
    downloads = tuple(
        Download(f"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/{n.upper()}", n)
        for n in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")
    )


@register
class OfacConsolidatedCsv(OfacLegacyCsv):
    name = "ofac_cons_csv"
    dataset = "us_ofac_cons"
    title = "OFAC Consolidated (non-SDN) Sanctions List"
    list_title = title
    list_url = "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists"
    files: ClassVar[dict[str, str]] = {
        "main": "cons_prim.csv",
        "alt": "cons_alt.csv",
        "add": "cons_add.csv",
        "comments": "cons_comments.csv",
    }
    downloads = tuple(
        Download(f"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/{n.upper()}", n)
        for n in ("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv")
    )

    def title_for(self, program: str | None) -> str:
        return _CONS_TITLES.get(program or "", self.list_title)
