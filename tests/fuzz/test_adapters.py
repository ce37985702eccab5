"""Every list adapter, fed damaged files: only our own errors, and every reject counted."""

from __future__ import annotations

import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from lookthrough.sources.au_dfat import AustraliaDfatXlsx
from lookthrough.sources.base import LoadReport, Source
from lookthrough.sources.bis_dpl import BisDeniedPersons
from lookthrough.sources.bods import Bods
from lookthrough.sources.ca_sema import CanadaSemaXml
from lookthrough.sources.ch_seco import SwissSecoXml
from lookthrough.sources.csl import CslCsv, CslJson
from lookthrough.sources.curated import CuratedYaml
from lookthrough.sources.eu_fsf import EuFsfCsv, EuFsfXml
from lookthrough.sources.ftm_json import FtmJson
from lookthrough.sources.gleif import GleifExceptionCsv, GleifLeiCsv, GleifRelationshipCsv
from lookthrough.sources.ofac_csv import OfacConsolidatedCsv, OfacSdnCsv
from lookthrough.sources.relations_csv import RelationsCsv
from lookthrough.sources.uflpa_csv import UflpaCsv
from lookthrough.sources.uk_ofsi import OfsiConsolidatedXlsx
from lookthrough.sources.uk_sanctions_list import UkSanctionsListCsv, UkSanctionsListOds, UkSanctionsListXml
from lookthrough.sources.un_xml import UnConsolidatedXml

from ..sources.uk_ods import NAME as UK_ODS_NAME
from ..sources.uk_ods import Cell, ods_bytes, uk_rows
from .conftest import EXPECTED, FIXTURES, damaged

MAIN = (
    '{n},"ACME TRADING {n}","-0- ","SDGT] [IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    '"Linked To: ACME TRADING 1."\r\n'
)
OFAC = {
    "main": "".join(MAIN.format(n=n) for n in range(1, 6)) + "\x1a",
    "alt": '1,10,"aka","ACME",-0- \r\n2,11,"fka","ACME OLD",-0- \r\n\x1a',
    "add": '1,20,"1 Main St","Tehran","Iran",-0- \r\n3,21,-0- ,-0- ,"Iran",-0- \r\n\x1a',
    "comments": '1,"continued remarks."\r\n\x1a',
}


def exercise(cls: type[Source], path: Path, lines: bool = True) -> LoadReport:
    """Read `path` whole as `cls` does in a load; our own errors only, rejects counted and placed.

    A whole-row problem (a short row, bad JSON) names no field, but every reject names its file
    and, where the format has lines (`lines`), its line."""
    source, report = cls(), LoadReport()
    try:
        for _entity in source.read(path, report):
            pass
        source.incomplete(path, report)
    except EXPECTED:
        pass
    assert report.rows_rejected == len(report.rejects)
    assert all(count.rejected <= count.rows for count in report.files.values())
    assert all(r.path for r in report.rejects), [str(r) for r in report.rejects]
    assert not lines or all(r.line is not None for r in report.rejects), [str(r) for r in report.rejects]
    return report


@contextmanager
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@pytest.mark.parametrize("cls", [OfacSdnCsv, OfacConsolidatedCsv])
@given(role=st.sampled_from(sorted(OFAC)), data=st.data())
def test_ofac_csv(cls: type[OfacSdnCsv], role: str, data: st.DataObject) -> None:
    with folder() as root:
        for name, text in OFAC.items():
            content = text.encode("cp1252")
            if name == role:
                content = data.draw(damaged(content))
            (root / cls.files[name]).write_bytes(content)
        exercise(cls, root / cls.files["main"])


SEEDS = {
    CslCsv: (FIXTURES / "csl" / "bad" / "consolidated.csv", "consolidated.csv"),
    CslJson: (FIXTURES / "csl" / "consolidated.json", "consolidated.json"),
    UnConsolidatedXml: (FIXTURES / "un" / "bad_consolidated.xml", "consolidated.xml"),
    BisDeniedPersons: (FIXTURES / "dpl" / "dpl.txt", "dpl.txt"),
    FtmJson: (FIXTURES / "ftm" / "bad.ftm.json", "bad.ftm.json"),
    Bods: (FIXTURES / "bods" / "example-0.2.jsonl", "statements.jsonl"),
    RelationsCsv: (FIXTURES / "relations" / "relations.csv", "relations.csv"),
    EuFsfXml: (FIXTURES / "eu" / "eu_fsf.xml", "eu_fsf.xml"),
    EuFsfCsv: (FIXTURES / "eu" / "eu_fsf.csv", "eu_fsf.csv"),
    UkSanctionsListXml: (FIXTURES / "uk_sanctions_list" / "UK-Sanctions-List.xml", "UK-Sanctions-List.xml"),
    UkSanctionsListCsv: (FIXTURES / "uk_sanctions_list" / "UK-Sanctions-List.csv", "UK-Sanctions-List.csv"),
    CanadaSemaXml: (FIXTURES / "ca" / "sema-lmes.xml", "sema-lmes.xml"),
    SwissSecoXml: (FIXTURES / "ch" / "seco-sanctions.xml", "seco-sanctions.xml"),
    UflpaCsv: (FIXTURES / "uflpa" / "uflpa.csv", "uflpa.csv"),
    GleifLeiCsv: (FIXTURES / "gleif" / "lei2-golden-copy.csv", "lei2-golden-copy.csv"),
    GleifRelationshipCsv: (FIXTURES / "gleif" / "rr-golden-copy.csv", "rr-golden-copy.csv"),
    GleifExceptionCsv: (FIXTURES / "gleif" / "repex-golden-copy.csv", "repex-golden-copy.csv"),
    AustraliaDfatXlsx: (
        FIXTURES / "au" / "Australian_Sanctions_Consolidated_List.xlsx",
        "Australian_Sanctions_Consolidated_List.xlsx",
    ),
}


@pytest.mark.parametrize("cls", list(SEEDS), ids=lambda c: c.name)
@given(data=st.data())
def test_text_adapters(cls: type[Source], data: st.DataObject) -> None:
    seed, name = SEEDS[cls]
    with folder() as root:
        (root / name).write_bytes(data.draw(damaged(seed.read_bytes())))
        exercise(cls, root / name)


@given(data=st.data())
def test_bods_json_array(data: st.DataObject) -> None:
    with folder() as root:
        (root / "register.json").write_bytes(
            data.draw(damaged((FIXTURES / "bods" / "example-0.4.json").read_bytes()))
        )
        exercise(Bods, root / "register.json")  # each statement of an array has the line it starts on


def _zipped(seed: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(seed.name, seed.read_bytes())
    return out.getvalue()


@given(data=st.data())
def test_gleif_zip(data: st.DataObject) -> None:
    """GLEIF serves its golden copies zipped: a damaged archive is the archive's error, not ours."""
    with folder() as root:
        (root / "lei2.zip").write_bytes(
            data.draw(damaged(_zipped(FIXTURES / "gleif" / "lei2-golden-copy.csv")))
        )
        exercise(GleifLeiCsv, root / "lei2.zip")


def _conlist(rows: list[list[str | None]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Last Updated", "10/04/2025"])
    sheet.append(["Name 6", "Group Type", "Alias Type", "Regime", "Listed On", "Group ID", "DOB", "Country"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return _without_clock(out.getvalue())


def _without_clock(xlsx: bytes) -> bytes:
    """The workbook with its save time and the zip's member times fixed: hypothesis needs the
    same bytes for the same rows (a length that changed with the clock made a run flaky)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "docProps/core.xml":
                content = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2025-04-10T00:00:00Z", content)
            fixed = zipfile.ZipInfo(member.filename, date_time=(2025, 4, 10, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            copy.writestr(fixed, content)
    return out.getvalue()


CELL = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.sampled_from(["Entity", "Individual", "Ship", "Primary name", "AKA", "00/00/1970"]),
)


@given(rows=st.lists(st.lists(CELL, max_size=8), max_size=6), data=st.data())
def test_ofsi_xlsx(rows: list[list[str | None]], data: st.DataObject) -> None:
    clean = [[_cell(v) for v in row] for row in rows]
    content = _conlist(clean)
    if data.draw(st.booleans()):
        content = data.draw(damaged(content))
    with folder() as root:
        (root / "ConList.xlsx").write_bytes(content)
        exercise(OfsiConsolidatedXlsx, root / "ConList.xlsx")


def _cell(value: str | None) -> str | None:
    """Text a worksheet can hold (XML forbids most control characters)."""
    return None if value is None else "".join(ch for ch in value if ch >= " " or ch in "\t\n")


UK_ODS_HEAD = uk_rows()[:3]
"""The ODS fixture's 'Report Date' row, blank row and header."""
UK_ODS = ods_bytes(uk_rows())
UK_ODS_CELLS = {
    "Unique ID": st.one_of(st.sampled_from(["RUS0001", "RUS0002", " "]), st.text(max_size=8)),
    "Name 6": CELL,
    "Name type": st.one_of(st.sampled_from(["Primary Name", "Primary name variation", "Alias"]), CELL),
    "Regime Name": CELL,
    "Designation Type": CELL,
    "Date Designated": st.one_of(st.dates(), CELL),
    "D.O.B": st.one_of(st.dates(), st.sampled_from(["00/00/1958", "dd/mm/1945"]), CELL),
    "Year Built": st.one_of(st.floats(allow_nan=False, allow_infinity=False), CELL),
    "IMO number": CELL,
}


@given(data=st.data())
def test_uk_sanctions_list_ods(data: st.DataObject) -> None:
    """The UK ODS: the fixture damaged, or a whole sheet of random name rows (dates and numbers as
    typed cells, a value past the header now and then)."""
    header = [str(h) for h in UK_ODS_HEAD[-1]]
    if data.draw(st.booleans()):
        content = data.draw(damaged(UK_ODS))
    else:
        rows: list[list[Cell]] = []
        for cells in data.draw(st.lists(st.fixed_dictionaries({}, optional=UK_ODS_CELLS), max_size=6)):
            row: list[Cell] = [None] * len(header)
            for column, value in cells.items():
                row[header.index(column)] = _cell(value) if isinstance(value, str) or value is None else value
            rows.append(row + data.draw(st.lists(st.sampled_from([None, "stray"]), max_size=2)))
        content = ods_bytes([*UK_ODS_HEAD, *rows])
    with folder() as root:
        (root / UK_ODS_NAME).write_bytes(content)
        exercise(UkSanctionsListOds, root / UK_ODS_NAME)


@given(role=st.sampled_from(["index.yaml", "entities.yaml", "citations.yaml", "lists.yaml"]), data=st.data())
def test_curated_yaml(role: str, data: st.DataObject) -> None:
    with folder() as root:
        shutil.copytree(FIXTURES / "curated_bad", root / "data")
        path = root / "data" / role
        path.write_bytes(data.draw(damaged(path.read_bytes())))
        exercise(CuratedYaml, root / "data")
