"""Every input reader of `screen`, fed damaged files: InvalidInput or rows that balance."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, RejectedRow, open_table

from .conftest import damaged

ROWS = [
    {"name": "Hangzhou Hikvision", "isin": "CNE100000PM8"},
    {"name": "Sony Group", "isin": "JP3435000009"},
    {"name": "Société Générale", "isin": ""},
    {"name": "浙江大华", "isin": None},
]


def _csv(delimiter: str) -> bytes:
    lines = [delimiter.join(["name", "isin"])] + [delimiter.join([r["name"], r["isin"] or ""]) for r in ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _jsonl() -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS).encode("utf-8")


def _xlsx() -> bytes:
    book = Workbook()
    book.active.append(["name", "isin"])
    for r in ROWS:
        book.active.append([r["name"], r["isin"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _parquet() -> bytes:
    out = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(ROWS * 50), out, row_group_size=40, compression="none")
    return out.getvalue()


SEEDS = {"csv": _csv(","), "tsv": _csv("\t"), "jsonl": _jsonl(), "xlsx": _xlsx(), "parquet": _parquet()}


def exercise(path: Path) -> None:
    """InvalidInput naming the file, or every row numbered 1..n once, read or rejected."""
    try:
        table = open_table(path)
        rows = list(table.rows)
    except InvalidInput as error:
        assert path.name in str(error)
        return
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    assert all(isinstance(r, InputRow | RejectedRow) for r in rows)
    for row in rows:
        if isinstance(row, InputRow):
            json.dumps(row.fields, default=str).encode("utf-8")  # every kept value can be written out


@pytest.mark.parametrize("kind", sorted(SEEDS))
@given(data=st.data())
def test_reader(kind: str, data: st.DataObject) -> None:
    content = data.draw(damaged(SEEDS[kind]))
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / f"input.{kind}"
        path.write_bytes(content)
        exercise(path)


@given(text=st.text(max_size=300), encoding=st.sampled_from(["utf-8", "utf-16", "gb18030", "cp1252", "big5"]))
def test_csv_text_in_any_encoding(text: str, encoding: str) -> None:
    try:
        content = ("name\n" + text).encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as root:
        path = Path(root) / "input.csv"
        path.write_bytes(content)
        exercise(path)
