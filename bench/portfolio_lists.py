"""The lists of the real-portfolio evaluation, loaded into a database of their own: OFAC's SDN
list (sdn.csv of 2024-05-03 with the aliases, addresses and comments of 2025-12), OFAC's
consolidated non-SDN list of 2025-12, and lookthrough's built-in curated dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.paths import ALT, CONS, SDN, data_file, work_dir
from lookthrough.sources.load import LoadResult, load_path
from lookthrough.workspace import Workspace

SDN_PARTS = {"sdn.csv": SDN, "alt.csv": ALT}
SDN_EXTRAS = ("add.csv", "sdn_comments.csv")  # beside alt.csv in the 2025-12 folder


def sdn_folder() -> Path:
    """A folder of links that puts the 2024-05-03 entries beside the 2025-12 companion files, so
    the adapter joins them as one list (companions of later entries are rejected and counted)."""
    folder = work_dir("portfolio", "sdn")
    parts = dict(SDN_PARTS)
    parts.update({name: str(Path(ALT).parent / name) for name in SDN_EXTRAS})
    for name, relative in parts.items():
        link, target = folder / name, data_file(relative)
        if not target.exists():
            raise FileNotFoundError(f"shared list snapshot missing: {relative}")
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target)
    return folder


def open_lists(db: Path | None = None) -> tuple[Workspace, list[str]]:
    """A workspace on `db` (default bench/output/portfolio/lists.duckdb) holding the lists, and one
    line per list saying what it loaded."""
    path = db or fresh(work_dir("portfolio") / "lists.duckdb")
    ws = Workspace(str(path), builtin=True)
    notes = []
    for folder in (sdn_folder(), data_file(CONS)):
        for result in load_path(ws.store, folder):
            notes.append(_describe(result))
    ws.refresh()
    return ws, notes


def fresh(path: Path) -> Path:
    """`path` with any database (and its cached index) from an earlier run removed."""
    for old in (path, path.with_name(path.name + ".wal")):
        old.unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.name + ".cache"), ignore_errors=True)
    return path


def _describe(result: LoadResult) -> str:
    s = result.snapshot
    state = "unchanged" if result.unchanged else ("loaded" if result.ok else f"failed: {s.error}")
    return f"{s.title}: {s.entity_count:,} entities, {s.reject_count:,} rejected rows ({state})"
