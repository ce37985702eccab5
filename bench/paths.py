"""Where the shared list snapshots and the harness's own output live."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK = REPO / "bench" / "output"
RESULTS = REPO / "bench" / "RESULTS.md"

SDN = "ofac/sdn_2024-05-03/sdn.csv"
ALT = "ofac/sdn_add_alt_comments_2025-12/alt.csv"
CONS = "ofac/non_sdn_consolidated_2025-12"
OUI = "oui/aiooui-0.1.11/oui_ma-l_decoded.csv"
OTHER_LISTS = (
    "csl/csl_sample_2023-11-30.csv",
    "un/UN_consolidated_2026-02-27.xml",
    "uk/ofsi_consolidated_list_2025-04-10.xlsx",
)


def data_root() -> Path:
    """The shared snapshots: LOOKTHROUGH_SHARED_DATA, else `<repo>/../shared/data`."""
    return Path(os.environ.get("LOOKTHROUGH_SHARED_DATA", REPO.parent / "shared" / "data"))


def data_file(relative: str) -> Path:
    return data_root() / relative


def work_dir(*parts: str) -> Path:
    """A folder under bench/output (gitignored), created on demand."""
    path = WORK.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_text(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()
