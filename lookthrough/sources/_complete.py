"""Signs that a downloaded list file was cut short: an unclosed XML root, a CSV ending mid-row,
a broken XLSX, ODS or ZIP archive. Each check returns reasons; an empty list means the file looks whole."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree

from lookthrough.sources.base import LoadReport


def xml_incomplete(path: Path, root: str) -> list[str]:
    """Reasons an XML file is partial: unreadable, ending before its root closes, or another root."""
    seen_root: str | None = None
    try:
        with path.open("rb") as handle:
            for event, el in etree.iterparse(handle, events=("start", "end")):
                if seen_root is None:
                    seen_root = etree.QName(el).localname
                if event == "end" and el.getparent() is not None and el.getparent().getparent() is None:
                    el.clear()  # keep memory flat while reading to the end
    except etree.XMLSyntaxError as error:
        return [f"{path.name}: the XML breaks off at line {error.lineno} ({error.msg})"]
    except OSError as error:
        return [f"{path.name}: cannot be read ({error})"]
    if seen_root != root:
        return [f"{path.name}: root element is <{seen_root}>, expected <{root}>"]
    return []


def text_incomplete(path: Path) -> list[str]:
    """Reasons a CSV-like text file is partial: empty, or its last line has no line end."""
    try:
        size = path.stat().st_size
        if size == 0:
            return [f"{path.name}: the file is empty"]
        with path.open("rb") as handle:
            handle.seek(max(size - 2, 0))
            tail = handle.read()
    except OSError as error:
        return [f"{path.name}: cannot be read ({error})"]
    if not tail.endswith((b"\n", b"\r")):
        return [f"{path.name}: the last line has no line end; the download may have been cut off"]
    return []


ZIP_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError)
"""What zipfile raises reading a damaged member: a failed CRC check or bad local header, a broken
deflate stream, a member cut short, or one that claims an unknown version, method or encryption."""


def zip_incomplete(path: Path) -> list[str]:
    """Reasons a ZIP container (XLSX, ODS, zipped CSV) is partial: no central directory, or a
    member that fails its CRC check or cannot be decompressed."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                try:
                    with archive.open(info) as member:
                        while member.read(1 << 20):
                            pass
                except (*ZIP_DAMAGE, ValueError) as error:
                    return [f"{path.name}: member {info.filename} is damaged ({error})"]
    except (zipfile.BadZipFile, OSError) as error:
        return [f"{path.name}: not a whole ZIP archive ({error}); the download may have been cut off"]
    return []


def rows_incomplete(path: Path, report: LoadReport) -> list[str]:
    """A load that read no record of the file at all."""
    counted = report.files.get(path.name)
    if counted is not None and counted.rows + counted.rejected == 0:
        return [f"{path.name}: no records were read"]
    return []
