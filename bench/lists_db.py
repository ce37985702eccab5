"""A database holding every shared list, loaded through lookthrough's own adapters, for the
benchmarks that run the command line end to end (screen, build, cold start)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.paths import ALT, CONS, OTHER_LISTS, SDN, data_file, work_dir
from lookthrough.sources.load import load_path
from lookthrough.workspace import Workspace


def sdn_folder() -> Path:
    """The 2024-05-03 SDN file beside the 2025-12 aliases, addresses and remarks (as the
    matcher benchmark reads them), in one folder under bench/output."""
    folder = work_dir("sdn_2024_with_2025_aliases")
    shutil.copyfile(data_file(SDN), folder / "sdn.csv")
    for name in ("alt.csv", "add.csv", "sdn_comments.csv"):
        shutil.copyfile(data_file(ALT).parent / name, folder / name)
    return folder


def lists_db(name: str = "lists.duckdb", *, smoke: bool = False) -> Path:
    """bench/output/<name>: SDN, the consolidated list, the CSL sample, UN, UK and the built-in
    data (`smoke`: the consolidated list and the built-in data only); built once, reused while
    its file exists."""
    path = work_dir() / name
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    workspace = Workspace(str(partial), builtin=True)
    # The shared samples are cut short in places (the CSL sample ends mid-record): forced.
    sources = [data_file(CONS)] if smoke else [sdn_folder(), data_file(CONS), *map(data_file, OTHER_LISTS)]
    for source in sources:
        load_path(workspace.store, source, force=True, origin=f"bench: {source.name}")
    workspace.close()
    partial.rename(path)
    return path
