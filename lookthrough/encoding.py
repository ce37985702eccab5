"""Decode text files whatever their encoding: a byte-order mark, UTF-8, or charset-normalizer's
guess when it is sure; otherwise an error that names the file and asks for --encoding. Then
split them into lines the way CSV readers need.

Chinese names are the point of many screens: a GB18030 or Big5 file read as cp1252 would come
back "clear" without a word, so a guess is only taken when every plausible reading agrees.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import charset_normalizer

from lookthrough.exc import InvalidInput, Located

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""UTF-32 first: its little-endian mark starts with UTF-16's."""
CHAOS_MARGIN = 0.05
"""Readings whose mess ratio is this close to the best one are as plausible as it."""
ODDITY_SPAN = 1 << 16
"""Characters of each reading weighed for oddities (enough to tell, quick on big files)."""
COHERENCE_MARGIN = 0.05
"""Among those, readings whose language fit is this close to the best one."""
SAMPLE = 1 << 20
"""Bytes handed to the detector, from the first non-ASCII byte: enough to be sure, fast on big files."""
PREFERRED = ("utf_8", "cp1252", "gb18030", "big5", "shift_jis", "euc_kr", "cp1251", "cp1250")
"""When several encodings give the same text, the one to decode the whole file with (the widest)."""
WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "latin_1": "cp1252", "iso8859_1": "cp1252"}
UNLIKELY = ("cp4", "cp7", "cp8", "cp1006", "cp1125", "mac_", "hp_", "ptcp", "kz1048", "tis_620")
"""DOS, Mac and other legacy code pages: a spreadsheet export today is never in one of these,
so a reading in them alone does not make a file ambiguous."""
_COMPATIBLE = {"CJK", "HIRAGANA", "KATAKANA"}
"""Scripts that Japanese writes within one word."""


def read_text(
    path: Path, encoding: str | None = None, *, error: type[Located] = InvalidInput, name: str | None = None
) -> str:
    """The text of `path` (see `decode`); errors name it as `name` (default: the path given)."""
    return decode(path.read_bytes(), name or str(path), encoding, error=error)


def decode(raw: bytes, name: str, encoding: str | None = None, *, error: type[Located] = InvalidInput) -> str:
    """`raw` as text: in `encoding` if given, else by byte-order mark, UTF-8 or a sure guess.

    Raises `error` (InvalidInput for the user's files, SourceAbort for lists) naming the file,
    and the line of the first byte that does not decode."""
    if encoding:
        return _strict(raw, name, _codec(encoding, name, error), error)
    for mark, codec in BOMS:
        if raw.startswith(mark):
            return _strict(raw, name, codec, error)
    try:
        if b"\x00" not in raw:  # NUL bytes: UTF-16 or UTF-32 without a mark, never UTF-8 text
            return raw.decode("utf-8")
    except UnicodeDecodeError as problem:
        if not raw[: problem.start].isascii():
            # Valid UTF-8 before the bad byte: a damaged or mixed file, not another encoding.
            raise error(
                f"not valid UTF-8 (byte 0x{raw[problem.start]:02x}); fix the file or pass --encoding",
                path=name,
                line=raw.count(b"\n", 0, problem.start) + 1,
            ) from None
    return _strict(raw, name, guess(raw, name, error), error)


def guess(raw: bytes, name: str, error: type[Located] = InvalidInput) -> str:
    """The one encoding every plausible reading of `raw` agrees on, or `error`."""
    wide = b"\x00" in raw
    found = [m for m in charset_normalizer.from_bytes(_sample(raw)) if _plausible(m.encoding, wide)]
    if not found:
        raise error("cannot tell the text encoding; pass --encoding (e.g. gb18030, big5, cp1252)", path=name)
    best = min(m.chaos for m in found)
    close = [m for m in found if m.chaos <= best + CHAOS_MARGIN]
    odd = {m.encoding: oddities(str(m)[:ODDITY_SPAN]) for m in close}
    readings = {str(m): m for m in close if odd[m.encoding] == min(odd.values())}
    if len(readings) > 1 and all(_latin(text) for text in readings):
        # Language fit tells Latin code pages apart; it says nothing of CJK ones.
        fit = max(m.coherence for m in readings.values())
        readings = {t: m for t, m in readings.items() if m.coherence >= fit - COHERENCE_MARGIN}
        if len(readings) > 1 and any("cp1252" in m.could_be_from_charset for m in readings.values()):
            return "cp1252"  # short Latin text often reads alike in cp1252 and cp1250; Excel writes cp1252
    if len(readings) > 1:
        named = " or ".join(sorted({m.encoding for m in readings.values()}))
        raise error(f"cannot tell the text encoding (it reads as {named}); pass --encoding", path=name)
    return _widest(next(iter(readings.values())).could_be_from_charset)


def _sample(raw: bytes) -> bytes:
    """Up to SAMPLE bytes of whole lines from the first non-ASCII byte on."""
    start = next((i for i, chunk in enumerate(_chunks(raw)) if not chunk.isascii()), 0) * 4096
    start = raw.rfind(b"\n", 0, start) + 1
    if len(raw) - start <= SAMPLE:
        return raw[start:]
    end = raw.rfind(b"\n", start, start + SAMPLE)
    return raw[start : end if end > start else start + SAMPLE]


def _chunks(raw: bytes) -> list[bytes]:
    return [raw[i : i + 4096] for i in range(0, len(raw), 4096)]


def _plausible(encoding: str, wide: bool) -> bool:
    """Not a legacy code page, and UTF-16/32 exactly when the bytes hold NULs."""
    return not encoding.startswith(UNLIKELY) and encoding.startswith(("utf_16", "utf_32")) == wide


def _widest(names: list[str]) -> str:
    """The encoding to read the whole file with, of several that read the sample alike."""
    canonical = [WIDER.get(n, n) for n in names]
    return next((p for p in PREFERRED if p in canonical), canonical[0])


def oddities(text: str) -> int:
    """How many marks of a wrong code page a reading shows, which charset-normalizer does not
    weigh on short text: words mixing scripts no language mixes (Latin with Cyrillic, Hangul with
    Han), Latin words of accented letters only, words whose case flips again and again, Han
    characters outside the common sets of GB2312, Big5 and JIS, and half-width katakana."""
    count = 0
    for word in _WORD.findall(text):
        letters = list(word)
        scripts = {_script(ch) for ch in letters}
        if len(scripts) > 1 and not scripts <= _COMPATIBLE:
            count += 1
        if _ACCENT_RUN.search(word) or len(_CASE_FLIP.findall(word)) >= 3:
            count += 1
        count += sum(1 for ch in letters if _rare(ch))
    return count


_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: CSV commas and quotes part words as spaces do."""
_ACCENT_RUN = re.compile(r"[À-ɏ]{5,}")
"""Five accented Latin letters in a row: no language writes that, a wrong code page does."""
_CASE_FLIP = re.compile(r"[^\W\d_](?<=[a-zß-ÿа-я])(?=[A-ZÀ-ÞА-Я])")
"""A lower-case letter followed by a capital."""
_COMMON_HAN = (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6), ("shift_jis", 0x88, 0x98))
"""Lead bytes of the most used characters: GB2312 level 1, Big5 level 1 and JIS level 1."""


def _rare(ch: str) -> bool:
    """A half-width katakana, or a Han character none of the common sets holds."""
    if "\uff61" <= ch <= "\uff9f":
        return True
    if _script(ch) != "CJK":
        return False
    for codec, low, high in _COMMON_HAN:
        try:
            if low <= ch.encode(codec)[0] <= high:
                return False
        except UnicodeEncodeError:
            continue
    return True


def _latin(text: str) -> bool:
    return all(_script(ch) == "LATIN" for ch in text if ch.isalpha() and not ch.isascii())


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _codec(encoding: str, name: str, error: type[Located]) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise error(f"unknown encoding {encoding!r}", path=name) from None


def _strict(raw: bytes, name: str, codec: str, error: type[Located]) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as problem:
        line = raw.count(b"\n", 0, problem.start) + 1
        reason = f"not valid {codec} (byte 0x{raw[problem.start]:02x}); pass the right --encoding"
        raise error(reason, path=name, line=line) from None
    return text.removeprefix("\ufeff")


FIELD_LIMIT = 1 << 30
"""Largest CSV field read (the csv module's own limit, 128 KB, would stop a file at its first long name)."""


def physical_lines(text: str) -> list[str]:
    """Lines with their endings, split at line feeds only (at CRs where a file has no LF):
    a stray CR or U+2028 inside a field must not cut a record in two."""
    sep = "\n" if "\n" in text or "\r" not in text else "\r"
    parts = text.split(sep)
    lines = [part + sep for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def csv_problem(error: Exception) -> str:
    """A csv module error in words a user can act on."""
    text = str(error)
    if "new-line character" in text:
        return "a line break (CR) inside an unquoted field; quote the field or remove the CR"
    if "unexpected end of data" in text:
        return "the file ends inside a quoted field"
    return f"not valid CSV: {text}"


MAX_NESTING = 32
"""Deepest nesting of lists and objects a value may hold (no table cell or list field needs more)."""


def value_problem(value: Any) -> str | None:
    """Why a decoded JSON value cannot be kept: a lone surrogate, or nesting past MAX_NESTING."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if has_surrogate(item):
                return "holds a lone surrogate (an escape such as \\ud800 that is no character)"
        elif isinstance(item, dict | list):
            if depth >= MAX_NESTING:
                return f"nested deeper than {MAX_NESTING} levels"
            children = item.items() if isinstance(item, dict) else enumerate(item)
            stack.extend((x, depth + 1) for pair in children for x in pair)
    return None


def has_surrogate(text: str) -> bool:
    """Whether `text` holds a lone surrogate, which no UTF-8 file or database can store."""
    if text.isascii():  # a flag CPython keeps: no copy, unlike encode (run on every statement)
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def field_problem(record: dict[Any, Any]) -> tuple[str, str] | None:
    """(field, why) for the first field of a decoded JSON object that cannot be kept, else None;
    a field name holding a lone surrogate is given escaped."""
    for key, value in record.items():
        problem = value_problem(key) or value_problem(value)
        if problem:
            return str(key).encode("utf-8", "backslashreplace").decode("utf-8"), problem
    return None


def json_raw(value: Any, limit: int | None = None) -> str:
    """A decoded JSON value as text for a rejects file: readable, but lone surrogates escaped."""
    text = json.dumps(value, ensure_ascii=False)
    return (json.dumps(value) if has_surrogate(text) else text)[:limit]
