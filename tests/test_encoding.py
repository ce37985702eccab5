"""Text files decode right in every encoding users send, or stop with an error naming the file."""

from __future__ import annotations

import pytest

from lookthrough.encoding import decode, physical_lines
from lookthrough.exc import InvalidInput, SourceAbort

HOLDINGS_ZH = (
    "name,isin\n杭州海康威视数字技术股份有限公司,CNE100000PM8\n浙江大华技术股份有限公司,CNE100000BJ4\n"
)
HOLDINGS_TW = (
    "name,isin\n杭州海康威視數字技術股份有限公司,CNE100000PM8\n浙江大華技術股份有限公司,CNE100000BJ4\n"
)
CASES = [
    (HOLDINGS_ZH, "utf-8"),
    (HOLDINGS_ZH, "utf-8-sig"),
    (HOLDINGS_ZH, "utf-16"),
    (HOLDINGS_ZH, "utf-32"),
    (HOLDINGS_ZH, "gb18030"),
    ("name\n海康威视\n浙江大华\n", "gb18030"),
    (HOLDINGS_TW, "big5"),
    ("name,isin\n海康威視,\n浙江大華,\n", "big5"),
    ("holding,isin\nL’Oréal,FR0000120321\nHermès International,FR0000052292\n", "cp1252"),
    ("name\nSociété Générale\nNestlé S.A.\n", "latin-1"),
    ("name\nCafé\n", "latin-1"),
    ("name;country\nMüller GmbH;DE\nBäckerei Groß AG;DE\n", "latin-1"),
    ("name\nОАО Газпром\nРоснефть\n", "cp1251"),
    ("name\n株式会社東芝\nソニーグループ株式会社\n", "shift_jis"),
    ("name,isin\nAcme,US0378331005\n", "utf-16-le"),
]


@pytest.mark.parametrize(("text", "encoding"), CASES, ids=[f"{i}-{e}" for i, (_, e) in enumerate(CASES)])
def test_every_common_encoding_decodes_to_the_same_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "holdings.csv") == text


def test_an_ambiguous_file_names_itself_and_asks_for_encoding() -> None:
    raw = "name\n海康威视\n".encode("gb18030")  # four characters read as GB18030, Big5 or EUC-JIS
    with pytest.raises(
        InvalidInput, match=r"^holdings.csv: cannot tell the text encoding .* pass --encoding"
    ):
        decode(raw, "holdings.csv")
    assert decode(raw, "holdings.csv", "gb18030") == "name\n海康威视\n"


def test_a_damaged_utf8_file_names_the_line_of_the_bad_byte() -> None:
    raw = "name\nCafé\n".encode() + "Nestlé\n".encode("latin-1")
    with pytest.raises(InvalidInput, match=r"^list.csv, line 3: not valid UTF-8 \(byte 0xe9\)"):
        decode(raw, "list.csv")


def test_a_wrong_explicit_encoding_names_the_line() -> None:
    with pytest.raises(SourceAbort, match=r"^sdn.csv, line 2: not valid utf-8"):
        decode(b"a\n\xff\n", "sdn.csv", "utf-8", error=SourceAbort)
    with pytest.raises(InvalidInput, match="unknown encoding 'klingon'"):
        decode(b"a", "x.csv", "klingon")


def test_lines_split_at_line_feeds_only() -> None:
    assert physical_lines("a,b\r\nc\rd,e\u2028f\n") == ["a,b\r\n", "c\rd,e\u2028f\n"]
    assert physical_lines("a\rb\r") == ["a\r", "b\r"]  # classic Mac line ends
    assert physical_lines("a\nb") == ["a\n", "b"]
