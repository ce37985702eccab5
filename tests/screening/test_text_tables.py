"""CSV and JSON-lines input: any encoding, any field length; a bad row is rejected with its
line and the rows after it are still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lookthrough.exc import InvalidInput
from lookthrough.screening.reader import InputRow, open_table


def read(path: Path, encoding: str | None = None) -> list[tuple[str, int, object]]:
    """(kind, line, fields or reason) of every row."""
    return [
        ("row", r.line, r.fields) if isinstance(r, InputRow) else ("rejected", r.line, r.reason)
        for r in open_table(path, encoding=encoding).rows
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "gb18030"])
def test_a_csv_in_another_encoding_has_its_own_header(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.csv"
    text = "name,isin\n杭州海康威视数字技术股份有限公司,CNE100000PM8\n浙江大华技术股份有限公司,\n"
    path.write_bytes(text.encode(encoding))
    table = open_table(path)
    assert table.columns == ["name", "isin"]
    assert [r.fields["name"] for r in table.rows if isinstance(r, InputRow)] == [
        "杭州海康威视数字技术股份有限公司",
        "浙江大华技术股份有限公司",
    ]


def test_explicit_encoding_is_used(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("name\n海康威视\n".encode("gb18030"))
    with pytest.raises(InvalidInput, match=r"a\.csv: cannot tell the text encoding"):
        open_table(path)
    assert read(path, "gb18030") == [("row", 2, {"name": "海康威视"})]


def test_a_ten_megabyte_field_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long = "A" * 10_000_000
    path.write_text(f"name,isin\n{long},X\nSony,Y\n")
    rows = read(path)
    assert [(kind, line) for kind, line, _ in rows] == [("row", 2), ("row", 3)]
    assert rows[0][2] == {"name": long, "isin": "X"}


def test_a_stray_cr_rejects_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "cr.csv"
    path.write_bytes(b'name,isin\r\nAcme\rCorp,X\r\n"Quoted\rCR",Y\r\nSony,Z\r\n')
    assert read(path) == [
        ("rejected", 2, "a line break (CR) inside an unquoted field; quote the field or remove the CR"),
        ("row", 3, {"name": "Quoted\rCR", "isin": "Y"}),
        ("row", 4, {"name": "Sony", "isin": "Z"}),
    ]


def test_a_line_separator_inside_a_field_does_not_split_the_row(tmp_path: Path) -> None:
    path = tmp_path / "ls.csv"
    path.write_text("name,isin\nAcme\u2028Corp,X\nSony,Y\n", encoding="utf-8")
    assert read(path) == [
        ("row", 2, {"name": "Acme\u2028Corp", "isin": "X"}),
        ("row", 3, {"name": "Sony", "isin": "Y"}),
    ]


def test_an_unclosed_quote_is_rejected_not_swallowed_silently(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('name,isin\nSony,Y\n"Acme,X\nToshiba,Z\n')
    rows = read(path)
    assert rows == [
        ("row", 2, {"name": "Sony", "isin": "Y"}),
        ("rejected", 3, "the file ends inside a quoted field that opens on line 3"),
    ]


def test_jsonl_nested_100k_deep_is_rejected_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text('{"name": "a"}\n' + deep + '\n{"name": "b"}\n')
    assert read(path) == [
        ("row", 1, {"name": "a"}),
        ("rejected", 2, "not valid JSON: nested too deeply"),
        ("row", 3, {"name": "b"}),
    ]


def test_jsonl_nesting_that_decodes_is_still_bounded(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text(
        json.dumps(
            {"name": "x", "extra": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}
        )
    )
    assert read(path) == [("rejected", 1, "field 'extra': nested deeper than 32 levels")]


def test_jsonl_lone_surrogate_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"name": "\\ud800"}\n{"\\udfff": "x"}\n{"name": "ok"}\n')
    rows = read(path)
    assert [r[:2] for r in rows] == [("rejected", 1), ("rejected", 2), ("row", 3)]
    assert (
        rows[0][2] == "field 'name': holds a lone surrogate (an escape such as \\ud800 that is no character)"
    )
    assert "column name" in str(rows[1][2])


def test_jsonl_in_utf16_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u.jsonl"
    path.write_bytes('{"name": "海康威视"}\n'.encode("utf-16"))
    assert read(path) == [("row", 1, {"name": "海康威视"})]


def test_jsonl_columns_are_every_key_of_every_record(tmp_path: Path) -> None:
    """A later record's own keys are columns too: a CSV output took the first record's only."""
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"name": "Sony Group"}\nnot json\n{"name": "Hikvision", "isin": "CNE100000PM8"}\n'
        '{"\\udfff": "x"}\n{"lei": "529900T8BM49AURSDO55", "name": "Acme"}\n'
    )
    assert open_table(path).columns == ["name", "isin", "lei"]
