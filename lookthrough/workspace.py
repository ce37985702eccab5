"""A database opened for work: the store, the built-in data, and the catalog and name index
built from its current snapshots, saved beside the database and memory-mapped after."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
from functools import cache
from pathlib import Path

from lookthrough import settings
from lookthrough.catalog import Catalog
from lookthrough.matching.engine.data import IndexData
from lookthrough.matching.matcher import Matcher, build_names
from lookthrough.screening.screener import Screener
from lookthrough.store import Store, open_store

log = logging.getLogger(__name__)
CACHE_VERSION = "3"
PACKAGE = Path(__file__).resolve().parent


@cache
def code_fingerprint() -> str:
    """A digest of the package's code and data: an index built by other code is not reused."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".pyx", ".json", ".yaml", ".yml", ".txt", ".csv"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Workspace:
    """Everything screening needs, built once per set of current snapshots."""

    def __init__(
        self, url: str | None = None, *, algorithm: str | None = None, builtin: bool | None = None
    ) -> None:
        self.store: Store = open_store(url)
        self.algorithm = algorithm or settings.get("ALGORITHM")
        self._matcher: Matcher | None = None
        if settings.builtin_enabled() if builtin is None else builtin:
            from lookthrough.builtin import ensure_builtin

            ensure_builtin(self.store)

    def model_path(self) -> Path | None:
        """Where the built catalog and index of the current snapshots live (None in memory)."""
        url = self.store.url.removeprefix("duckdb://")
        if url == ":memory:" or "://" in url:
            return None
        key = hashlib.sha256(
            f"{CACHE_VERSION}|{code_fingerprint()}|{self.algorithm}|{self.store.fingerprint()}".encode()
        ).hexdigest()
        return Path(url + ".cache") / f"model-{key[:16]}"

    def load_or_build(self) -> Matcher:
        """The catalog and name index of the current snapshots: mapped from disk when built
        before, else built (and saved beside the database)."""
        if self._matcher is None:
            path = self.model_path()
            matcher = _open(path, self.algorithm) if path is not None and path.is_dir() else None
            if matcher is None:
                matcher = self._build()
                if path is not None:
                    _save(matcher, path, self.algorithm)
            self._matcher = matcher
        return self._matcher

    def _build(self) -> Matcher:
        fingerprint = self.store.fingerprint()
        catalog = Catalog.from_rows(self.store.current_statement_rows(), fingerprint)
        return Matcher(catalog, build_names(catalog, self.algorithm))

    def catalog(self) -> Catalog:
        return self.load_or_build().catalog

    def screener(self, threshold: float | None = None) -> Screener:
        chosen = threshold if threshold is not None else settings.threshold_override()
        matcher = self.load_or_build()
        return Screener(matcher.catalog, matcher, chosen)

    def refresh(self) -> None:
        """Forget the built catalog and index after the set of snapshots changed."""
        self._matcher = None

    def close(self) -> None:
        self.store.close()


def _open(path: Path, algorithm: str) -> Matcher | None:
    try:
        return read_model(path, algorithm)
    except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError) as error:
        log.warning("rebuilding the index: the saved one cannot be read (%s)", error)
        return None


def read_model(path: Path, algorithm: str) -> Matcher:
    """The catalog and name index saved in `path`, mapped in; raises OSError, ValueError or
    KeyError (and pickle's errors for name_v1) when they cannot be read."""
    catalog = Catalog.open(
        path / "catalog", json.loads((path / "model.json").read_text("utf-8"))["fingerprint"]
    )
    if algorithm == "name_v1":
        names = pickle.loads((path / "names.pickle").read_bytes())
    else:
        from lookthrough.matching import get_algorithm
        from lookthrough.matching.engine.engine import NameEngine

        names = NameEngine(IndexData.open(path / "names"), get_algorithm(algorithm))
    return Matcher(catalog, names)


def _save(matcher: Matcher, path: Path, algorithm: str) -> None:
    """Write the model to a new folder and move it into place in one step; a failure (a full
    disk) leaves no partial folder and costs only the saving: screening goes on from memory."""
    partial = path.with_name(f"{path.name}.partial-{os.getpid()}")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        write_model(matcher, partial, algorithm)
        for old in [*path.parent.glob("model-*"), *path.parent.glob("matcher-*.pickle")]:
            if old != path and ".partial-" not in old.name:
                if old.is_dir():
                    shutil.rmtree(old, ignore_errors=True)
                else:
                    old.unlink(missing_ok=True)
        partial.rename(path)
    except OSError as error:
        log.warning("the index could not be saved beside the database (%s); it is used from memory", error)
        shutil.rmtree(partial, ignore_errors=True)


def write_model(
    matcher: Matcher, path: Path, algorithm: str, manifest: dict[str, object] | None = None
) -> None:
    """Write the catalog, the name index and model.json (with `manifest`'s keys added) into `path`."""
    matcher.catalog.save(path / "catalog")
    if algorithm == "name_v1":
        (path / "names.pickle").write_bytes(pickle.dumps(matcher.names, protocol=pickle.HIGHEST_PROTOCOL))
    else:
        matcher.names.data.save(path / "names")  # type: ignore[attr-defined]
    written = {"algorithm": algorithm, "fingerprint": matcher.catalog.fingerprint, "version": CACHE_VERSION}
    (path / "model.json").write_text(json.dumps({**written, **(manifest or {})}, indent=1), "utf-8")
