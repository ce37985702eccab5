"""The FtM load path's fast parts give what the plain ones give: entities equal to `from_ftm`'s,
lines equal to the whole text's, JSON equal to the json module's."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from followthemoney.exc import InvalidData
from hypothesis import given, settings
from hypothesis import strategies as st

from lookthrough.encoding import has_surrogate, physical_lines, read_text
from lookthrough.model import Evidence, from_ftm
from lookthrough.sources._ftm_values import Cleaner, entity_from_ftm
from lookthrough.sources.ftm_json import parse, problem, streamable

from ..conftest import FIXTURES

SCHEMATA = ("Person", "Company", "Organization", "Ownership", "Sanction", "UnknownLink", "Vessel")
MESSY = st.sampled_from(
    ["", " ", "  Acme  Ltd ", "\u00a0ru\t", "Russia", "RU", "Russian Federation", "xx", "2021-02-03",
     "2021-02", "03.02.2021", "not a date", "e\u0301t\u00e9", "\x00bad\x07", "https://example.org/x",
     "self", "other-1", "male", "sanction", "de", "\"Quoted\"", "a" * 70_000]
)  # fmt: skip
TEXT = st.one_of(MESSY, st.text(max_size=30))


def _same(data: dict[str, Any], cleaner: Cleaner) -> None:
    """Both builds give the same entity, or both refuse it with the same message."""
    schema = model.get(data["schema"])
    assert schema is not None
    try:
        expected = from_ftm(data, dataset="d", citation="c", evidence=Evidence.REPORTED)
    except InvalidData as error:
        with pytest.raises(InvalidData) as raised:
            entity_from_ftm(cleaner, schema, data["id"], data.get("properties") or {}, dataset="d",
                            citation="c", evidence=Evidence.REPORTED)  # fmt: skip
        assert str(raised.value) == str(error)
        return
    found = entity_from_ftm(cleaner, schema, data["id"], data.get("properties") or {}, dataset="d",
                            citation="c", evidence=Evidence.REPORTED)  # fmt: skip
    assert (found.id, found.schema, found.source_url) == (expected.id, expected.schema, expected.source_url)
    assert found.statements == expected.statements


@st.composite
def ftm_objects(draw: st.DrawFn) -> dict[str, Any]:
    schema = model.get(draw(st.sampled_from(SCHEMATA)))
    assert schema is not None
    names = sorted(schema.properties)
    chosen = draw(st.lists(st.sampled_from(names), max_size=8, unique=True))
    properties: dict[str, Any] = {}
    for name in chosen:
        values = draw(st.lists(TEXT, max_size=4))
        properties[name] = values[0] if values and draw(st.booleans()) else values
    return {"id": "self", "schema": schema.name, "properties": properties}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(ftm_objects())
def test_random_objects_build_as_from_ftm_builds_them(data: dict[str, Any]) -> None:
    _same(data, Cleaner())


def test_a_shared_cleaner_remembers_without_changing_answers() -> None:
    cleaner = Cleaner()
    for country in ("Russia", "Russia", "ru", "nowhere", "Russia"):
        _same({"id": "a", "schema": "Company", "properties": {"country": [country], "name": "A"}}, cleaner)
    _same({"id": "a", "schema": "Ownership", "properties": {"owner": ["a"], "asset": ["b"]}}, cleaner)


def test_shared_exports_build_as_from_ftm_builds_them(shared_data: Path) -> None:
    cleaner = Cleaner()
    for path in sorted((shared_data / "opensanctions_ftm").glob("*.json")):
        for line in path.read_text("utf-8").splitlines():
            data = json.loads(line)
            data = data.get("entity", data)
            if problem(data) is None:
                _same(data, cleaner)


def _write(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "entities.ftm.json"
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize(
    "raw",
    [b'{"a": 1}\n{"b": "\xc3\xa9"}\n', b'{"a": 1}\r\n{"b": 2}', b"one\n\ntwo\r\n", b"\n", b"last line"],
)
def test_a_plain_utf8_file_streams_the_lines_of_its_whole_text(tmp_path: Path, raw: bytes) -> None:
    path = _write(tmp_path, raw)
    assert streamable(path)
    with path.open("rb") as handle:
        assert [line.decode("utf-8") for line in handle] == physical_lines(read_text(path))


@pytest.mark.parametrize(
    "raw",
    [codecs.BOM_UTF8 + b'{"a": 1}\n', b'{"a": 1}\r{"b": 2}\r', b'{"a": "\xe9"}\n', b'{"a": 1}\x00\n',
     "{}\n".encode("utf-16")],
)  # fmt: skip
def test_other_files_are_read_whole(tmp_path: Path, raw: bytes) -> None:
    assert not streamable(_write(tmp_path, raw))


def test_a_multibyte_character_across_chunks_is_still_utf8(tmp_path: Path, monkeypatch) -> None:
    import lookthrough.sources.ftm_json as ftm_json

    monkeypatch.setattr(ftm_json, "_CHUNK", 3)
    assert streamable(_write(tmp_path, '{"é": "日本"}\n'.encode()))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(JSON_VALUES, st.sampled_from(["", " ", "\n", "\r\n", "\u2028"]))
def test_lines_parse_as_the_json_module_parses_them(value: Any, end: str) -> None:
    for ascii in (True, False):
        text = json.dumps(value, ensure_ascii=ascii) + end
        if not has_surrogate(text):  # a file holding one is no UTF-8: it is never read by lines
            assert parse(text, text.encode()) == parse(text) == json.loads(text.strip())


@pytest.mark.parametrize(
    "text",
    ['{"a": NaN}', '{"a": 1e400}', '{"a": 123456789012345678901234567890}', '{"a": "\\ud800"}',
     "[" * 900 + "]" * 900, "[" * 5000 + "]" * 5000, '{"a": 1', "{'a': 1}"],
)  # fmt: skip
def test_what_orjson_refuses_gets_the_json_modules_answer(text: str) -> None:
    try:
        expected: Any = json.loads(text)
    except (ValueError, RecursionError) as error:
        with pytest.raises(type(error)):
            parse(text, text.encode())
    else:
        assert parse(text, text.encode()) == expected


def test_the_bad_fixture_still_rejects_line_by_line() -> None:
    assert streamable(FIXTURES / "ftm" / "bad.ftm.json")
